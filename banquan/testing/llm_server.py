"""A small OpenAI-compatible chat-completions server on loopback, for tests: the only outside
system the tests fake is the model provider's network.

``reply`` decides each answer from the request's messages; every request is kept in
``requests`` so tests can check what the system sent (the retrieved passages, the form)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Reply = Callable[[list[dict[str, Any]]], str]


class FakeLLMServer:
    def __init__(self, reply: Reply | None = None, *, model: str = "fake-deepseek"):
        self.reply: Reply = reply or (lambda messages: "好的。")
        self.model = model
        self.requests: list[dict[str, Any]] = []
        self.status = 200  # set to 500 or 503 to make the provider fail
        self.delay = 0.0  # seconds before answering (timeouts)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                server.requests.append({"path": self.path, "body": body,
                                        "authorization": self.headers.get("Authorization", "")})
                if server.delay:
                    time.sleep(server.delay)
                if not self.path.rstrip("/").endswith("/chat/completions") or server.status != 200:
                    self._send(server.status if server.status != 200 else 404, {"error": {"message": "fail"}})
                    return
                content = server.reply(body.get("messages", []))
                self._send(200, {
                    "id": f"chatcmpl-{len(server.requests)}", "object": "chat.completion",
                    "created": int(time.time()), "model": body.get("model", server.model),
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": content}}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                })

            def _send(self, status: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def start(self) -> FakeLLMServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def last_user_message(self) -> str:
        messages = self.requests[-1]["body"]["messages"]
        return next(m["content"] for m in reversed(messages) if m["role"] == "user")
