"""A corpus of malicious and broken files for every importer, generated at test time (nothing binary is
committed). Each ``Hostile`` names the importer it is fed to and builds its file in a folder.

Importers: ``transcript`` (.txt .md .docx .pdf .vtt .srt), ``cases`` (.csv .xlsx), ``codebook`` (.csv),
``qdc`` (REFI-QDA codebook) and ``qdpx`` (REFI-QDA project). The tests run with a 1 MB import limit, so
the bombs stay small on disk and in memory.
"""

from __future__ import annotations

import functools
import io
import os
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx
import openpyxl

from tests.packages import zipped
from tests.refi_fixtures import SOURCE, project_xml, small_body

Builder = Callable[[Path], bytes]


@dataclass(frozen=True)
class Hostile:
    importer: str
    name: str  # file name, whose extension picks the reader
    build: Builder  # bytes of the file (given the folder, for the few that write sparse files)
    what: str

    @property
    def id(self) -> str:
        return f"{self.importer}:{self.name}:{self.what}"


RNG = random.Random(9)
GARBAGE = bytes(RNG.randrange(256) for _ in range(64 * 1024))
BOMB = bytes(40 * 1024 * 1024)  # 40 MB of zeros: deflates to ~40 KB
DTD_BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + "]>\n"
)
XXE = '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Interviewer: How was it?")
    document.add_paragraph("P01: It helped.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "age"])
    sheet.append(["P01", "34"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rezip(data: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None) -> bytes:
    """The zip ``data`` with entries replaced and added (added ones stored compressed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, (replace or {}).get(info.filename, source.read(info)))
        for name, body in (add or {}).items():
            target.writestr(name, body)
    return out.getvalue()


def _word_body(inner: str, prolog: str = '<?xml version="1.0"?>\n') -> bytes:
    return f"{prolog}<w:document {W}><w:body>{inner}</w:body></w:document>".encode()


def _nested_tables(depth: int) -> str:
    return "<w:tbl><w:tr><w:tc>" * depth + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * depth


def _sparse(size: int) -> Builder:
    """A file of ``size`` bytes that takes no disk (a hole), written where the test asks."""

    def build(folder: Path) -> bytes:
        path = folder / "sparse.bin"
        with path.open("wb") as handle:
            handle.truncate(size)
        return b""  # marker: the test uses the sparse file as it is

    return build


def _const(data: bytes) -> Builder:
    return lambda _folder: data


def _pdf(body: bytes) -> bytes:
    return b"%PDF-1.4\n" + body + b"\n%%EOF\n"


@functools.cache
def _deflate_bomb_pdf() -> bytes:
    import zlib

    stream = zlib.compress(bytes(60 * 1024 * 1024), 9)
    return _pdf(
        b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
        b"3 0 obj<</Type/Page/Parent 2 0 R/Contents 4 0 R/MediaBox[0 0 612 792]>>endobj "
        + f"4 0 obj<</Length {len(stream)}/Filter/FlateDecode>>stream\n".encode() + stream + b"\nendstream endobj"
        b" trailer<</Root 1 0 R>>"
    )


def transcripts() -> list[Hostile]:
    text = "Interviewer: How was it?\n\nP01: It helped a lot, honestly.\n"
    vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Interviewer>How was it?\n\n00:00:05.000 --> 00:00:09.000\n<v P01>It helped.\n"
    srt = "1\n00:00:01,000 --> 00:00:04,000\nInterviewer: How was it?\n\n2\n00:00:05,000 --> 00:00:09,000\nP01: It helped.\n"
    good_docx = _docx()
    items = []
    for ext in (".txt", ".md", ".vtt", ".srt", ".docx", ".pdf"):
        items += [
            Hostile("transcript", f"garbage{ext}", _const(GARBAGE), "binary garbage"),
            Hostile("transcript", f"empty{ext}", _const(b""), "empty file"),
            Hostile("transcript", f"huge{ext}", _const(b"a" * (1024 * 1024 + 10)), "over the import limit"),
            Hostile("transcript", f"sparse{ext}", _sparse(210 * 1024 * 1024), "a 210 MB file (sparse)"),
        ]
    items += [
        Hostile("transcript", "utf32.txt", _const(text.encode("utf-32-le")), "UTF-32 without BOM"),
        Hostile("transcript", "korean.txt", _const(("인터뷰어: 어땠어요? 참가자: 많이 도움이 됐어요. " * 50).encode("euc-kr")), "EUC-KR, not UTF-8"),
        Hostile("transcript", "nul.md", _const(text.encode() + b"\x00" * 4000), "NUL bytes"),
        Hostile("transcript", "spaces.txt", _const(b" \n\t\r\n" * 1000), "whitespace only"),
        Hostile("transcript", "truncated.vtt", _const(vtt.encode()[: vtt.index("-->") + 6]), "truncated mid-cue"),
        Hostile("transcript", "noheader.vtt", _const(vtt.replace("WEBVTT", "WEBVTX").encode()), "no WEBVTT header"),
        Hostile("transcript", "badtime.srt", _const(srt.replace("00:00:05,000", "99:99:99,999").encode()), "impossible timestamp"),
        Hostile("transcript", "truncated.srt", _const(srt.encode()[: srt.index("-->") + 5]), "truncated mid-cue"),
        Hostile("transcript", "truncated.docx", _const(good_docx[: len(good_docx) // 2]), "truncated zip"),
        Hostile("transcript", "bomb.docx", _const(rezip(good_docx, add={"word/media/zeros.bin": BOMB})), "zip bomb"),
        Hostile("transcript", "laughs.docx", _const(rezip(good_docx, {"word/document.xml": _word_body("<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>", DTD_BOMB)})), "XML bomb (billion laughs)"),
        Hostile("transcript", "xxe.docx", _const(rezip(good_docx, {"word/document.xml": _word_body("<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>", XXE)})), "external entity file:///etc/passwd"),
        Hostile("transcript", "escape.docx", _const(rezip(good_docx, add={"../../evil.txt": b"x"})), "path traversal entry"),
        Hostile("transcript", "absolute.docx", _const(rezip(good_docx, add={"/etc/cron.d/evil": b"x"})), "absolute path entry"),
        Hostile("transcript", "nested.docx", _const(rezip(good_docx, {"word/document.xml": _word_body(_nested_tables(3000))})), "tables nested 3,000 deep"),
        Hostile("transcript", "deep.docx", _const(rezip(good_docx, {"word/document.xml": _word_body("<w:p>" + "<w:r>" * 20000 + "</w:r>" * 20000 + "</w:p>")})), "XML nested 20,000 deep"),
        Hostile("transcript", "notzip.docx", _const(b"PK\x03\x04" + GARBAGE[:5000]), "zip signature, garbage after"),
        Hostile("transcript", "renamed.docx", _const(_xlsx()), "an .xlsx renamed .docx"),
        Hostile("transcript", "truncated.pdf", _const(_deflate_bomb_pdf()[:3000]), "truncated PDF"),
        Hostile("transcript", "bomb.pdf", _const(_deflate_bomb_pdf()), "deflate bomb stream"),
        Hostile("transcript", "nested.pdf", _const(_pdf(b"1 0 obj " + b"[" * 50000 + b"]" * 50000 + b" endobj trailer<</Root 1 0 R>>")), "arrays nested 50,000 deep"),
        Hostile("transcript", "header.pdf", _const(b"%PDF-1.7\n" + GARBAGE[:20000]), "PDF header, garbage after"),
    ]
    return items


def cases() -> list[Hostile]:
    good = _xlsx()
    sheet = "xl/worksheets/sheet1.xml"
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    return [
        Hostile("cases", "garbage.csv", _const(GARBAGE), "binary garbage"),
        Hostile("cases", "empty.csv", _const(b""), "empty file"),
        Hostile("cases", "huge.csv", _const(b"id,age\n" + b"P01,34\n" * 160_000), "over the import limit"),
        Hostile("cases", "sparse.csv", _sparse(210 * 1024 * 1024), "a 210 MB file (sparse)"),
        Hostile("cases", "korean.csv", _const(("아이디,나이\n" + "참가자,서른넷\n" * 200).encode("euc-kr")), "EUC-KR, not UTF-8"),
        Hostile("cases", "utf32.csv", _const("id,age\nP01,34\n".encode("utf-32-le")), "UTF-32 without BOM"),
        Hostile("cases", "garbage.xlsx", _const(GARBAGE), "binary garbage"),
        Hostile("cases", "truncated.xlsx", _const(good[: len(good) // 2]), "truncated zip"),
        Hostile("cases", "bomb.xlsx", _const(rezip(good, add={"xl/media/zeros.bin": BOMB})), "zip bomb"),
        Hostile("cases", "laughs.xlsx", _const(rezip(good, {sheet: (DTD_BOMB + f"<worksheet {ns}><sheetData><row><c t='inlineStr'><is><t>&lol9;</t></is></c></row></sheetData></worksheet>").encode()})), "XML bomb (billion laughs)"),
        Hostile("cases", "xxe.xlsx", _const(rezip(good, {sheet: (XXE + f"<worksheet {ns}><sheetData><row><c t='inlineStr'><is><t>&xxe;</t></is></c></row></sheetData></worksheet>").encode()})), "external entity file:///etc/passwd"),
        Hostile("cases", "escape.xlsx", _const(rezip(good, add={"../../evil.txt": b"x"})), "path traversal entry"),
        Hostile("cases", "renamed.xlsx", _const(_docx()), "a .docx renamed .xlsx"),
        Hostile("cases", "deep.xlsx", _const(rezip(good, {sheet: (f"<worksheet {ns}><sheetData>" + "<row>" * 20000 + "</row>" * 20000 + "</sheetData></worksheet>").encode()})), "XML nested 20,000 deep"),
    ]


def codebooks() -> list[Hostile]:
    chain = "name,parent\n" + "".join(f"c{i},{'c' + str(i - 1) if i else ''}\n" for i in range(5000))
    return [
        Hostile("codebook", "garbage.csv", _const(GARBAGE), "binary garbage"),
        Hostile("codebook", "empty.csv", _const(b""), "empty file"),
        Hostile("codebook", "huge.csv", _const(b"name,definition\n" + b"Trust,Feeling safe with staff\n" * 40_000), "over the import limit"),
        Hostile("codebook", "sparse.csv", _sparse(210 * 1024 * 1024), "a 210 MB file (sparse)"),
        Hostile("codebook", "korean.csv", _const(("이름,정의\n" + "신뢰,직원과 함께 안전하다고 느낌\n" * 100).encode("euc-kr")), "EUC-KR, not UTF-8"),
        Hostile("codebook", "cycle.csv", _const(b"name,parent\nA,B\nB,A\n"), "parents in a cycle"),
        Hostile("codebook", "chain.csv", _const(chain.encode()), "codes nested 5,000 deep"),
        Hostile("codebook", "deeppath.csv", _const(("name\n" + "/".join(["x"] * 5000) + "\n").encode()), "a path 5,000 levels deep"),
        Hostile("codebook", "noname.csv", _const(b"colour,definition\n#fff,nothing\n"), "no name column"),
    ]


def _qdc(body: str, prolog: str = '<?xml version="1.0" encoding="utf-8"?>\n') -> bytes:
    return (prolog + f'<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="x"><Codes>{body}</Codes></CodeBook>').encode()


def qdc() -> list[Hostile]:
    code = '<Code guid="{g}" name="c" isCodable="true">'
    deep = "".join(code.format(g=f"00000000-0000-4000-8000-{i:012d}") for i in range(3000)) + "</Code>" * 3000
    return [
        Hostile("qdc", "garbage.qdc", _const(GARBAGE), "binary garbage"),
        Hostile("qdc", "empty.qdc", _const(b""), "empty file"),
        Hostile("qdc", "huge.qdc", _const(_qdc("<!-- " + "x" * (1024 * 1024 + 10) + " -->")), "over the import limit"),
        Hostile("qdc", "sparse.qdc", _sparse(210 * 1024 * 1024), "a 210 MB file (sparse)"),
        Hostile("qdc", "laughs.qdc", _const(_qdc('<Code guid="00000000-0000-4000-8000-000000000001" name="&lol9;" isCodable="true"/>', DTD_BOMB)), "XML bomb (billion laughs)"),
        Hostile("qdc", "xxe.qdc", _const(_qdc('<Code guid="00000000-0000-4000-8000-000000000001" name="&xxe;" isCodable="true"/>', XXE)), "external entity file:///etc/passwd"),
        Hostile("qdc", "truncated.qdc", _const(_qdc('<Code guid="00000000-0000-4000-8000-000000000001" name="A" isCodable="true"/>')[:120]), "truncated XML"),
        Hostile("qdc", "deep.qdc", _const(_qdc(deep)), "codes nested 3,000 deep"),
        Hostile("qdc", "latin1.qdc", _const(_qdc('<Code guid="00000000-0000-4000-8000-000000000001" name="Caf\u00e9 \u00e0 \u00ee" isCodable="true"/>').decode().encode("latin-1")), "Latin-1 bytes declared UTF-8"),
    ]


def qdpx() -> list[Hostile]:
    def archive(qde: str | bytes, files: dict[str, bytes] | None = None) -> bytes:
        return zipped({"project.qde": qde if isinstance(qde, bytes) else qde.encode()} | (files or {}))

    text = {f"Sources/{SOURCE}.txt": "Interviewer: How was it?\nP01: It helped.\n".encode()}
    good = project_xml(small_body())
    deep = "<Code guid='00000000-0000-4000-8000-000000000009' name='c' isCodable='true'>" * 3000 + "</Code>" * 3000
    return [
        Hostile("qdpx", "garbage.qdpx", _const(GARBAGE), "binary garbage"),
        Hostile("qdpx", "empty.qdpx", _const(b""), "empty file"),
        Hostile("qdpx", "sparse.qdpx", _sparse(210 * 1024 * 1024), "a 210 MB file (sparse)"),
        Hostile("qdpx", "truncated.qdpx", _const(archive(good, text)[:400]), "truncated zip"),
        Hostile("qdpx", "bomb.qdpx", _const(archive(good, text | {"Sources/zeros.txt": BOMB})), "zip bomb"),
        Hostile("qdpx", "laughs.qdpx", _const(archive(DTD_BOMB + project_xml(small_body(code_name="&lol9;")).split("\n", 1)[1], text)), "XML bomb (billion laughs)"),
        Hostile("qdpx", "xxe.qdpx", _const(archive(XXE + project_xml(small_body(code_name="&xxe;")).split("\n", 1)[1], text)), "external entity file:///etc/passwd"),
        Hostile("qdpx", "escape.qdpx", _const(archive(good, text | {"../../evil.txt": b"x"})), "path traversal entry"),
        Hostile("qdpx", "source.qdpx", _const(archive(project_xml(small_body(source_path="internal://../../../etc/passwd")), text)), "a source path leaving the archive"),
        Hostile("qdpx", "absolute.qdpx", _const(archive(project_xml(small_body(source_path="file:///etc/passwd")), text)), "a source at file:///etc/passwd"),
        Hostile("qdpx", "noproject.qdpx", _const(zipped({"readme.txt": b"hello"})), "no project.qde"),
        Hostile("qdpx", "badxml.qdpx", _const(archive(b"<Project><Users>", text)), "truncated XML"),
        Hostile("qdpx", "deep.qdpx", _const(archive(project_xml("<CodeBook><Codes>" + deep + "</Codes></CodeBook>"), text)), "codes nested 3,000 deep"),
    ]


#: Each importer's corpus, built when asked for (the bombs take a moment to compress).
CORPORA: dict[str, Callable[[], list[Hostile]]] = {
    "transcript": transcripts, "cases": cases, "codebook": codebooks, "qdc": qdc, "qdpx": qdpx,
}


def write(item: Hostile, folder: Path) -> Path:
    """The hostile file on disk, named as ``item`` says, in its own sub-folder."""
    home = folder / item.id.replace(":", "_").replace(" ", "_").replace("/", "_")[:80]
    home.mkdir(parents=True, exist_ok=True)
    data = item.build(home)
    path = home / item.name
    sparse = home / "sparse.bin"
    if sparse.exists():
        os.replace(sparse, path)
    else:
        path.write_bytes(data)
    return path
