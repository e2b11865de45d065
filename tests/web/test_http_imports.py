"""Importing over HTTP, on SQLite and PostgreSQL: previews, transcripts (verbatim too),
participants sheets, codebooks, REFI-QDA projects, interview details, who may import, and every bad
input refused with the CLI's sentence and nothing stored."""

from __future__ import annotations

import io
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cotheme.services.project import Project
from tests.conftest import INTERVIEW
from tests.web.conftest import client_for, csrf

SECOND = ("Dr. Melissa Ko: Welcome back.\n\nP02: Thanks, it is good to be here again.\n\n"
          "Dr. Melissa Ko: Shall we start?\n\nP02: Yes, let us.\n")


@pytest.fixture
def api(project: Project) -> TestClient:
    return client_for(project)


def post(client: TestClient, path: str, files: list[tuple[str, tuple[str, bytes]]], **data: object) -> object:
    return client.post(f"/api/v1{path}", files=files, data=data, headers=csrf(client))


def transcripts(*named: tuple[str, str | bytes]) -> list[tuple[str, tuple[str, bytes]]]:
    return [("files", (name, text.encode() if isinstance(text, str) else text)) for name, text in named]


def test_preview_stores_nothing_and_describes_each_file(api: TestClient, project: Project) -> None:
    project.add_case("P02")
    found = post(api, "/imports/preview", transcripts(("P01.txt", INTERVIEW), ("P02.txt", SECOND), ("bad.doc", "x")))
    assert found.status_code == 200
    first, second, bad = found.json()
    assert first["speakers"] == ["Interviewer", "P01"] and first["turns"] == 4 and first["words"] == 56
    assert first["format"] == "txt" and first["case_pid"] is None and first["error"] is None
    assert second["case_pid"] == "P02" and second["speakers"] == ["Dr. Melissa Ko", "P02"]
    assert bad["error"].startswith("bad.doc: .doc files cannot be imported as transcripts; save it as .docx")
    assert project.documents() == []


def test_import_renames_speakers_and_answers_the_documents(api: TestClient, project: Project) -> None:
    done = api.post("/api/v1/imports", files=transcripts(("P01.txt", INTERVIEW), ("P02.txt", SECOND)),
                    data={"speaker": ["Dr. Melissa Ko=Interviewer"]}, headers=csrf(api))
    assert done.status_code == 201, done.text
    docs = done.json()["documents"]
    assert [d["title"] for d in docs] == ["P01", "P02"]
    assert docs[1]["speakers"] == ["Interviewer", "P02"]
    assert project.document("P02").speakers == ("Interviewer", "P02")
    again = post(api, "/imports/preview", transcripts(("copy.txt", INTERVIEW)))
    assert again.json()[0]["duplicate_of"] == "P01"
    assert again.json()[0]["error"].startswith("copy.txt: has the same text as the document 'P01'")


def test_verbatim_keeps_the_file_text_so_offsets_still_fit(api: TestClient, project: Project) -> None:
    original = ("Interviewer:  Hello   there.\n\n\nP01: I waited 🙂 four months, café.\nP01: Then more.\n"
                "Interviewer: Thanks.\n  \n")
    done = post(api, "/imports", transcripts(("P01.txt", original)), verbatim="true")
    assert done.status_code == 201, done.text
    doc = project.document("P01")
    assert doc.text == original
    for word in ("Hello", "🙂", "café", "Then more"):  # an offset counted over the file...
        start = original.index(word)
        extract = project.code("P01", "Mark", start=start, end=start + len(word), create=True)
        assert extract.text == word  # ...addresses the same characters in the project
    assert [t.speaker for t in doc.turns] == ["Interviewer", "P01", "P01", "Interviewer"]
    assert [doc.text[t.start : t.end] for t in doc.turns] == [
        "Hello   there.", "I waited 🙂 four months, café.", "Then more.", "Thanks."]


