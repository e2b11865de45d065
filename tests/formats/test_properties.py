"""Property tests of the format parsers: whatever the bytes, a reader returns a result or raises
``InputError`` (with a sentence naming the file) - never another exception. Arbitrary bytes, and text
assembled from each format's own pieces so the parsers get past their first checks. Bounded example
counts keep this under a few seconds per reader."""

from __future__ import annotations

import os
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cotheme.errors import InputError
from cotheme.formats.attributes import read_attributes
from cotheme.formats.captions import read_srt, read_vtt
from cotheme.formats.codebook_file import read_codebook_csv
from cotheme.formats.plaintext import read_plaintext
from cotheme.formats.refi_read import read_qdc, read_qdpx
from cotheme.formats.wordfile import read_docx
from tests.packages import docx_package, zipped
from tests.refi_fixtures import SOURCE, project_xml, small_body

#: 80 examples per reader in the suite; COTHEME_PROPERTY_EXAMPLES=5000 for a long hunt.
EXAMPLES = int(os.environ.get("COTHEME_PROPERTY_EXAMPLES", "80"))
BOUNDED = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def only_input_errors(read: Callable[[str, bytes], object], name: str, data: bytes) -> None:
    try:
        read(name, data)
    except InputError as exc:
        assert name in str(exc)


def pieces(*fragments: str) -> st.SearchStrategy[bytes]:
    """Text made of ``fragments``, random words and line ends, encoded in one of the usual ways."""
    line = st.one_of(st.sampled_from(fragments), st.text(max_size=30))
    text = st.lists(line, max_size=40).map("\n".join)
    return st.tuples(text, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"])).map(
        lambda pair: pair[0].encode(pair[1], errors="replace")
    )


VTT = pieces("WEBVTT", "", "00:00:01.000 --> 00:00:04.000", "01:02.500 --> 01:04.000", "-->", "NOTE x",
             "<v Interviewer>How was it?", "<v P01>Fine</v>", "STYLE", "1", "00:00:05.000 --> 00:00:01.000")
SRT = pieces("1", "2", "", "00:00:01,000 --> 00:00:04,000", "Interviewer: hi", "P01: yes", "-->", "99:99:99,999")
TXT = pieces("Interviewer: How was it?", "P01: Fine.", "[00:01:02] SPEAKER 1: hi", "Jane Smith  0:05",
             "", "Q:", "A: yes", "P01:", ":")
CSV = pieces("id,age,gender", "pid;age", "P01,34,f", "P02,,m", '"P03","x,y"', "id\tage", ",,", '"')
CODEBOOK = pieces("name,parent,definition", "name;parent", "Trust,,Feeling safe", "Child,Trust,x",
                  "A/B/C,,", "B,A,", "A,B,", "colour", "#fff", "name,colour", "Trust,#12345")


@BOUNDED
@given(st.one_of(st.binary(max_size=2000), VTT))
def test_vtt(data: bytes) -> None:
    only_input_errors(read_vtt, "x.vtt", data)


@BOUNDED
@given(st.one_of(st.binary(max_size=2000), SRT))
def test_srt(data: bytes) -> None:
    only_input_errors(read_srt, "x.srt", data)


@BOUNDED
@given(st.one_of(st.binary(max_size=2000), TXT))
def test_plaintext(data: bytes) -> None:
    only_input_errors(read_plaintext, "x.txt", data)


@BOUNDED
@given(st.one_of(st.binary(max_size=2000), CSV))
def test_attributes_csv(data: bytes) -> None:
    only_input_errors(lambda name, raw: read_attributes(name, raw), "x.csv", data)


@BOUNDED
@given(st.one_of(st.binary(max_size=2000), CODEBOOK))
def test_codebook_csv(data: bytes) -> None:
    only_input_errors(read_codebook_csv, "x.csv", data)


GOOD_QDE = project_xml(small_body()).encode()
#: A project file damaged at random: bytes cut, replaced or inserted somewhere in real REFI-QDA XML.
DAMAGED_QDE = st.tuples(st.integers(0, len(GOOD_QDE)), st.integers(0, 40), st.binary(max_size=40)).map(
    lambda t: GOOD_QDE[: t[0]] + t[2] + GOOD_QDE[t[0] + t[1]:]
)


@BOUNDED
@given(st.one_of(st.binary(max_size=3000), DAMAGED_QDE), st.binary(max_size=500))
def test_qdpx_with_arbitrary_project_xml(qde: bytes, source: bytes) -> None:
    data = zipped({"project.qde": qde, f"Sources/{SOURCE}.txt": source})
    only_input_errors(lambda name, raw: read_qdpx(name, raw), "x.qdpx", data)


@BOUNDED
@given(st.one_of(st.binary(max_size=3000), DAMAGED_QDE))
def test_qdc(data: bytes) -> None:
    only_input_errors(read_qdc, "x.qdc", data)


@BOUNDED
@given(st.binary(max_size=3000))
def test_qdpx_arbitrary_bytes(data: bytes) -> None:
    only_input_errors(lambda name, raw: read_qdpx(name, raw), "x.qdpx", data)


DOCUMENT = (
    b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>Interviewer: hi</w:t></w:r></w:p><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>P01</w:t>"
    b"</w:r><w:r><w:t> fine</w:t></w:r></w:p></w:body></w:document>"
)
DAMAGED_DOCUMENT = st.tuples(st.integers(0, len(DOCUMENT)), st.integers(0, 30), st.binary(max_size=30)).map(
    lambda t: DOCUMENT[: t[0]] + t[2] + DOCUMENT[t[0] + t[1]:]
)


@BOUNDED
@given(st.one_of(st.binary(max_size=2000), DAMAGED_DOCUMENT), st.booleans())
def test_docx_with_arbitrary_document_xml(document: bytes, with_rels: bool) -> None:
    only_input_errors(lambda name, raw: read_docx(name, raw, max_bytes=10_000_000), "x.docx",
                      docx_package(document, with_rels=with_rels))
