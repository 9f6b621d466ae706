"""The messages sent to the model (no database). Each asks for one JSON object; the answer is
checked by ``answers`` before anything is offered."""

import json
from typing import Any

from banquan.core.llm import Message

SYSTEM = ("你是中国版权登记机构的登记助手。你只根据申请人填写的内容作答，不编造事实；"
          "只输出一个 JSON 对象，不要输出其他文字。")


def _facts(view: Any) -> str:
    return json.dumps(view, ensure_ascii=False, indent=1, default=str)


def category(view: dict[str, Any], table: list[dict[str, str]]) -> list[Message]:
    return [
        Message("system", SYSTEM),
        Message("user", (
            "请根据下面这件作品登记申请的作品名称、创作说明和样本，判断它最适合的作品类别。\n"
            "可选类别（code 与名称）：\n" + _facts(table) + "\n\n申请内容：\n" + _facts(view) + "\n\n"
            '请回答：{"category": "<上表中的一个 code>", "reason": "<一两句中文理由>"}'
        )),
    ]


def remarks(view: dict[str, Any], fields: dict[str, str], found: list[str]) -> list[Message]:
    already = "\n".join(f"- {m}" for m in found) or "（无）"
    return [
        Message("system", SYSTEM),
        Message("user", (
            "请检查下面这份作品登记申请表中前后矛盾或明显不合常理的地方（例如日期、创作方式与著作权人、"
            "作品类别与样本不符）。只指出确有依据的问题，最多 5 条；没有问题就回答空列表。\n"
            "以下问题已经由规则检查指出，不要重复：\n" + already + "\n\n"
            "字段名（field）与含义：\n" + _facts(fields) + "\n\n申请内容：\n" + _facts(view) + "\n\n"
            '请回答：{"remarks": [{"field": "<字段名，无法对应时为空>", "message": "<一句中文说明>"}]}'
        )),
    ]


def summary(view: dict[str, Any], flags: list[str]) -> list[Message]:
    return [
        Message("system", SYSTEM),
        Message("user", (
            "请为审查员写一段 200 字以内的申请摘要：作品是什么、作者与著作权人是谁、创作与发表情况，"
            "以及值得审查员注意的事实和下列自动检查结果。不要作出是否予以登记的结论。\n"
            "自动检查结果：\n" + ("\n".join(f"- {f}" for f in flags) or "（无）") + "\n\n"
            "申请内容：\n" + _facts(view) + "\n\n"
            '请回答：{"summary": "<摘要>"}'
        )),
    ]
