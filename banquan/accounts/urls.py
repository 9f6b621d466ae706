from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from banquan.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("sign-up/", views.sign_up, name="sign_up"),
    path("password/", auth_views.PasswordChangeView.as_view(
        template_name="accounts/password.html", success_url=reverse_lazy("home")), name="password_change"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/new/", views.create_token, name="create_token"),
    path("tokens/<int:token_id>/revoke/", views.revoke_token, name="revoke_token"),
]