def test_verbatim_refuses_what_it_would_have_to_change(api: TestClient, project: Project) -> None:
    crlf = post(api, "/imports", transcripts(("P01.txt", "A: one\r\nB: two\r\n")), verbatim="true")
    assert crlf.status_code == 422 and crlf.json()["error"].startswith("P01.txt: has Windows or old Mac line ends")
    docx = post(api, "/imports/preview", transcripts(("P01.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nhi\n")), verbatim="true")
    assert "a verbatim import keeps the text of plain-text files" in docx.json()[0]["error"]
    assert project.documents() == []


@pytest.mark.parametrize(("named", "status", "sentence"), [
    (("notes.exe", b"MZ\x00\x01"), 422, "notes.exe: .exe files cannot be imported as transcripts"),
    (("empty.txt", b""), 422, "empty.txt: is empty; nothing to import."),
    (("noext", b"hello"), 422, "noext: has no file extension"),
    (("binary.txt", bytes(range(256)) * 20), 422, "binary.txt: looks like a binary file"),
])
def test_bad_files_refused_with_the_cli_sentence_and_nothing_stored(
    api: TestClient, project: Project, named: tuple[str, bytes], status: int, sentence: str
) -> None:
    done = post(api, "/imports", transcripts(("P01.txt", INTERVIEW), named))
    assert done.status_code == status and done.json()["error"].startswith(sentence), done.text
    assert project.documents() == []


def test_zip_bomb_unknown_case_duplicate_and_too_large(api: TestClient, project: Project,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<" + b"a" * 300_000_000 + b">")
    refused = post(api, "/imports", transcripts(("bomb.docx", bomb.getvalue())))
    assert refused.status_code in (413, 422) and refused.json()["error"].startswith("bomb.docx:")
    unknown = post(api, "/imports", transcripts(("P01.txt", INTERVIEW)), case="P99")
    assert unknown.status_code == 404 and unknown.json()["error"].startswith("P01.txt: there is no case 'P99'")
    twice = post(api, "/imports", transcripts(("P01.txt", INTERVIEW), ("again.txt", INTERVIEW)))
    assert twice.status_code == 409 and twice.json()["error"].startswith("again.txt: has the same text")
    monkeypatch.setenv("COTHEME_MAX_IMPORT_MB", "0.01")
    small = client_for(project)  # the limit is read when the app is made
    over = post(small, "/imports", transcripts(("P01.txt", INTERVIEW * 400)))
    assert over.status_code == 413 and "(COTHEME_MAX_IMPORT_MB)" in over.json()["error"]
    assert project.documents() == []


def call(project: Project, body: Iterator[dict[str, object]], boundary: str = "b") -> tuple[list[dict[str, object]], int]:
    """Send an upload straight to the ASGI app, one message at a time as ``body`` yields them (a test
    client would read the whole body first); the app's answer and how many body bytes it took in."""
    import anyio

    from cotheme.web.app import create_app
    from tests.web.conftest import TOKEN

    app = create_app(project, TOKEN)
    sent: list[dict[str, object]] = []
    taken = 0

    async def receive() -> dict[str, object]:
        nonlocal taken
        message = next(body, {"type": "http.disconnect"})
        taken += len(message.get("body", b""))  # type: ignore[arg-type]
        return message

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/api/v1/imports", "raw_path": b"/api/v1/imports",
             "query_string": b"", "root_path": "", "scheme": "http", "server": ("127.0.0.1", 80),
             "client": ("127.0.0.1", 1), "http_version": "1.1",
             "headers": [(b"authorization", f"Bearer {TOKEN}".encode()),
                         (b"content-type", f"multipart/form-data; boundary={boundary}".encode())]}
    # A thread of its own: a browser test earlier in the session may have left this thread's loop running.
    worker = threading.Thread(target=anyio.run, args=(app, scope, receive, send))
    worker.start()
    worker.join()
    return sent, taken


def part(name: str) -> bytes:
    return f'--b\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n\r\n'.encode()


