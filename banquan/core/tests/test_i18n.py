"""The English interface: switching language, and a complete English catalogue.

The msgids are Chinese (the source language); ``locale/en`` holds the English catalogue. The
pages are read through the compiled ``django.mo``, so run ``compilemessages -l en`` after editing
the ``.po``.
"""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

PO_PATH = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
# Apps may keep their own catalogue beside their code (Django merges them); each is held to the
# same rules as the main one.
APP_PO_PATHS = sorted(Path(settings.BASE_DIR).glob("*/locale/en/LC_MESSAGES/django.po"))


def _switch_to_english(client, next_url="/"):
    response = client.post(reverse("set_language"), {"language": "en", "next": next_url})
    assert response.status_code == 302
    assert response.url == next_url


@pytest.mark.django_db
def test_home_page_switches_to_english(client):
    html = client.get(reverse("home")).content.decode()
    assert "著作权登记" in html and "查询已登记作品" in html

    _switch_to_english(client)
    html = client.get(reverse("home")).content.decode()
    assert '<html lang="en">' in html
    for english in (
        "Copyright Registration",
        "Search registered works",
        "Log in to apply for registration",
        "25 working days",
        "Registration search",
    ):
        assert english in html
    for chinese in ("著作权登记", "查询已登记作品", "登录后申请登记", "工作日", "登记查询"):
        assert chinese not in html
    # The switcher now offers the way back to Chinese.
    assert 'value="zh-hans">中文<' in html


@pytest.mark.django_db
def test_login_page_switches_to_english(client):
    url = reverse("accounts:login")
    _switch_to_english(client, url)
    html = client.get(url).content.decode()
    for english in ("<h1>Log in</h1>", ">Username<", ">Password<"):
        assert english in html
    for chinese in ("用户名", "密码", "登录"):
        assert chinese not in html


@pytest.mark.django_db
def test_switching_back_to_chinese(client):
    _switch_to_english(client)
    client.post(reverse("set_language"), {"language": "zh-hans", "next": "/"})
    html = client.get(reverse("home")).content.decode()
    assert "著作权登记" in html and "Copyright Registration" not in html


# --- the catalogue itself (no database) ---------------------------------------------------------

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*)$")


def _unquote(text: str) -> str:
    return "".join(ast.literal_eval(s) for s in _STRING.findall(text))


def read_po(path: Path) -> list[dict]:
    """A minimal .po reader: one dict per entry with its flags and keyword -> string."""
    entries, entry, key = [], None, None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            if entry and "msgid" in entry["fields"]:
                entries.append(entry)
            entry, key = None, None
            continue
        if entry is None:
            entry = {"flags": set(), "fields": {}, "obsolete": False}
        if line.startswith("#~"):
            entry["obsolete"] = True
        elif line.startswith("#,"):
            entry["flags"].update(f.strip() for f in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif match := _KEYWORD.match(line):
            key = match.group(1)
            entry["fields"][key] = _unquote(match.group(2))
        elif line.startswith('"') and key:
            entry["fields"][key] += _unquote(line)
        else:
            raise AssertionError(f"unreadable line in {path.name}: {raw!r}")
    return [e for e in entries if not e["obsolete"]]


_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


def test_the_main_catalogue_is_the_large_one():
    assert len([e for e in read_po(PO_PATH) if e["fields"]["msgid"]]) > 400


@pytest.mark.parametrize("po_path", [PO_PATH, *APP_PO_PATHS], ids=lambda p: str(p.parent.parent.parent.parent.name))
def test_every_english_msgid_has_a_translation(po_path):
    entries = read_po(po_path)
    messages = [e for e in entries if e["fields"]["msgid"]]  # skip the header
    untranslated, fuzzy, bad_placeholders = [], [], []
    for e in messages:
        fields = e["fields"]
        msgid = fields["msgid"]
        translations = [v for k, v in fields.items() if k.startswith("msgstr")]
        if not translations or not all(t.strip() for t in translations):
            untranslated.append(msgid)
        if "fuzzy" in e["flags"]:
            fuzzy.append(msgid)
        wanted = sorted(set(_PLACEHOLDER.findall(msgid)))
        for t in translations:
            if sorted(set(_PLACEHOLDER.findall(t))) != wanted:
                bad_placeholders.append((msgid, t))
    assert untranslated == []
    assert fuzzy == []
    assert bad_placeholders == []


@pytest.mark.parametrize("po_path", [PO_PATH, *APP_PO_PATHS], ids=lambda p: str(p.parent.parent.parent.parent.name))
def test_header_declares_english_without_fuzzy(po_path):
    header = read_po(po_path)[0]
    assert header["fields"]["msgid"] == ""
    assert "fuzzy" not in header["flags"]
    assert "Language: en\n" in header["fields"]["msgstr"]


def test_browser_language_does_not_override_chinese_default(client, db):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "著作权登记" in page
    assert "Copyright Registration" not in page


@pytest.mark.parametrize("po_path", [PO_PATH, *APP_PO_PATHS], ids=lambda p: str(p.parent.parent.parent.parent.name))
def test_the_compiled_catalogue_matches_its_source(po_path):
    # Pages read the .mo: a .po edited without compiling would leave English pages in Chinese.
    import gettext

    with open(po_path.with_suffix(".mo"), "rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    stale = []
    for e in read_po(po_path):
        fields = e["fields"]
        if not fields["msgid"] or "msgid_plural" in fields:
            continue
        key = f"{fields['msgctxt']}\x04{fields['msgid']}" if "msgctxt" in fields else fields["msgid"]
        if compiled._catalog.get(key) != fields["msgstr"]:  # type: ignore[attr-defined]
            stale.append(fields["msgid"])
    assert stale == []
