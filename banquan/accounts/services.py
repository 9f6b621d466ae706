"""Account state changes: creating users and issuing/revoking API tokens."""

from django.db import transaction

from banquan.accounts import tokens
from banquan.accounts.models import ApiToken, Role, User
from banquan.core import clock


@transaction.atomic
def create_user(
    *, username: str, password: str, role: str = Role.APPLICANT, display_name: str = "",
    applicant_kind: str = "", organization: str = "", email: str = "", phone: str = "",
    is_staff: bool = False,
) -> User:
    user = User(
        username=username, role=role, display_name=display_name, email=email, phone=phone,
        applicant_kind=applicant_kind, organization=organization,
        is_staff=is_staff or role == Role.REGISTRAR,
    )
    user.set_password(password)
    user.save()
    return user


def issue_token(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token; returns the row and the token text, which is never stored."""
    token = tokens.new_token()
    row = ApiToken.objects.create(
        user=user, name=name, prefix=tokens.display_prefix(token), digest=tokens.digest(token)
    )
    return row, token


def revoke_token(*, user: User, token_id: int) -> None:
    ApiToken.objects.filter(pk=token_id, user=user, revoked_at__isnull=True).update(revoked_at=clock.now())


def user_for_token(token: str) -> User | None:
    row = (
        ApiToken.objects.select_related("user")
        .filter(digest=tokens.digest(token), revoked_at__isnull=True)
        .first()
    )
    if row is None or not row.user.is_active:
        return None
    ApiToken.objects.filter(pk=row.pk).update(last_used_at=clock.now())
    return row.user