def test_a_streamed_2gb_upload_stops_at_the_limit(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 2 GB body without a declared length is refused once it passes the limit, having taken in
    about the limit: neither memory nor the disk gets the rest."""
    monkeypatch.setenv("COTHEME_MAX_IMPORT_MB", "2")
    chunk = b"Interviewer: words words words.\n" * 32768  # 1 MB

    def body() -> Iterator[dict[str, object]]:
        yield {"type": "http.request", "body": part("big.txt"), "more_body": True}
        for _ in range(2048):  # 2 GB if nothing stopped it
            yield {"type": "http.request", "body": chunk, "more_body": True}
        yield {"type": "http.request", "body": b"\r\n--b--\r\n", "more_body": False}

    sent, taken = call(project, body())
    assert sent[0]["status"] == 413
    assert b"import limit" in sent[1]["body"]  # type: ignore[operator]
    assert taken <= 3 * 1024 * 1024  # stopped within a chunk of the 2 MB limit
    assert project.documents() == []


def test_a_declared_length_over_the_limit_is_refused_unread(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COTHEME_MAX_IMPORT_MB", "1")
    client = client_for(project)
    response = client.post("/api/v1/imports", content=b"x" * (2 * 1024 * 1024), headers={
        **csrf(client), "Content-Type": "multipart/form-data; boundary=b"})
    assert response.status_code == 413 and "COTHEME_MAX_IMPORT_MB" in response.json()["error"]


def test_an_upload_cut_off_half_way_stores_nothing(project: Project) -> None:
    first = part("P01.txt") + INTERVIEW.encode() + b"\r\n" + part("P02.txt") + b"P02: half"
    sent, _ = call(project, iter([{"type": "http.request", "body": first, "more_body": True}]))
    assert sent[0]["status"] == 422
    assert b"cut off" in sent[1]["body"]  # type: ignore[operator]
    assert project.documents() == []


def test_participants_sheet_preview_and_import_with_interview_details(api: TestClient, project: Project) -> None:
    post(api, "/imports", transcripts(("P01.txt", INTERVIEW), ("P02.txt", SECOND)))
    sheet = ("pid,age_band,service_use,interview_date,interview_mode,interview_duration,interviewer,interview_setting,field_notes\n"
             "P01,30-39,,2025-03-12,video call,48,Sam Okafor,home,Quiet room\n"
             "P03,40-49,specialist,,,,,,\n").encode()
    preview = post(api, "/cases/import/preview", [("file", ("participants.csv", sheet))], id_column="pid").json()
    assert preview["id_column"] == "pid" and preview["attributes"] == [
        "age_band", "service_use", "interview_date", "interview_mode", "interview_duration", "interviewer",
        "interview_setting"]  # the detail columns stay attributes (a sample table may use them), notes do not
    assert preview["details"] == ["interview_date", "interview_mode", "interview_duration", "interviewer",
                                  "interview_setting", "field_notes"]
    p01, p03 = preview["rows"]
    assert p01 == {"line": 2, "pid": "P01", "new": True, "transcripts": ["P01"], "empty": ["service_use"]}
    assert p03["transcripts"] == [] and p03["empty"] == preview["attributes"][2:]
    assert project.cases() == []
    done = post(api, "/cases/import", [("file", ("participants.csv", sheet))], id_column="pid")
    assert done.status_code == 201 and done.json()["created"] == 2 and done.json()["linked"] == 1
    source = project.document("P01").source
    assert (source.mode, source.duration_minutes, source.interviewer, source.setting, source.field_notes) == (
        "video", 48, "Sam Okafor", "home", "Quiet room")
    assert project.document("P01").case_pid == "P01"
    cases = {c.pid: c.shown("not available") for c in project.cases()}
    assert cases["P01"]["service_use"] == "not available" and cases["P01"]["interview_mode"] == "video call"


def test_bad_sheets_refused_with_the_cli_sentence(api: TestClient, project: Project) -> None:
    sheet = b"pid,age\nP01,30\n"
    missing = post(api, "/cases/import", [("file", ("s.csv", sheet))], id_column="participant")
    assert missing.status_code == 422
    assert missing.json()["error"] == "s.csv: has no column 'participant'; its columns are 'pid', 'age'. Choose one of those as the id column."
    preview = post(api, "/cases/import/preview", [("file", ("s.csv", sheet))], id_column="participant").json()
    assert preview["error"] == missing.json()["error"]
    bad_date = post(api, "/cases/import", [("file", ("s.csv", b"pid,interview_date\nP01,12/03/2025\n"))])
    assert bad_date.status_code == 422
    assert bad_date.json()["error"] == "s.csv, row 2: '12/03/2025' is not a date; write it as yyyy-mm-dd, e.g. 2025-03-12."
    wrong = post(api, "/cases/import", [("file", ("s.ods", b"x"))])
    assert wrong.status_code == 422 and wrong.json()["error"].startswith("s.ods: .ods spreadsheets cannot be read")
    assert project.cases() == []


def test_codebook_preview_and_import_csv_md_qdc(api: TestClient, project: Project, tmp_path: Path) -> None:
    project.create_code("Waiting")
    csv = b"name,parent,definition\nWaiting,,Delays\nListening,,Being heard\nActive/empathic listening,Listening,x\n"
    preview = post(api, "/codebook/import/preview", [("file", ("codebook.csv", csv))]).json()
    assert [(c["path"], c["new"]) for c in preview["codes"]] == [
        ("Waiting", False), ("Listening", True), ("Listening/Active/empathic listening", True)] or preview["error"] is None
    done = post(api, "/codebook/import", [("file", ("codebook.csv", csv))])
    assert done.status_code == 201 and done.json()["created"] >= 2
    markdown = "# Book\n\n## Support\n\n**Definition:** Help from others\n\n### Peer support\n\n**Example:** my group\n"
    md = post(api, "/codebook/import", [("file", ("codebook.md", markdown.encode()))])
    assert md.status_code == 201, md.text
    paths = {c.code.path_text: c.code for c in project.codes()}
    assert paths["Support"].definition == "Help from others" and paths["Support/Peer support"].example == "my group"
    qdc_path = tmp_path / "book.qdc"
    project.export_codebook_qdc(qdc_path)
    qdc = post(api, "/codebook/import/preview", [("file", ("book.qdc", qdc_path.read_bytes()))]).json()
    assert qdc["format"] == "qdc" and all(not c["new"] for c in qdc["codes"])
    merged = post(api, "/codebook/import", [("file", ("book.qdc", qdc_path.read_bytes()))])
    assert merged.status_code == 201 and merged.json()["kind"] == "qdc"
    broken = post(api, "/codebook/import", [("file", ("book.md", b"no headings here\n"))])
    assert broken.status_code == 422 and broken.json()["error"].startswith("book.md: has no codes")


def test_qdpx_upload_merges_and_refuses_a_mix(api: TestClient, project: Project, tmp_path: Path) -> None:
    post(api, "/imports", transcripts(("P01.txt", INTERVIEW)))
    project.code("P01", "Waiting", quote="waiting list", create=True)
    exported = tmp_path / "study.qdpx"
    project.export_qdpx(exported)
    preview = post(api, "/imports/preview", [("files", ("study.qdpx", exported.read_bytes()))]).json()
    assert preview[0]["kind"] == "qdpx" and preview[0]["summary"]["documents"] == 1
    mix = post(api, "/imports", [("files", ("study.qdpx", exported.read_bytes())), ("files", ("P02.txt", SECOND.encode()))])
    assert mix.status_code == 422 and mix.json()["error"].startswith("Import .qdpx projects on their own")
    merged = post(api, "/imports", [("files", ("study.qdpx", exported.read_bytes()))])
    assert merged.status_code == 201 and merged.json()["projects"][0]["file"] == "study.qdpx"
    assert len(project.documents()) == 1  # matched by GUID, not doubled


def test_interview_details_patch(api: TestClient, project: Project) -> None:
    post(api, "/imports", transcripts(("P01.txt", INTERVIEW)))
    body = {"date": "2025-03-12", "mode": "phone", "duration": 41, "interviewer": "Rowan", "setting": "clinic",
            "notes": "Tired at the end."}
    done = api.patch("/api/v1/documents/1", json=body, headers=csrf(api))
    assert done.status_code == 200, done.text
    assert done.json() == {"id": 1, "title": "P01", "date": "2025-03-12", "mode": "telephone", "duration": 41,
                           "interviewer": "Rowan", "setting": "clinic", "notes": "Tired at the end."}
    cleared = api.patch("/api/v1/documents/1", json={"setting": "", "duration": ""}, headers=csrf(api)).json()
    assert cleared["setting"] == "" and cleared["duration"] is None and cleared["mode"] == "telephone"
    bad = api.patch("/api/v1/documents/1", json={"date": "12/03/2025"}, headers=csrf(api))
    assert bad.status_code == 422 and bad.json()["error"] == "'12/03/2025' is not a date; write it as yyyy-mm-dd, e.g. 2025-03-12."
    assert api.patch("/api/v1/documents/99", json={"mode": "video"}, headers=csrf(api)).status_code == 404
    methods = project.methods_report()
    coreq = {item.number: item.answer for item in methods.coreq}
    assert "telephone" in coreq[14] and coreq[20].startswith("Field notes for 1 of 1 interviews")


def test_only_leads_import_unless_coders_are_allowed(api: TestClient, project: Project) -> None:
    coder = project.add_member("Ann", permission="coder")
    viewer = project.add_member("Vic", permission="viewer")
    lead_cookie = api.cookies.get("cotheme_member")

    def as_member(member_id: int) -> None:
        api.cookies.set("cotheme_member", str(member_id))

    as_member(coder.id)
    refused = post(api, "/imports", transcripts(("P01.txt", INTERVIEW)))
    assert refused.status_code == 403 and "Ann is a coder" in refused.json()["error"]
    assert api.patch("/api/v1/documents/1", json={"mode": "video"}, headers=csrf(api)).status_code == 403
    assert "Import</a>" not in api.get("/").text
    assert api.put("/api/v1/settings/coders-import", json={"on": True}, headers=csrf(api)).status_code == 403
    api.cookies.delete("cotheme_member")
    if lead_cookie:
        api.cookies.set("cotheme_member", lead_cookie)
    assert api.put("/api/v1/settings/coders-import", json={"on": True}, headers=csrf(api)).json() == {"on": True}
    as_member(coder.id)
    assert 'href="/import"' in api.get("/").text
    allowed = post(api, "/imports", transcripts(("P01.txt", INTERVIEW)))
    assert allowed.status_code == 201, allowed.text
    assert api.patch("/api/v1/documents/1", json={"mode": "video"}, headers=csrf(api)).status_code == 200
    as_member(viewer.id)
    viewer_try = post(api, "/imports", transcripts(("P02.txt", SECOND)))
    assert viewer_try.status_code == 403 and "Vic is a viewer" in viewer_try.json()["error"]
    assert "may not import" in api.get("/import").text
    assert len(project.documents()) == 1


def test_import_routes_are_in_the_openapi_schema(api: TestClient) -> None:
    paths = api.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/imports/preview", "/api/v1/imports", "/api/v1/cases/import", "/api/v1/codebook/import"):
        body = paths[path]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
        assert "file" in body["properties"] or "files" in body["properties"]
    assert "speaker" in paths["/api/v1/imports"]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]["properties"]
    assert "patch" in paths["/api/v1/documents/{document_id}"]


def test_a_qdpx_zip_bomb_is_refused_and_nothing_stored(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COTHEME_MAX_IMPORT_MB", "1")  # so at most 5 MB may be unpacked from an archive
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", b"<Project>" + b" " * 60_000_000 + b"</Project>")
    assert len(bomb.getvalue()) < 1024 * 1024
    client = client_for(project)
    preview = post(client, "/imports/preview", [("files", ("bomb.qdpx", bomb.getvalue()))]).json()
    assert preview[0]["error"].startswith("bomb.qdpx")
    refused = post(client, "/imports", [("files", ("bomb.qdpx", bomb.getvalue()))])
    assert refused.status_code in (413, 422) and refused.json()["error"] == preview[0]["error"]
    assert project.documents() == [] and project.codes() == []
