"""A test client that calls the JSON API with a bearer token, as an outside program would."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from banquan.accounts import services as accounts


class BearerClient:
    def __init__(self, user, token: str | None = None):
        self.user = user
        self.token = token or accounts.issue_token(user=user, name="test")[1]
        self.client = Client()

    def _headers(self) -> dict:
        return {"Authorization": f"Bearer {self.token}"}

    def get(self, path: str, **params):
        return self.client.get(path, params, headers=self._headers())

    def post(self, path: str, body: dict | None = None):
        return self.client.post(path, json.dumps(body or {}), content_type="application/json",
                                headers=self._headers())

    def patch(self, path: str, body: dict):
        return self.client.patch(path, json.dumps(body), content_type="application/json",
                                 headers=self._headers())

    def delete(self, path: str):
        return self.client.delete(path, headers=self._headers())

    def upload(self, path: str, name: str, data: bytes, role: str = "sample"):
        return self.client.post(path, {"file": SimpleUploadedFile(name, data), "role": role},
                                headers=self._headers())
