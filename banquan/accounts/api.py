from django.http import HttpRequest
from ninja import Router

from banquan.accounts import services
from banquan.accounts.models import ApiToken
from banquan.accounts.schemas import NewTokenOut, TokenIn, TokenOut

router = Router(tags=["tokens"])


@router.get("", response=list[TokenOut], summary="List my API tokens")
def list_tokens(request: HttpRequest):
    return ApiToken.objects.filter(user=request.user).order_by("-created_at")


@router.post("", response={201: NewTokenOut}, summary="Create an API token (shown once)")
def create_token(request: HttpRequest, body: TokenIn):
    row, token = services.issue_token(user=request.user, name=body.name[:100] or "API")
    return 201, {**TokenOut.from_orm(row).dict(), "token": token}


@router.delete("/{token_id}", response={204: None}, summary="Revoke an API token")
def revoke_token(request: HttpRequest, token_id: int):
    services.revoke_token(user=request.user, token_id=token_id)
    return 204, None
