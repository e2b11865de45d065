"""Team fixtures: a project with a lead, two coders and a viewer who all have accounts, one transcript
coded by each coder, and an in-process client on a team server logged in as any of them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

import cotheme
from cotheme.services import accounts
from cotheme.services.project import Project
from cotheme.web.app import create_app

PASSWORD = "correct horse battery staple"
TEXT = (
    "Interviewer: How did you first hear about the service?\n\n"
    "P01: My GP mentioned it, but the waiting list was long. I waited four months.\n\n"
    "Interviewer: What was that like?\n\n"
    "P01: Honestly it was hard. When I finally got in, she actually listened to me.\n"
)


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap argon2 parameters in tests (the stored hash carries them, so logins stay correct)."""
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def populate(project: Project, tmp_path: Path) -> Project:
    project.set_password("Lead", PASSWORD)
    for name, level in (("Ann", "coder"), ("Bea", "coder"), ("Vic", "viewer")):
        project.add_user(name, PASSWORD, permission=level)
    path = tmp_path / "P01.txt"
    path.write_text(TEXT, encoding="utf-8")
    project.import_files([path])
    project.create_code("Waiting")
    project.create_code("Listening")
    project.code("P01", "Waiting", quote="waiting list was long", coder="Ann")
    project.code("P01", "Listening", quote="she actually listened", coder="Bea")
    return project


@pytest.fixture
def team(project: Project, tmp_path: Path) -> Project:
    """Lead (lead), Ann and Bea (coders), Vic (viewer), all with PASSWORD; P01 coded by Ann and Bea
    (on SQLite and on PostgreSQL)."""
    return populate(project, tmp_path)


@pytest.fixture
def file_team(tmp_path: Path) -> Iterator[Project]:
    """The same team in a project file only: for tests of the web layer, which is the same on both."""
    with cotheme.create_project(tmp_path / "team.cotheme", title="Team study", lead="Lead") as opened:
        yield populate(opened, tmp_path)


def login(client: TestClient, name: str, password: str = PASSWORD) -> dict[str, str]:
    response = client.post("/api/v1/login", json={"name": name, "password": password})
    assert response.status_code == 200, response.text
    client.cookies.clear()  # the bearer token speaks for the member; a request without it is anonymous
    return {"Authorization": f"Bearer {response.json()['token']}"}


@pytest.fixture
def team_client(file_team: Project) -> TestClient:
    return TestClient(create_app(file_team, "unused-token"))


@pytest.fixture
def as_member(team_client: TestClient) -> Callable[[str], dict[str, str]]:
    """Bearer headers for a member (each logs in once)."""
    cache: dict[str, dict[str, str]] = {}

    def headers(name: str) -> dict[str, str]:
        if name not in cache:
            cache[name] = login(team_client, name)
        return cache[name]

    return headers
