"""The language-model interface: an OpenAI-compatible chat model (DeepSeek, Qwen, a local
server) when ``BANQUAN_LLM_BASE_URL`` is set, none otherwise.

Callers ask ``llm.model()``; ``None`` means the office runs without a model and every feature
that uses one must still work (the assistant answers from retrieval alone, suggestions are not
offered). A model that fails or times out raises ``ModelUnavailable`` so that callers fall back
the same way instead of showing an error page.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any, Protocol

from django.conf import settings

from banquan.core import plugins

log = logging.getLogger(__name__)


class ModelUnavailable(Exception):
    """The model could not answer (network, timeout, bad reply)."""


@dataclass(frozen=True)
class Message:
    role: str  # "system" | "user" | "assistant"
    content: str


class LanguageModel(Protocol):
    name: str

    def chat(self, messages: list[Message], *, temperature: float = 0.2, max_tokens: int = 800) -> str: ...


class NoModel:
    """The embedded default: no model configured."""

    name = ""

    def chat(self, messages: list[Message], *, temperature: float = 0.2, max_tokens: int = 800) -> str:
        raise ModelUnavailable("no language model is configured (BANQUAN_LLM_BASE_URL)")


class OpenAICompatible:
    """A chat-completions endpoint through the ``openai`` client; settings are read when the
    instance is made (``plugins.reset()`` after changing them)."""

    def __init__(self) -> None:
        from openai import OpenAI

        self.name = settings.BANQUAN_LLM_MODEL
        self._client = OpenAI(
            base_url=settings.BANQUAN_LLM_BASE_URL,
            api_key=settings.BANQUAN_LLM_API_KEY or "none",
            timeout=settings.BANQUAN_LLM_TIMEOUT,
            max_retries=1,
        )

    def chat(self, messages: list[Message], *, temperature: float = 0.2, max_tokens: int = 800) -> str:
        import openai

        try:
            reply = self._client.chat.completions.create(
                model=self.name,
                messages=[{"role": m.role, "content": m.content} for m in messages],  # type: ignore[misc]
                temperature=temperature,
                max_tokens=max_tokens,
            )
        except openai.OpenAIError as exc:
            log.warning("language model %s failed: %s", self.name, exc)
            raise ModelUnavailable(str(exc)) from exc
        content = reply.choices[0].message.content if reply.choices else None
        if not content or not content.strip():
            raise ModelUnavailable("the model returned an empty answer")
        return content.strip()


def model() -> LanguageModel | None:
    """The configured model, or ``None`` when the office runs without one."""
    instance = plugins.get("BANQUAN_LLM")
    return None if isinstance(instance, NoModel) else instance


def chat_json(lm: LanguageModel, messages: list[Message], **kwargs: Any) -> Any:
    """Ask for a JSON answer and parse it; a reply wrapped in a ```json fence is accepted."""
    text = lm.chat(messages, **kwargs).strip()
    if text.startswith("```"):
        text = text.strip("`")
        text = text[4:] if text.lower().startswith("json") else text
    try:
        return json.loads(text)
    except ValueError as exc:
        raise ModelUnavailable(f"the model did not answer in JSON: {text[:200]!r}") from exc
