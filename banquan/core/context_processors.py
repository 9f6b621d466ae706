from django.conf import settings
from django.utils.translation import get_language


def office(request):
    name = settings.BANQUAN_OFFICE_NAME_EN if get_language() == "en" else settings.BANQUAN_OFFICE_NAME
    return {"office_name": name}
