"""Extracting text from each kind of sample, with locations; broken files are unreadable."""

import codecs
import io
import zipfile

import pytest

from banquan.screening import extract
from banquan.screening.extract import plain, subtitles
from banquan.screening.extract.base import Piece, Segment, Unreadable, joined
from banquan.screening.tests.documents import docx_bytes, pdf_bytes

TEXT = "第一行：山水长卷。\n第二行：颠覆国家政权的阴谋。\n"


def only_text(result: extract.Extracted) -> str:
    assert len(result.pieces) == 1
    return result.pieces[0].text


# --- plain text in the encodings the office receives ---------------------------------------

@pytest.mark.parametrize("encoded", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    TEXT.encode("gb18030"),
    TEXT.encode("gbk"),
    TEXT.encode("utf-16"),  # with BOM
    codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    TEXT.replace("\n", "\r\n").encode("gb18030"),
], ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16-le-bom", "utf16-be-bom", "gb18030-crlf"])
def test_plain_text_in_every_received_encoding(encoded):
    assert only_text(extract.extract("text", encoded)) == TEXT


def test_gb18030_four_byte_characters():
    text = "生僻字：𠀀𪚥，以及㐀。"
    assert plain.decode(text.encode("gb18030")) == text


def test_binary_data_is_unreadable_with_a_reason():
    data = bytes(range(256)) * 20
    with pytest.raises(Unreadable) as e:
        extract.extract("text", data)
    assert "编码" in e.value.reason


def test_empty_text_gives_no_piece():
    assert extract.extract("text", b"  \n").pieces == []


def test_lines_of_a_text_are_located():
    piece = Piece("", TEXT)
    assert piece.locate(TEXT.index("颠覆")) == ("第 2 行", None)
    assert Piece("", "一行而已").locate(2) == ("", None)


# --- DOCX ------------------------------------------------------------------------------------

def test_docx_paragraphs_tables_and_header_in_order():
    data = docx_bytes(["第一段文字。", "", "第二段写到颠覆国家政权。"],
                      table=[["角色", "台词"], ["甲", "表格里的字"]], header="页眉文字")
    result = extract.extract("docx", data)
    piece = result.pieces[0]
    assert piece.text.split("\n") == ["第一段文字。", "第二段写到颠覆国家政权。", "角色", "台词", "甲", "表格里的字", "页眉文字"]
    assert piece.locate(piece.text.index("颠覆"))[0] == "第 2 段"
    assert piece.locate(piece.text.index("表格里"))[0] == "表格 1 第 2 行第 2 列"
    assert piece.locate(piece.text.index("页眉"))[0] == "页眉"


def test_a_corrupt_docx_is_unreadable():
    data = docx_bytes(["正文"])
    with pytest.raises(Unreadable) as e:
        extract.extract("docx", data[: len(data) // 2])
    assert "DOCX" in e.value.reason


def test_a_zip_that_is_not_a_word_document_is_unreadable():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("hello.txt", "不是 Word")
    with pytest.raises(Unreadable):
        extract.extract("docx", out.getvalue())


def test_a_legacy_doc_file_is_unreadable_with_advice():
    with pytest.raises(Unreadable) as e:
        extract.extract("docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert ".doc" in e.value.reason and "DOCX" in e.value.reason


# --- PDF -------------------------------------------------------------------------------------

def test_pdf_text_page_by_page():
    result = extract.extract("pdf", pdf_bytes(["第一页：山水。", "第二页：颠覆国家政权。"]))
    assert [p.location for p in result.pieces] == ["第 1 页", "第 2 页"]
    assert "颠覆国家政权" in result.pieces[1].text
    assert result.problems == []


def test_a_corrupt_pdf_is_unreadable():
    data = pdf_bytes(["内容"])
    with pytest.raises(Unreadable) as e:
        extract.extract("pdf", b"%PDF-1.4\n" + data[400:600])
    assert "PDF" in e.value.reason


def test_a_pdf_without_text_is_reported():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    result = extract.extract("pdf", bytes(pdf.output()))
    assert result.pieces == [] and "没有可提取的文字" in result.problems[0]


def test_an_encrypted_pdf_is_unreadable():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(["保密内容"]))))
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(Unreadable) as e:
        extract.extract("pdf", out.getvalue())
    assert "加密" in e.value.reason


# --- subtitles -------------------------------------------------------------------------------

SRT = """1
00:00:01,000 --> 00:00:03,500
<i>开场白</i>

2
00:00:04,000 --> 00:00:06,000
他们密谋颠覆国家政权
第二行台词

3
00:01:02,250 --> 00:01:04,000
结束
"""


