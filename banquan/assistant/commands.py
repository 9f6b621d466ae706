"""``banquan ask "question"``: the answer and its sources, as the chat page would give them."""

import argparse
import json

from django.conf import settings
from django.urls import reverse

from banquan.assistant import answering, rules


def ask(args: argparse.Namespace) -> int:
    question = " ".join(args.question).strip()
    if not question:
        print("banquan ask: give a question", flush=True)
        return 2
    if rules.wants_person(question):
        print("转人工：请在网站的智能客服页面提问，工作人员会在对话中回复。")
        return 0
    answer = answering.answer(question)
    base = settings.BASE_URL
    sources = [{"title": s.title, "heading": s.heading,
                "url": base + reverse("assistant:article", args=[s.slug]) + (f"#{s.anchor}" if s.anchor else "")}
               for s in answer.sources]
    if args.json:
        print(json.dumps({"answer": answer.text, "confident": answer.confident, "via": answer.via,
                          "sources": sources}, ensure_ascii=False))
        return 0
    print(answer.text)
    if sources:
        print("\n来源：")
        for n, s in enumerate(sources, 1):
            print(f"[{n}] {s['title']} · {s['heading']}  {s['url']}" if s["heading"] else f"[{n}] {s['title']}  {s['url']}")
    if not answer.confident:
        print("\n（智能客服没有把握：在网站上提问时会转人工客服。）")
    return 0
