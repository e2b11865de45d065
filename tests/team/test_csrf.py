"""The CSRF token belongs to one session: a cookie and header pair that works in one member's session
is refused in another's, on a team server and on the local server alike."""

from __future__ import annotations

from fastapi.testclient import TestClient

from cotheme.services.project import Project
from cotheme.web.app import create_app
from tests.team.conftest import PASSWORD

CSRF = "cotheme_csrf"


def _logged_in(app: object, name: str) -> TestClient:
    client = TestClient(app)  # type: ignore[arg-type]
    client.get("/login")
    sent = client.post("/login", data={"name": name, "password": PASSWORD, "csrf": client.cookies.get(CSRF)},
                       follow_redirects=False)
    assert sent.status_code == 303, sent.text
    assert client.get("/").status_code == 200
    return client


def _plant(client: TestClient, value: str) -> None:
    """The browser now carries ``value`` as its CSRF cookie (as a planted or copied cookie would)."""
    domain = next(c.domain for c in client.cookies.jar if c.name == CSRF)
    client.cookies.delete(CSRF)
    client.cookies.set(CSRF, value, domain=domain)


def _memo(client: TestClient, csrf: str) -> int:
    return client.post("/api/v1/memos", json={"text": "a note"}, headers={"X-CSRF-Token": csrf}).status_code


def test_a_csrf_pair_from_one_session_is_refused_in_another(file_team: Project) -> None:
    app = create_app(file_team, "unused")
    ann, bea = _logged_in(app, "Ann"), _logged_in(app, "Bea")
    anns = ann.cookies.get(CSRF) or ""
    assert _memo(ann, anns) == 201
    # An attacker who learnt Ann's pair (or planted a cookie of their choosing) cannot use it in Bea's session.
    _plant(bea, anns)
    assert _memo(bea, anns) == 403
    _plant(bea, "chosen-by-the-attacker")
    assert _memo(bea, "chosen-by-the-attacker") == 403
    # Bea's own page tells her browser the value of her session again.
    page = bea.get("/codebook")
    own = bea.cookies.get(CSRF) or ""
    assert own != anns and f'content="{own}"' in page.text
    assert _memo(bea, own) == 201


def test_the_local_servers_csrf_token_is_bound_to_its_access_token(file_team: Project) -> None:
    mine = TestClient(create_app(file_team, "token-one", team=False))
    mine.get("/?token=token-one")
    theirs = TestClient(create_app(file_team, "token-two", team=False))
    theirs.get("/?token=token-two")
    planted = "chosen-by-the-attacker"
    _plant(mine, planted)
    assert _memo(mine, planted) == 403
    _plant(mine, theirs.cookies.get(CSRF) or "")
    assert _memo(mine, theirs.cookies.get(CSRF) or "") == 403
