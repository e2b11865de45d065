"""wordfile.py: .docx transcripts (prefix and bold labels, tables) and the zip-package guards."""

from __future__ import annotations

import io
import os
import time
import zipfile
from pathlib import Path

import docx
import pytest

from cotheme.errors import InputError
from cotheme.formats.wordfile import check_package, read_docx

MB = 1024 * 1024


def docx_bytes(build: object) -> bytes:
    document = docx.Document()
    build(document)  # type: ignore[operator]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rewrite(data: bytes, replace: dict[str, bytes], *, add: dict[str, bytes] | None = None) -> bytes:
    """A copy of the zip ``data`` with some members' content replaced and others added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info)))
        for name, content in (add or {}).items():
            dst.writestr(name, content)
    return out.getvalue()


def plain_docx(document: docx.document.Document) -> None:
    document.add_heading("Interview 12", level=1)
    for line in [
        "Interviewer: Thanks for joining. Ça va?",
        "P12: Yes 😀, fine.",
        "Interviewer: Tell me more.",
        "P12: Well: it was hard.",
        "It got better.",
    ]:
        document.add_paragraph(line)


def test_docx_with_name_prefixes() -> None:
    parsed = read_docx("p12.docx", docx_bytes(plain_docx))
    assert parsed.format == "docx"
    assert parsed.metadata == {"variant": "speaker-prefix"}
    assert [(t.speaker, parsed.text[t.start:t.end]) for t in parsed.turns] == [
        (None, "Interview 12"),
        ("Interviewer", "Thanks for joining. Ça va?"),
        ("P12", "Yes 😀, fine."),
        ("Interviewer", "Tell me more."),
        ("P12", "Well: it was hard.\nIt got better."),
    ]


def bold_docx(document: docx.document.Document) -> None:
    document.add_paragraph("Focus group 3").runs[0].bold = True  # a bold heading, not a speaker
    for label, text in [("Facilitator:", " Welcome all."), ("Amira", " Hi."), ("Facilitator:", " Shall we start?"),
                        ("Amira", " Yes."), ("Amira", ": And another thing.")]:
        paragraph = document.add_paragraph()
        paragraph.add_run(label).bold = True
        paragraph.add_run(text)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Facilitator", "From a table."
    table.cell(1, 0).text, table.cell(1, 1).text = "Amira:", "Me too."


def test_docx_with_bold_run_labels_and_a_table() -> None:
    parsed = read_docx("fg3.docx", docx_bytes(bold_docx))
    assert parsed.speakers == ["Facilitator", "Amira"]
    assert [(t.speaker, parsed.text[t.start:t.end]) for t in parsed.turns] == [
        (None, "Focus group 3"),
        ("Facilitator", "Welcome all."),
        ("Amira", "Hi."),
        ("Facilitator", "Shall we start?"),
        ("Amira", "Yes.\nAnd another thing."),
        ("Facilitator", "From a table."),
        ("Amira", "Me too."),
    ]


def test_docx_without_labels_gives_one_turn_per_paragraph() -> None:
    def build(document: docx.document.Document) -> None:
        document.add_paragraph("First thoughts: the room was cold.")
        document.add_paragraph("")
        document.add_paragraph("Second, they spoke of the bus.")

    parsed = read_docx("memo.docx", docx_bytes(build))
    assert parsed.metadata == {"variant": "paragraphs"}
    assert parsed.text == "First thoughts: the room was cold.\nSecond, they spoke of the bus."
    assert [t.speaker for t in parsed.turns] == [None, None]


def test_not_a_zip() -> None:
    with pytest.raises(InputError) as err:
        read_docx("notes.docx", b"Interviewer: this is really a text file\n")
    assert str(err.value).startswith("notes.docx: is not a Word .docx file (it is not a zip archive); ")


def test_zip_without_document_part() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match=r"^x\.docx: is a zip archive but not a Word \.docx file \(it has no word/document\.xml\)"):
        read_docx("x.docx", buffer.getvalue())


def test_zip_bomb_by_compression_ratio(tmp_path: Path) -> None:
    started = time.perf_counter()
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w") as member:
            chunk = bytes(MB)
            for _ in range(50):
                member.write(chunk)
    data = path.read_bytes()
    assert len(data) < 200 * 1024  # 50 MB of zeros squeeze into ~50 KB
    with pytest.raises(InputError) as err:
        read_docx("bomb.docx", data, max_bytes=10 * MB)
    assert str(err.value).startswith("bomb.docx: its part word/document.xml is compressed more than 100:1")
    assert "zip bomb" in str(err.value)
    assert time.perf_counter() - started < 10


def test_zip_bomb_by_total_size() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as package:
        package.writestr("word/document.xml", "<w:document/>")
        package.writestr("word/media/image1.bin", os.urandom(2 * MB))
    with pytest.raises(InputError, match=r"^big\.docx: unpacks to 2 MB, over the 1000 KB allowed; it looks like a zip bomb"):
        check_package("big.docx", buffer.getvalue(), max_bytes=100 * 1024, kind="Word .docx", main_part="word/document.xml")


def test_doctype_and_entities_are_refused() -> None:
    data = docx_bytes(plain_docx)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml")
    declaration, rest = xml.split(b"?>", 1)
    evil = declaration + b'?><!DOCTYPE w:document [<!ENTITY lol "lol">]>' + rest
    with pytest.raises(InputError) as err:
        read_docx("evil.docx", rewrite(data, {"word/document.xml": evil}))
    assert str(err.value).startswith("evil.docx: contains an XML document type or entity declaration (word/document.xml)")


def test_deeply_nested_document_is_an_input_error() -> None:
    data = docx_bytes(plain_docx)
    ns = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    depth = 5000
    deep = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ' + ns + b"><w:body>"
            + b"<w:sdt><w:sdtContent>" * depth + b"<w:p/>" + b"</w:sdtContent></w:sdt>" * depth
            + b"</w:body></w:document>")
    with pytest.raises(InputError, match=r"^deep\.docx: could not be read as a Word document"):
        read_docx("deep.docx", rewrite(data, {"word/document.xml": deep}))


def test_damaged_package_is_an_input_error() -> None:
    data = docx_bytes(plain_docx)
    broken = rewrite(data, {"word/document.xml": b"<w:document><w:body><w:p>unclosed"})
    with pytest.raises(InputError, match=r"^broken\.docx: could not be read as a Word document .*save it again as \.docx"):
        read_docx("broken.docx", broken)


def test_empty_document_has_no_text() -> None:
    with pytest.raises(InputError, match=r"^blank\.docx: contains no transcript text"):
        read_docx("blank.docx", docx_bytes(lambda document: None))


W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"')


def _body_docx(blocks: str) -> bytes:
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W_NS}><w:body>{blocks}'
           "<w:sectPr/></w:body></w:document>").encode("utf-8")
    return rewrite(docx_bytes(lambda document: document.add_paragraph("x")), {"word/document.xml": xml})


def _r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_text_word_shows_is_read_from_every_wrapper_and_hidden_text_is_not() -> None:
    """Tracked insertions, content controls, smart tags, simple fields and custom XML hold text Word
    shows; deletions, moved-away text and the fallback copy of a text box do not."""
    text_box = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice><mc:Fallback>'
                f'<w:pict><w:txbxContent><w:p>{_r("BOX")}</w:p></w:txbxContent></w:pict></mc:Fallback>'
                '</mc:AlternateContent></w:r>')
    paragraphs = [
        f'<w:p>{_r("Interviewer: ")}<w:ins w:id="1" w:author="a">{_r("How was the ward?")}</w:ins></w:p>',
        f'<w:p>{_r("P03: ")}<w:sdt><w:sdtContent>{_r("It was")}</w:sdtContent></w:sdt>'
        f'<w:smartTag w:uri="u" w:element="place">{_r(" noisy")}</w:smartTag>'
        f'<w:fldSimple w:instr="DATE">{_r(" at night")}</w:fldSimple>'
        f'<w:customXml w:element="x">{_r(".")}</w:customXml>'
        f'<w:del w:id="2" w:author="a"><w:r><w:delText> DELETED</w:delText></w:r></w:del>'
        f'<w:moveFrom w:id="3" w:author="a">{_r(" MOVED")}</w:moveFrom>{text_box}</w:p>',
        f'<w:sdt><w:sdtContent><w:p>{_r("Interviewer: And the staff?")}</w:p></w:sdtContent></w:sdt>',
        f'<w:customXml w:element="y"><w:p>{_r("P03: Kind, mostly.")}</w:p></w:customXml>',
    ]
    parsed = read_docx("wrapped.docx", _body_docx("".join(paragraphs)))
    assert [(t.speaker, parsed.text[t.start:t.end]) for t in parsed.turns] == [
        ("Interviewer", "How was the ward?"),
        ("P03", "It was noisy at night."),
        ("Interviewer", "And the staff?"),
        ("P03", "Kind, mostly."),
    ]
