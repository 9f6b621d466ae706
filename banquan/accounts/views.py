from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from banquan.accounts import services
from banquan.accounts.forms import SignUpForm
from banquan.accounts.models import ApiToken


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


def sign_up(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        user = services.create_user(
            username=d["username"], password=d["password1"], display_name=d["display_name"],
            applicant_kind=d["applicant_kind"], organization=d["organization"], email=d["email"],
            phone=d["phone"],
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("账户已创建。现在可以提交作品登记申请。"))
        return redirect("applications:list")
    return render(request, "accounts/sign_up.html", {"form": form}, status=400 if form.errors else 200)


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
