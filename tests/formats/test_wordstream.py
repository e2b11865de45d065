"""wordstream.py: a Word body streamed a slice at a time reads exactly as python-docx reads the whole.

The reference is python-docx itself (``docx.Document`` on the whole package, its paragraphs' and table
cells' text), compared paragraph by paragraph with what the streamed reader hands out, on documents
written to hold what transcripts hold: tracked changes, hyperlinks, breaks of each kind, tabs, text of
only spaces, bold speaker runs, tables with merged cells, content controls; on two real Word files
(NVivo's, from shared/data); and with the slices cut as small as one byte.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph

from cotheme.formats import wordstream
from cotheme.formats.wordstream import WordBody

# NVivo 12.6's own .docx sources inside a real project export (MIT), see shared/data/README.md.
QDPX = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "qdpx-real" / "nvivo-win-12.6_oltas0517.qdpx"
W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def _base() -> bytes:
    document = docx.Document()
    document.add_paragraph("x")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _with_body(blocks: str) -> bytes:
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{blocks}'
           "<w:sectPr/></w:body></w:document>").encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_base())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, xml if info.filename == "word/document.xml" else src.read(info))
    return out.getvalue()


def _unwrap_containers(data: bytes) -> bytes:
    """The package with the body's content controls and custom XML replaced by what they hold: the
    blocks Word shows, which python-docx would otherwise skip."""
    from lxml import etree

    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    wrappers = {ns + "sdt", ns + "customXml"}
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        root = etree.fromstring(src.read("word/document.xml"))
        body = root.find(ns + "body")
        while (wrapper := next((child for child in body if child.tag in wrappers), None)) is not None:
            content = wrapper.find(ns + "sdtContent") if wrapper.tag == ns + "sdt" else wrapper
            at = body.index(wrapper)
            body.remove(wrapper)
            for offset, inner in enumerate(list(content) if content is not None else []):
                if inner.tag.endswith(("}p", "}tbl", "}sdt", "}customXml")):
                    body.insert(at + offset, inner)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                dst.writestr(info.filename, etree.tostring(root) if info.filename == "word/document.xml"
                             else src.read(info))
    return out.getvalue()


def _whole(data: bytes) -> list[str]:
    """Each top-level paragraph's text, and each top-level table row's cells' texts, as python-docx
    reads them from the whole tree (with the body's content controls unwrapped)."""
    found = []
    for block in docx.Document(io.BytesIO(_unwrap_containers(data))).iter_inner_content():
        if isinstance(block, Paragraph):
            found.append(block.text)
        else:
            assert isinstance(block, Table)
            found.extend("|".join(cell.text for cell in row.cells) for row in block.rows)
    return found


def _streamed(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return [block.text if isinstance(block, Paragraph) else "|".join(cell.text for cell in block.cells)
                for block in WordBody(package).blocks()]


def _run(rng: random.Random) -> str:
    props = rng.choice(["", "<w:rPr><w:b/></w:rPr>", '<w:rPr><w:b w:val="0"/></w:rPr>',
                        '<w:rPr><w:rStyle w:val="Strong"/></w:rPr>'])
    content = [
        rng.choice([
            '<w:t xml:space="preserve"> Interviewer: </w:t>', "<w:t>café 🙂</w:t>", "<w:t>  </w:t>", "<w:t/>",
            "<w:tab/>", "<w:br/>", '<w:br w:type="page"/>', "<w:cr/>", "<w:noBreakHyphen/>",
            "<w:delText>gone</w:delText>", "<w:lastRenderedPageBreak/>", "<w:t>P01:</w:t>",
        ])
        for _ in range(rng.randint(0, 4))
    ]
    return f"<w:r>{props}{''.join(content)}</w:r>"


def _paragraph(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 5)):
        parts.append(rng.choice([
            _run(rng), _run(rng), f'<w:hyperlink r:id="rId9">{_run(rng)}</w:hyperlink>',
            f'<w:ins w:id="1" w:author="a">{_run(rng)}</w:ins>',
            '<w:del w:id="2" w:author="a"><w:r><w:delText>gone</w:delText></w:r></w:del>',
            f"<w:sdt><w:sdtContent>{_run(rng)}</w:sdtContent></w:sdt>",
        ]))
    return f"<w:p>{''.join(parts)}</w:p>"


def _table(rng: random.Random) -> str:
    rows = []
    for r in range(rng.randint(1, 5)):
        cells = []
        for _ in range(rng.randint(1, 3)):
            merge = rng.choice(["", "", '<w:vMerge w:val="restart"/>'] + (["<w:vMerge/>"] * 2 if r else []))
            span = rng.choice(["", "", '<w:gridSpan w:val="2"/>'])
            cells.append(f"<w:tc><w:tcPr>{span}{merge}</w:tcPr>{_paragraph(rng)}{_paragraph(rng)}</w:tc>")
        rows.append(f"<w:tr>{''.join(cells)}</w:tr>")
    return f"<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>{''.join(rows)}</w:tbl>"


def _documents(count: int) -> Iterator[bytes]:
    rng = random.Random(15)
    while count:
        blocks = [rng.choice([_paragraph, _paragraph, _table])(rng) for _ in range(rng.randint(1, 12))]
        blocks.append(f"<w:sdt><w:sdtContent>{_paragraph(rng)}</w:sdtContent></w:sdt>")
        blocks.insert(0, f"<w:customXml><w:sdt><w:sdtContent>{_table(rng)}{_paragraph(rng)}"
                         "</w:sdtContent></w:sdt></w:customXml>")
        data = _with_body("\n  ".join(blocks) if rng.random() < 0.3 else "".join(blocks))
        try:
            _whole(data)
        except ValueError:  # a merged cell with nothing above it: python-docx refuses the document
            continue
        count -= 1
        yield data


@pytest.mark.parametrize("chunk", [1, 7, 1 << 16])
def test_streamed_body_reads_as_python_docx_reads_the_whole(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    monkeypatch.setattr(wordstream, "_CHUNK", chunk)
    compared = 0
    for data in _documents(25):
        assert _streamed(data) == _whole(data)
        compared += 1
    assert compared == 25


@pytest.mark.parametrize("index", [0, 1])
def test_real_word_files_read_as_python_docx_reads_them(index: int) -> None:
    assert QDPX.exists(), f"{QDPX} is missing: the real data lives in shared/ beside the repository"
    with zipfile.ZipFile(QDPX) as archive:
        sources = sorted(name for name in archive.namelist() if name.endswith(".docx"))
        assert len(sources) == 2
        data = archive.read(sources[index])
    expected = _whole(data)
    assert len(expected) > 1000  # NVivo writes its sources as one table, a row per line
    assert _streamed(data) == expected


def test_text_of_only_spaces_survives_a_slice_cut_beside_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """python-docx's parser drops blank text between tags but keeps ``<w:t>  </w:t>``; fed by slices,
    libxml2 kept it only when the end tag came in the same slice."""
    data = _with_body("".join(f"<w:p><w:r><w:t>P{n}</w:t><w:t>   </w:t><w:t>end</w:t></w:r></w:p>" for n in range(50)))
    for chunk in (1, 2, 3, 5, 11):
        monkeypatch.setattr(wordstream, "_CHUNK", chunk)
        assert _streamed(data) == [f"P{n}   end" for n in range(50)]


def test_a_document_that_is_not_a_word_document_is_refused() -> None:
    data = _with_body("<w:p/>")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "[Content_Types].xml":
                content = content.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(info.filename, content)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as package, pytest.raises(ValueError, match="not a Word file"):
        WordBody(package)
