"""Bad input to the API is the caller's mistake: a 4xx with one sentence, never a 500, and the same
answer on SQLite and PostgreSQL. NUL (U+0000), which PostgreSQL cannot store, is refused on every face
(API, CLI, Python API) by one rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cotheme.errors import InvalidArgument
from cotheme.services.project import Project
from cotheme.web.app import create_app
from tests.cli_runner import cli
from tests.web.conftest import TOKEN, csrf

NUL_SENTENCE = "contains a NUL character (U+0000)"


def no_raise_client(project: Project) -> TestClient:
    """A client that answers a server error as a 500, as a real one would, instead of raising it."""
    client = TestClient(create_app(project, TOKEN), raise_server_exceptions=False)
    client.get(f"/?token={TOKEN}")
    client.headers.update(csrf(client))
    return client


@pytest.fixture
def web(hostile_project: Project) -> TestClient:
    return no_raise_client(hostile_project)


def test_linking_an_unknown_code_to_a_theme_is_a_404(web: TestClient) -> None:
    theme = web.post("/api/v1/themes", json={"name": "Being heard"}).json()
    answer = web.post(f"/api/v1/themes/{theme['id']}/codes", json={"code_ids": [999_999]})
    assert answer.status_code == 404
    assert answer.json()["error"] == "There is no code with id 999999; see 'cotheme codebook list' for the ids."
    assert web.get("/api/v1/themes").json()[0]["code_ids"] == []


@pytest.mark.parametrize("end", [2**31, 2**63, 2**70])
def test_an_offset_beyond_32_bits_is_refused_by_the_schema(web: TestClient, end: int) -> None:
    code = web.get("/api/v1/codes").json()[0]
    answer = web.post("/api/v1/codings", json={"document_id": 1, "code_id": code["id"], "start": 0, "end": end})
    assert answer.status_code == 422
    assert answer.json()["error"].startswith("The request is not valid (end: ")


def test_an_id_beyond_32_bits_in_a_path_is_refused_by_the_schema(web: TestClient) -> None:
    answer = web.get(f"/api/v1/documents/{2**31}")
    assert answer.status_code == 422
    assert answer.json()["error"].startswith("The request is not valid (document_id: ")


@pytest.mark.parametrize("path", [f"/documents/{2**31}", f"/themes/{2**31}", f"/api/v1/themes/{2**31}/review"])
def test_an_id_beyond_32_bits_in_any_address_gets_the_same_answer_on_both_engines(web: TestClient, path: str) -> None:
    answer = web.get(path)
    assert answer.status_code == 422
    if path.startswith("/api/"):
        sentence = answer.json()["error"]
    else:  # a page address answers with an error page that carries the same sentence
        sentence = answer.text.split('<p class="error">', 1)[1]
    assert sentence.startswith("The request is not valid (")


def test_a_span_beyond_32_bits_from_python_gets_the_span_sentence(hostile_project: Project) -> None:
    with pytest.raises(InvalidArgument, match=r"The span 0-2147483648 is not inside the text"):
        hostile_project.code(1, "Trust", start=0, end=2**31)
    assert hostile_project.codings() == []


@pytest.mark.parametrize(("path", "body"), [
    ("/api/v1/memos", {"text": "before\x00after"}),
    ("/api/v1/themes", {"name": "Be\x00ing heard"}),
    ("/api/v1/themes", {"name": "Being heard", "definition": "a\x00b"}),
    ("/api/v1/codes", {"name": "Tr\x00ust 2"}),
    ("/api/v1/codes", {"name": "Kindness", "definition": "\x00"}),
])
def test_nul_in_a_text_field_is_a_422_with_a_sentence(web: TestClient, path: str, body: dict[str, str]) -> None:
    answer = web.post(path, json=body)
    assert answer.status_code == 422
    assert NUL_SENTENCE in answer.json()["error"]
    assert answer.json()["error"].endswith("remove it and try again.")


def test_nul_in_a_search_is_ignored_like_punctuation(web: TestClient) -> None:
    """A search query is split into words before it reaches the database, so NUL is no word and no error."""
    answer = web.get("/api/v1/search", params={"q": "diary\x00"})
    assert answer.status_code == 200
    assert [hit["document"] for hit in answer.json()] == ["P09"]


def test_nul_from_python_is_refused_and_nothing_is_stored(project: Project) -> None:
    with pytest.raises(InvalidArgument, match=r"The text contains a NUL character \(U\+0000\)"):
        project.add_memo("a\x00b")
    with pytest.raises(InvalidArgument, match=r"NUL character"):
        project.create_code("Tr\x00ust")
    assert project.memos() == []
    assert project.codes() == []


def test_nul_in_a_corrected_text_is_refused_by_the_cli(hostile_project: Project, tmp_path: Path) -> None:
    """``docs edit --from-file`` reads any UTF-8 file; a NUL in it gets the sentence and exit code 2."""
    path = tmp_path / "corrected.txt"
    path.write_text(hostile_project.document(1).text + "\x00", encoding="utf-8")
    code, _out, err = cli("docs", "edit", hostile_project.location, "--doc", "P09", "--from-file", str(path))
    assert code == 2
    assert "The text contains a NUL character (U+0000)" in err
    assert hostile_project.document(1).revision == 1
