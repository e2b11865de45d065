"""Bad and hostile QDPX files are refused with one sentence naming the entry and the problem."""

from __future__ import annotations

import time
import warnings
import zipfile
from pathlib import Path

import pytest

from cotheme.errors import InputError, TooLarge
from cotheme.formats.refi_archive import ArchiveLimits
from cotheme.formats.refi_read import read_qdpx
from tests.refi_fixtures import CHILD, PARENT, RAW_TEXT, SOURCE, make_qdpx, project_xml, small_body, small_qdpx

TEXT = {f"Sources/{SOURCE}.txt": RAW_TEXT.encode("utf-8")}


def refused(path: Path, limits: ArchiveLimits = ArchiveLimits()) -> str:
    with pytest.raises(InputError) as caught:
        read_qdpx(path.name, path, limits)
    return str(caught.value)


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "notes.qdpx"
    path.write_text("just some text", encoding="utf-8")
    assert refused(path) == "notes.qdpx: is not a QDPX archive (it is not a zip file); export the project again as .qdpx."


def test_an_archive_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = small_qdpx(tmp_path / "big.qdpx")
    with pytest.raises(TooLarge) as caught:
        read_qdpx("big.qdpx", path, ArchiveLimits(max_archive_bytes=500))
    assert "big.qdpx: is" in str(caught.value) and "over the 500 bytes import limit" in str(caught.value)


def test_a_zip_bomb_entry(tmp_path: Path) -> None:
    path = make_qdpx(tmp_path / "bomb.qdpx", project_xml(small_body()), TEXT | {"Sources/zeros.txt": bytes(20 * 1024 * 1024)})
    message = refused(path)
    assert "'Sources/zeros.txt' unpacks from" in message and "zip bomb" in message


def test_too_much_unpacked_in_total(tmp_path: Path) -> None:
    path = small_qdpx(tmp_path / "many.qdpx")
    with pytest.raises(TooLarge) as caught:
        read_qdpx("many.qdpx", path, ArchiveLimits(max_unpacked_bytes=1000))
    assert "would unpack to more than 1000 bytes" in str(caught.value)


@pytest.mark.parametrize(("entry", "why"), [
    ("../evil.txt", "climbs out of the archive with '..'"),
    ("Sources/../../evil.txt", "climbs out of the archive with '..'"),
    ("/etc/cron.d/evil", "is an absolute path"),
    ("C:/Windows/evil.txt", "starts with a drive letter"),
    ("..\\evil.txt", "climbs out of the archive with '..'"),
])
def test_entries_that_leave_the_archive(tmp_path: Path, entry: str, why: str) -> None:
    path = make_qdpx(tmp_path / "escape.qdpx", project_xml(small_body()), TEXT | {entry: b"x"})
    assert refused(path) == f"escape.qdpx: the entry '{entry}' {why}; the archive is refused."


def test_an_entry_twice(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate we make on purpose
        path = make_qdpx(tmp_path / "twice.qdpx", project_xml(small_body()), TEXT | {"project.qde": b"<x/>"})
    assert "the entry 'project.qde' occurs twice" in refused(path)


def test_an_xml_entity_bomb_is_refused_quickly(tmp_path: Path) -> None:
    entities = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    xml = f'<?xml version="1.0"?>\n<!DOCTYPE Project [{"".join(entities)}]>\n<Project name="x">&lol9;</Project>'
    path = make_qdpx(tmp_path / "lol.qdpx", xml)
    started = time.perf_counter()
    message = refused(path)
    assert time.perf_counter() - started < 2
    assert message.startswith("lol.qdpx: project.qde") and ("DOCTYPE" in message or "not well-formed" in message)


@pytest.mark.parametrize("use", ['name="&xxe;">', 'name="x"><Description>&xxe;</Description>'])
def test_an_external_entity_is_never_read(tmp_path: Path, use: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    xml = (f'<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
           f'<Project xmlns="urn:QDA-XML:project:1.0" {use}</Project>')
    message = refused(make_qdpx(tmp_path / "xxe.qdpx", xml))
    assert "TOP SECRET" not in message
    assert "declares a document type (DOCTYPE)" in message or "references external entity" in message


def test_a_missing_source_file(tmp_path: Path) -> None:
    path = make_qdpx(tmp_path / "missing.qdpx", project_xml(small_body()))
    message = refused(path)
    assert f"TextSource 'P01 interview' has its text in 'internal://{SOURCE}.txt', which is missing from the archive" in message
    assert message.startswith("missing.qdpx: project.qde:") and message.endswith("Nothing was imported.")


def test_a_source_outside_the_archive(tmp_path: Path) -> None:
    body = small_body(source_path="absolute:///C:/Users/me/P01.txt")
    assert "which is outside the archive" in refused(make_qdpx(tmp_path / "ext.qdpx", project_xml(body)))


def test_a_selection_outside_its_text(tmp_path: Path) -> None:
    path = small_qdpx(tmp_path / "out.qdpx", start=10, end=5000)
    assert f"runs 10-5000, outside its text (0-{len(RAW_TEXT)})" in refused(path)


def test_a_source_that_is_not_utf8(tmp_path: Path) -> None:
    path = make_qdpx(tmp_path / "latin.qdpx", project_xml(small_body()), {f"Sources/{SOURCE}.txt": "Café".encode("latin-1")})
    assert "is not UTF-8" in refused(path)


def test_duplicate_guids(tmp_path: Path) -> None:
    body = small_body().replace(f'guid="{CHILD}"', f'guid="{PARENT}"').replace(f'targetGUID="{CHILD}"', f'targetGUID="{PARENT}"')
    message = refused(make_qdpx(tmp_path / "dup.qdpx", project_xml(body), TEXT))
    assert f"has the GUID {PARENT}, already used by the code at project.qde:" in message


def test_malformed_xml_names_the_line(tmp_path: Path) -> None:
    path = make_qdpx(tmp_path / "broken.qdpx", project_xml(small_body()).replace("</Sources>", "</Source>"), TEXT)
    message = refused(path)
    assert message.startswith("broken.qdpx: project.qde:") and "is not well-formed XML" in message


def test_no_project_file_and_not_a_project(tmp_path: Path) -> None:
    assert "holds no project.qde file" in refused(make_qdpx(tmp_path / "none.qdpx", "<x/>", qde_name="readme.txt"))
    assert "the root element is <Codebook>, not <Project>" in refused(make_qdpx(tmp_path / "cb.qdpx", "<Codebook/>"))
    with zipfile.ZipFile(tmp_path / "two.qdpx", "w") as archive:
        archive.writestr("a.qde", "<x/>")
        archive.writestr("b.qde", "<x/>")
    assert "holds several project files (a.qde, b.qde)" in refused(tmp_path / "two.qdpx")
