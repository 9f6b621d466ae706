"""The checks behind ``lexicon.services`` (and the back-office forms): what a term, a level
and a category name must be for the lexicon files to hold them, and who may edit."""

from django.utils.translation import gettext as _

from banquan.accounts.models import User
from banquan.core.errors import PermissionDenied, ValidationFailed
from banquan.lexicon.models import Category, Term
from banquan.screening.text import lexicon as files


def may_edit(by: User | None) -> None:
    if by is not None and not by.is_registrar:
        raise PermissionDenied(_("只有登记管理员可以维护敏感词库。"))


def term_text(text: str, field: str = "text") -> str:
    """The stripped term, if the lexicon files can hold it: it must come back unchanged from the
    text format (no tab or line break, no leading "#", 1 to 64 characters)."""
    text = (text or "").strip()
    if any(ch in "\r\n\t" for ch in text):
        raise ValidationFailed({field: [_("词条中不能有换行或制表符。")]})
    try:
        parsed = files.parse_text(files.dump_text([files.Term(text)]))
    except files.LexiconError as e:
        raise ValidationFailed({field: [e.errors[0].message]}) from None
    if [t.text for t in parsed] != [text]:
        raise ValidationFailed({field: [_("词条不能以“#”开头。")]})
    return text


def term_level(level: int) -> int:
    if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= files.MAX_LEVEL:
        raise ValidationFailed({"level": [_("级别应为 1 到 %(max)d 的整数。") % {"max": files.MAX_LEVEL}]})
    return level


def existing_category(name: str) -> Category:
    category = Category.objects.filter(name=(name or "").strip()).first()
    if category is None:
        raise ValidationFailed({"category": [_("未知类别“%(name)s”，请先添加该类别。") % {"name": name}]})
    return category


def category_name(name: str) -> str:
    """The stripped name, if term files can name it (it is a column of the text and CSV forms)."""
    name = (name or "").strip()
    if not name or len(name) > 32 or any(ch in "\r\n\t," for ch in name) or name.startswith("#"):
        raise ValidationFailed({"name": [_("类别名称应为 1 到 32 个字符，不能含逗号、换行或制表符，不能以“#”开头。")]})
    return name


def new_category_name(name: str, *, exclude: int | None = None) -> str:
    name = category_name(name)
    others = Category.objects.filter(name=name)
    if (others.exclude(pk=exclude) if exclude is not None else others).exists():
        raise ValidationFailed({"name": [_("类别“%(name)s”已存在。") % {"name": name}]})
    return name


def unique_term(text: str, *, exclude: int | None = None) -> None:
    others = Term.objects.filter(text=text)
    other = (others.exclude(pk=exclude) if exclude is not None else others).first()
    if other is not None:
        message = _("词条“%(text)s”已在词库中。") if other.active else _("词条“%(text)s”已在词库中（已停用），请启用它。")
        raise ValidationFailed({"text": [message % {"text": text}]})


def decoded(data: bytes) -> str:
    try:
        return files.decode(data)
    except files.LexiconError as e:
        raise ValidationFailed({"file": [str(err) for err in e.errors]}) from None
