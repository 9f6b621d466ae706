"""Applicants open their own accounts; passwords are stored with argon2."""

from banquan.accounts.models import Role, User

FORM = {"username": "wangfang", "display_name": "王芳", "applicant_kind": "person", "organization": "",
        "email": "wf@example.cn", "phone": "13800138000", "password1": "Qiushan-2026!",
        "password2": "Qiushan-2026!"}


def test_sign_up_creates_an_applicant_and_logs_in(client, db):
    response = client.post("/accounts/sign-up/", FORM)
    assert response.status_code == 302
    user = User.objects.get(username="wangfang")
    assert user.role == Role.APPLICANT and user.display_name == "王芳"
    assert user.password.startswith("argon2$")
    assert client.get("/applications/").status_code == 200


def test_sign_up_errors_are_shown_beside_the_fields(client, db):
    bad = {**FORM, "password2": "different-2026!", "phone": "abc", "applicant_kind": "agent"}
    page = client.post("/accounts/sign-up/", bad)
    body = page.content.decode()
    assert page.status_code == 400
    assert "两次输入的密码不一致" in body and "请填写有效的电话号码" in body and "代理人请填写代理机构名称" in body
    assert not User.objects.filter(username="wangfang").exists()


def test_username_taken_and_weak_password(client, db, applicant):
    page = client.post("/accounts/sign-up/", {**FORM, "username": applicant.username.upper(),
                                              "password1": "12345678", "password2": "12345678"})
    body = page.content.decode()
    assert "该用户名已被使用" in body
    assert User.objects.filter(username__iexact=applicant.username).count() == 1