def test_srt_keeps_cue_text_and_locates_cues():
    piece = only_text_piece(extract.extract("subtitle", SRT.encode(), name="a.srt"))
    assert piece.text == "开场白\n他们密谋颠覆国家政权\n第二行台词\n结束"
    assert "-->" not in piece.text
    assert piece.locate(piece.text.index("颠覆"))[0] == "第 2 条字幕（00:00:04,000）"
    assert piece.locate(piece.text.index("结束"))[0] == "第 3 条字幕（00:01:02,250）"


def only_text_piece(result: extract.Extracted) -> Piece:
    assert len(result.pieces) == 1 and result.problems == []
    return result.pieces[0]


def test_srt_in_gb18030_with_crlf():
    data = SRT.replace("\n", "\r\n").encode("gb18030")
    piece = only_text_piece(extract.extract("subtitle", data, name="a.srt"))
    assert "他们密谋颠覆国家政权" in piece.text


def test_webvtt():
    vtt = "WEBVTT\n\nNOTE 这是注释\n\nintro\n00:01.000 --> 00:04.000 align:start\n第一句\n\n00:05.000 --> 00:07.000\n<v 旁白>第二句</v>\n"
    piece = only_text_piece(extract.extract("subtitle", vtt.encode(), name="a.vtt"))
    assert piece.text == "第一句\n第二句"
    assert piece.locate(piece.text.index("第二"))[0] == "第 2 条字幕（00:05.000）"


def test_ass_dialogue_lines():
    ass = ("[Script Info]\nTitle: 测试\n\n[V4+ Styles]\nFormat: Name, Fontname\nStyle: Default,SimHei\n\n"
           "[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
           "Dialogue: 0,0:00:01.00,0:00:03.00,Default,,0,0,0,,{\\an8}第一句，带逗号\\N换行\n"
           "Comment: 0,0:00:01.00,0:00:03.00,Default,,0,0,0,,不是对白\n"
           "Dialogue: 0,0:00:04.00,0:00:05.00,Default,,0,0,0,,第二句\n")
    piece = only_text_piece(extract.extract("subtitle", ass.encode(), name="a.ass"))
    assert piece.text == "第一句，带逗号\n换行\n第二句"
    assert piece.locate(piece.text.index("第二"))[0] == "第 2 条对白（0:00:04.00）"


def test_an_unrecognised_subtitle_file_is_screened_as_text_and_says_so():
    result = extract.extract("subtitle", "只是一段文字".encode(), name="a.srt")
    assert result.pieces[0].text == "只是一段文字" and "纯文本" in result.problems[0]


def test_subtitle_sniffing():
    assert subtitles.sniff("WEBVTT\n\n") == "vtt"
    assert subtitles.sniff("[Script Info]\n") == "ass"
    assert subtitles.sniff(SRT) == "srt"
    assert subtitles.sniff("随便写的") is None


# --- kinds and pieces ------------------------------------------------------------------------

@pytest.mark.parametrize("name, media_type, kind", [
    ("a.txt", "text", "text"), ("a.md", "text", "text"), ("a.srt", "text", "subtitle"),
    ("a.VTT", "text", "subtitle"), ("a.ass", "text", "subtitle"), ("a.docx", "document", "docx"),
    ("a.pdf", "pdf", "pdf"), ("a.png", "image", "image"), ("a.mp3", "audio", None), ("a.mp4", "video", None),
])
def test_kind_of_a_sample(name, media_type, kind):
    assert extract.kind_of(name=name, media_type=media_type) == kind


def test_joined_parts_keep_their_segments():
    piece = joined([("甲", "一二三", None), ("乙", "  ", None), ("丙", "四五", [[0, 0], [1, 0], [1, 1], [0, 1]])],
                   location="第 1 页")
    assert piece.text == "一二三\n四五"
    assert piece.segments == [Segment(0, 3, "甲"), Segment(4, 6, "丙", [[0, 0], [1, 0], [1, 1], [0, 1]])]
    assert piece.locate(4) == ("第 1 页 · 丙", [[0, 0], [1, 0], [1, 1], [0, 1]])
    assert piece.locate(1) == ("第 1 页 · 甲", None)


def test_pdf_two_byte_codes_are_read_again_when_pypdf_garbles_them():
    many = "".join(chr(0x4E00 + i * 7) for i in range(400))  # > 255 distinct glyphs on one page
    result = extract.extract("pdf", pdf_bytes([f"开头{many}结尾"]))
    text = result.pieces[0].text.replace("\n", "")
    assert text == f"开头{many}结尾" and "\x00" not in text
