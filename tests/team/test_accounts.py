"""Accounts on a team server: login page and API, sessions that expire and end, the rate limit per
account and per address, and the audit trail (who, when, what, before and after, in one transaction)."""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from cotheme.errors import Conflict, InvalidArgument, ProjectError, TooManyAttempts
from cotheme.services import accounts
from cotheme.services.project import Project
from cotheme.web.app import create_app
from tests.team.conftest import PASSWORD, login


def test_login_page_sessions_and_logout(team_client: TestClient) -> None:
    page = team_client.get("/", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/login?next=%2F"
    form = team_client.get("/login?next=/codebook")
    assert form.status_code == 200 and 'name="csrf"' in form.text
    csrf = team_client.cookies.get("cotheme_csrf")
    assert team_client.post("/login", data={"name": "Ann", "password": PASSWORD, "csrf": "forged"}).status_code == 403
    wrong = team_client.post("/login", data={"name": "Ann", "password": "nope", "csrf": csrf})
    assert wrong.status_code == 401 and "not right" in wrong.text
    done = team_client.post("/login", data={"name": "Ann", "password": PASSWORD, "csrf": csrf, "next": "https://evil.example/"},
                            follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/"  # never off-site
    cookie = done.headers["set-cookie"]
    assert "cotheme_session=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    home = team_client.get("/")
    assert home.status_code == 200 and "Signed in as Ann" in home.text
    assert team_client.get("/api/v1/me").json()["member"]["name"] == "Ann"
    assert team_client.post("/api/v1/codings", json={}).status_code == 403  # cookie without CSRF header
    team_client.post("/logout", data={"csrf": csrf})
    assert team_client.get("/api/v1/me").status_code == 401


def test_sessions_expire_and_end(file_team: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(accounts.SESSION_HOURS_ENV, str(0.5 / 3600))  # half a second
    session = file_team.login("Ann", PASSWORD)
    assert file_team.session_member(session.token) is not None
    time.sleep(0.7)
    assert file_team.session_member(session.token) is None
    monkeypatch.delenv(accounts.SESSION_HOURS_ENV)
    session = file_team.login("Ann", PASSWORD)
    file_team.set_user("Ann", active=False)
    assert file_team.session_member(session.token) is None
    with pytest.raises(InvalidArgument, match="not right"):
        file_team.login("Ann", PASSWORD)
    with pytest.raises(Conflict, match="without an active lead"):
        file_team.set_user("Lead", permission="coder")
    with pytest.raises(InvalidArgument, match="at least 10"):
        file_team.set_password("Bea", "short")


class Clock:
    """A clock the test moves by hand, so the growing delays are tested without sleeping."""

    def __init__(self) -> None:
        self.now = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def wait(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    moved = Clock()
    monkeypatch.setattr(accounts, "clock", moved)
    return moved


def _refused_for(project: Project, name: str, password: str, address: str) -> int:
    """Seconds a login is told to wait (0 when it was heard, whatever its outcome)."""
    try:
        project.login(name, password, address=address)
    except TooManyAttempts as exc:
        return int(re.search(r"wait (\d+) second", str(exc)).group(1))  # type: ignore[union-attr]
    except InvalidArgument:
        return 0
    return 0


def test_wrong_passwords_slow_the_guesser_down_but_never_lock_the_owner_out(team: Project, clock: Clock) -> None:
    """Five wrong passwords once locked an account for 15 minutes for everyone, its owner included.
    Now the address that guesses waits longer and longer; the owner, elsewhere, logs in at once."""
    limits = accounts.LIMITS
    for _ in range(limits.free_per_account):
        assert _refused_for(team, "Bea", "guess", "10.0.0.66") == 0
    waits = []
    for _ in range(4):
        waits.append(_refused_for(team, "Bea", "guess", "10.0.0.66"))
        assert waits[-1] > 0
        clock.wait(waits[-1])
        assert _refused_for(team, "Bea", "guess", "10.0.0.66") == 0  # heard (and wrong) after the wait
    assert waits == sorted(waits) and waits[-1] >= 4 * waits[0]  # the delay grows
    # The owner at another address is not slowed by the guesser's failures, nor locked out.
    assert team.login("Bea", PASSWORD, address="10.0.0.7").member.name == "Bea"
    # While waiting, even the right password is not heard from the guessing address.
    assert _refused_for(team, "Bea", PASSWORD, "10.0.0.66") > 0
    clock.wait(limits.longest_delay.total_seconds())
    assert team.login("Bea", PASSWORD, address="10.0.0.66").member.name == "Bea"


def test_one_address_trying_many_accounts_is_slowed_down(file_team: Project, clock: Clock) -> None:
    limits = accounts.LIMITS
    for i in range(limits.free_per_address):
        assert _refused_for(file_team, f"nobody{i}", "guess", "10.0.0.66") == 0
    first = _refused_for(file_team, "Vic", PASSWORD, "10.0.0.66")
    assert first > 0
    assert file_team.login("Vic", PASSWORD, address="10.0.0.9").member.name == "Vic"  # elsewhere: fine
    clock.wait(first)
    assert file_team.login("Vic", PASSWORD, address="10.0.0.66").member.name == "Vic"


def test_the_api_answers_429_with_a_sentence_and_retry_after(file_team: Project, clock: Clock) -> None:
    client = TestClient(create_app(file_team, "unused"))
    for _ in range(accounts.LIMITS.free_per_account):
        assert client.post("/api/v1/login", json={"name": "Bea", "password": "guess"}).status_code == 401
    refused = client.post("/api/v1/login", json={"name": "Bea", "password": PASSWORD})
    assert refused.status_code == 429 and "Too many failed logins" in refused.json()["error"]
    assert int(refused.headers["retry-after"]) >= 1
    login(client, "Ann")  # another account from the same address still may


def test_audit_trail(team: Project, tmp_path: object) -> None:
    ann = team.acting_as("Ann")
    made = ann.code("P01", "Listening", quote="four months")
    ann.update_coding(made.id, end=made.end - 1)
    ann.delete_coding(made.id)
    team.acting_as("Lead").set_password("Bea", PASSWORD + "!")
    entries = team.acting_as("Lead").audit(table="codings", limit=3)
    assert [(e.actor, e.action) for e in entries] == [("Ann", "delete"), ("Ann", "update"), ("Ann", "insert")]
    update = entries[1]
    assert json.loads(update.before)["end_offset"] == made.end and json.loads(update.after)["end_offset"] == made.end - 1
    member = team.audit(table="members", limit=1)[0]
    assert member.actor == "Lead" and PASSWORD not in (member.after or "") and '"password_hash": "(set)"' in member.after
    before = len(team.audit())
    with pytest.raises(ProjectError):  # a change that fails leaves no trace in the trail either
        with team._store.write() as conn:  # noqa: SLF001 - one transaction around a change that fails
            from sqlalchemy import update as sql_update

            from cotheme.storage.schema import documents
            conn.execute(sql_update(documents).values(title="Renamed"))
            raise ProjectError("abandon")
    assert len(team.audit()) == before and team.documents()[0].title == "P01"
    with pytest.raises(Exception, match="lead"):
        ann.audit()


@pytest.mark.parametrize("name", ["ÖZLEM", "Zoë", "ΣΟΦΊΑ"])
def test_a_member_with_non_ascii_capitals_logs_in_by_their_own_name(team: Project, name: str) -> None:
    team.add_member(name)
    team.set_password(name, PASSWORD)
    assert team.session_member(team.login(name, PASSWORD).token).name == name  # type: ignore[union-attr]
    assert team.session_member(team.login(f"  {name} ", PASSWORD).token).name == name  # type: ignore[union-attr]


def test_the_audit_trail_keeps_only_what_committed(project: Project) -> None:
    """Audit rows wait for the commit: a rolled-back transaction, or savepoint, leaves none behind."""
    from sqlalchemy import select

    from cotheme.storage import cases as cases_repo
    from cotheme.storage.schema import audit_log

    store = project._store
    with store.write() as conn:
        cases_repo.insert_case(conn, "A")
        savepoint = conn.begin_nested()
        cases_repo.insert_case(conn, "B")
        savepoint.rollback()
        cases_repo.insert_case(conn, "C")
    with pytest.raises(RuntimeError), store.write() as conn:
        cases_repo.insert_case(conn, "D")
        raise RuntimeError("undone")
    with store.write() as conn:
        cases_repo.insert_case(conn, "E")
    with store.read() as conn:
        recorded = [json.loads(after)["pid"] for (after,) in conn.execute(
            select(audit_log.c.after).where(audit_log.c.table_name == "cases").order_by(audit_log.c.id))]
    assert recorded == ["A", "C", "E"]
    assert [c.pid for c in project.cases()] == ["A", "C", "E"]
