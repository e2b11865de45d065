"""Permissions as a matrix: every /api/v1 route x lead/coder/viewer/anonymous on a team server, and
every operation of Project x each permission in the service layer."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from cotheme.domain.project import Permission
from cotheme.domain.team import Need, allows
from cotheme.errors import Forbidden
from cotheme.services.acting import RULES
from cotheme.services.api_names import NAMESPACES, OLD_NAMES
from cotheme.services.project import Project
from cotheme.web.permissions import NEEDS, PUBLIC, route_key

ROLES = {"Lead": Permission.LEAD, "Ann": Permission.CODER, "Vic": Permission.VIEWER}
MISSING = 999_999  # ids that exist nowhere: an allowed request then fails with 404/422, never 403


def _walk(routes: list[Any]) -> list[APIRoute]:
    found: list[APIRoute] = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif hasattr(route, "original_router"):  # FastAPI keeps included routers as such
            found += _walk(list(route.original_router.routes))
    return found


def api_routes(client: TestClient) -> list[tuple[str, str]]:
    found = []
    for route in _walk(list(client.app.routes)):  # type: ignore[attr-defined]
        if route.path.startswith("/api/v1"):
            found += [(method, route.path) for method in sorted(route.methods - {"HEAD"})]
    return sorted(set(found))


def test_every_api_route_is_in_the_permission_table(team_client: TestClient) -> None:
    routes = api_routes(team_client)
    assert len(routes) >= 40
    missing = [route_key(m, p) for m, p in routes if route_key(m, p) not in NEEDS and route_key(m, p) not in PUBLIC]
    assert missing == []


def test_route_matrix(team_client: TestClient, as_member: Callable[[str], dict[str, str]]) -> None:
    outcomes = {}
    # Logging out last: it ends the session the other requests use.
    for method, path in sorted(api_routes(team_client), key=lambda r: r[1] == "/api/v1/logout"):
        key = route_key(method, path)
        url = re.sub(r"\{[^}]+\}", str(MISSING), path)
        body = {} if method in ("POST", "PATCH", "PUT") else None
        for who in (None, *ROLES):
            headers = as_member(who) if who else {}
            status = team_client.request(method, url, json=body, headers=headers).status_code
            if key in PUBLIC:
                expected_refused = False
            elif who is None:
                assert status == 401, (key, who, status)
                continue
            else:
                expected_refused = not allows(ROLES[who], NEEDS[key])
            outcomes[(key, who)] = status
            if expected_refused:
                assert status == 403, (key, who, status)
            else:
                assert status not in (401, 403) and status < 500, (key, who, status)
    assert len(outcomes) >= 120


def public_operations() -> list[str]:
    return sorted(name for name, member in inspect.getmembers(Project)
                  if not name.startswith("_") and (callable(member) or isinstance(member, property))
                  and (name not in NAMESPACES or name in OLD_NAMES)  # a namespace, not an operation
                  and name not in ("create", "open", "create_from_qdpx", "acting_as", "default_lead",
                                   "login", "logout", "session_member"))


def test_every_operation_is_classified() -> None:
    assert [name for name in public_operations() if name not in RULES] == []


@pytest.mark.parametrize("name", ["Ann", "Vic"])
def test_service_layer_refuses_what_the_permission_does_not_allow(file_team: Project, name: str) -> None:
    acting = file_team.acting_as(name)
    for operation in public_operations():
        need = RULES[operation]
        if allows(acting.member.permission, need):
            continue
        with pytest.raises(Forbidden):
            method = getattr(acting, operation)
            method()  # refused before any argument is looked at


def test_coders_change_only_their_own_codings_and_act_only_as_themselves(team: Project) -> None:
    ann, bea = team.acting_as("Ann"), team.acting_as("Bea")
    beas = next(e for e in team.codings() if e.coder == "Bea")
    with pytest.raises(Forbidden, match="only their own"):
        ann.delete_coding(beas.id)
    with pytest.raises(Forbidden, match="only as themselves"):
        ann.code("P01", "Waiting", quote="four months", coder="Bea")
    assert ann.code("P01", "Waiting", quote="four months").coder == "Ann"
    with pytest.raises(Forbidden, match="only a lead"):
        ann.code("P01", "Brand new", quote="hard", create=True)
    bea.delete_coding(beas.id)
    assert team.acting_as("Lead").code("P01", "New", quote="hard", create=True, coder="Ann").coder == "Ann"
    assert Need.LEAD == RULES["assign"]
