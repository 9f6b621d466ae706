from django.http import HttpRequest
from ninja import Router

from banquan.accounts import services
from banquan.accounts.models import ApiToken, User
from banquan.accounts.schemas import NewTokenOut, TokenIn, TokenOut

router = Router(tags=["tokens"])


def _user(request: HttpRequest) -> User:
    # Both API authenticators only admit a real, active User.
    assert isinstance(request.user, User)
    return request.user


@router.get("", response=list[TokenOut], summary="List my API tokens")
def list_tokens(request: HttpRequest):
    return ApiToken.objects.filter(user=_user(request)).order_by("-created_at")


@router.post("", response={201: NewTokenOut}, summary="Create an API token (shown once)")
def create_token(request: HttpRequest, body: TokenIn):
    row, token = services.issue_token(user=_user(request), name=body.name[:100] or "API")
    return 201, {**TokenOut.from_orm(row).dict(), "token": token}


@router.delete("/{token_id}", response={204: None}, summary="Revoke an API token")
def revoke_token(request: HttpRequest, token_id: int):
    services.revoke_token(user=_user(request), token_id=token_id)
    return 204, None
