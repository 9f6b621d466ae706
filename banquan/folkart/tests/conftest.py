import io

import pytest

from banquan.folkart import media, services
from banquan.testing import factories


def item_values(**overrides) -> dict:
    values = {"name": "历城剪纸", "category": "paper_cutting", "province": "山东省", "city": "济南市",
              "district": "历城区", "community": "港沟街道剪纸协会", "filer_name": "",
              "description": "以红纸剪刻花鸟、窗花和吉祥图案。", "history": "清末以来在乡间流传。"}
    values.update(overrides)
    return values


INHERITORS = [{"name": "韩秀兰", "level": "municipal", "generation": 4}]


def file_item(applicant, **overrides):
    return services.file(applicant=applicant, values=item_values(**overrides), inheritors=list(INHERITORS))


def add_png(user, item, name="窗花.png", color=(200, 30, 30)):
    data = factories.png_bytes(color)
    return media.add(user=user, item_id=item.pk, name=name, file=io.BytesIO(data), size=len(data))


@pytest.fixture
def filed(clock, applicant):
    return file_item(applicant)


@pytest.fixture
def accepted(filed, reviewer):
    return services.decide(officer=reviewer, item_id=filed.pk, decision="accept")
