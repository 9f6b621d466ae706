from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from banquan.accounts import services
from banquan.accounts.models import ApiToken


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


@login_required
def tokens(request):
    new_token = request.session.pop("new_token", None)
    rows = ApiToken.objects.filter(user=request.user).order_by("-created_at")
    return render(request, "accounts/tokens.html", {"tokens": rows, "new_token": new_token})


@login_required
@require_POST
def create_token(request):
    name = request.POST.get("name", "").strip()[:100]
    if not name:
        messages.error(request, _("请填写令牌名称。"))
        return redirect("accounts:tokens")
    _row, token = services.issue_token(user=request.user, name=name)
    request.session["new_token"] = token
    return redirect("accounts:tokens")


@login_required
@require_POST
def revoke_token(request, token_id: int):
    services.revoke_token(user=request.user, token_id=token_id)
    messages.success(request, _("令牌已吊销。"))
    return redirect("accounts:tokens")
