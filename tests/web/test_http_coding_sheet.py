"""A codings sheet over HTTP, on SQLite and PostgreSQL: the preview row by row (nothing stored), the
import all rows or none, and each refusal the CLI's sentence naming the row, as a 4xx."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cotheme.services.project import Project
from tests.web.conftest import client_for, csrf

SHEET = ("document,code,quote,coder,memo\n"
         "P01,Waiting,the waiting list was long,Lead,\n"
         "P01,Waiting,she actually listened,Lead,felt new\n").encode()


@pytest.fixture
def api(project: Project, interview_file: Path) -> TestClient:
    project.import_files([interview_file])
    project.create_code("Waiting")
    return client_for(project)


def post(client: TestClient, path: str, data: bytes, name: str = "codings.csv", **fields: str) -> object:
    return client.post(f"/api/v1{path}", files=[("file", (name, data))], data=fields, headers=csrf(client))


def test_preview_shows_each_row_and_stores_nothing(api: TestClient, project: Project) -> None:
    found = post(api, "/codings/import/preview", SHEET)
    assert found.status_code == 200, found.text
    body = found.json()
    assert body["error"] is None and body["memos"] == 1
    assert [(r["row"], r["text"], r["coder"], r["memo"]) for r in body["rows"]] == [
        (2, "the waiting list was long", "Lead", None), (3, "she actually listened", "Lead", "felt new")]
    assert project.codings() == [] and project.memos() == []


def test_import_adds_every_row_and_says_how_many(api: TestClient, project: Project) -> None:
    done = post(api, "/codings/import", SHEET)
    assert done.status_code == 201, done.text
    assert done.json()["sentence"] == "Added 2 codings and 1 memo from codings.csv."
    assert [e.text for e in project.codings()] == ["the waiting list was long", "she actually listened"]


def test_a_refused_row_is_a_4xx_with_the_sentence_and_nothing_stored(api: TestClient, project: Project) -> None:
    bad = SHEET + b"P01,Waiting,not in this text,Lead,\n"
    preview = post(api, "/codings/import/preview", bad)
    assert preview.status_code == 200
    sentence = preview.json()["error"]
    assert sentence.startswith("codings.csv, row 4: The quote 'not in this text' does not occur in 'P01'")
    done = post(api, "/codings/import", bad)
    assert done.status_code == 404 and done.json()["error"] == sentence
    assert project.codings() == [] and project.memos() == []
    wrong = post(api, "/codings/import", b"\x89PNG\r\n", name="codings.png")
    assert wrong.status_code in (400, 415, 422) and wrong.json()["error"].startswith("codings.png: ")
