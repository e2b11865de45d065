"""Every GET route of the web app, as each member, on a team server over the blind study: no restricted
member ever receives another coder's blind coding or memo (``blind_study.py`` explains the oracle).

Routes are enumerated from the app, never listed by hand, so a route added later is walked too. Each
path parameter and required query parameter is filled by its name from ``VALUES`` (with real ids of the
study); optional ones named in ``OPTIONAL`` are walked in each of their values as well as left out. A
route with a parameter nothing can fill fails the test unless ``UNFILLABLE`` says why it may be left out.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import BaseRoute, Mount, Route

from cotheme.formats.report_common import REPORT_FORMATS
from cotheme.web.app import create_app
from tests.team import blind_study as study
from tests.team.blind_study import Ids
from cotheme.domain.figures import FIGURE_KINDS
from tests.team.conftest import login

#: Values for parameters, by name: path parameters and required query parameters take each in turn.
VALUES: dict[str, Callable[[Ids], list[Any]]] = {
    "document_id": lambda i: list(i.documents),
    "coding_id": lambda i: list(i.codings),
    "code_id": lambda i: list(i.codes),
    "theme_id": lambda i: list(i.themes),
    "kind": lambda i: list(REPORT_FORMATS),
    "figure_kind": lambda i: list(FIGURE_KINDS),
    "code": lambda i: [list(i.codes)],  # a repeated parameter: every code at once
    "q": lambda i: list(study.SEARCHES),
    "coders": lambda i: ["Ann,Bea", "Ann,Lead", "Bea,Lead"],
    "doc": lambda i: ["B01", "P01"],
    "docs": lambda i: ["B01"],
    "date": lambda i: ["2100-01-01"],
    "since": lambda i: ["2000-01-01"],
    "until": lambda i: ["2100-01-01"],
    "text": lambda i: ["The nurse came late and the porter was kind to me at night."],
    "next": lambda i: ["/"],
    "job_id": lambda i: ["no-such-job"],  # transcription jobs live in a server's memory; the study has none
}
#: Optional query parameters are also walked with each of their values: these, or those in VALUES.
OPTIONAL: dict[str, Callable[[Ids], list[Any]]] = {
    "format": lambda i: sorted({f for formats in REPORT_FORMATS.values() for f in formats}),
    "by": lambda i: ["setting"],
    "target": lambda i: ["project", "document", "coding", "code", "theme"],
    "target_id": lambda i: sorted({i.blind, *i.codings}),
    "coder": lambda i: ["Bea"],
    "document": lambda i: [i.blind],
    "first": lambda i: ["Ann"],
    "second": lambda i: ["Bea"],
    "group": lambda i: ["participant", "code"],
    "subcodes": lambda i: [False, True],
}
#: Routes the walk may leave out, and why. Anything else it cannot fill fails the test.
UNFILLABLE = {
    "/static": "the package's own CSS, JavaScript and fonts: files shipped with cotheme, no project data",
    "/static/api-docs": "Swagger UI's files from the fastapi-offline package, no project data",
}
#: A route answers within this many seconds, or the test fails (a stream that never ends needs a way to
#: end it in a test, not a place in UNFILLABLE).
ANSWER_SECONDS = 60


@dataclass(frozen=True)
class GetRoute:
    path: str
    path_params: tuple[str, ...]
    required: tuple[str, ...]
    optional: tuple[str, ...]


def _routes(routes: list[BaseRoute], prefix: str = "") -> Iterator[tuple[str, BaseRoute]]:
    for route in routes:
        if hasattr(route, "original_router"):  # FastAPI keeps included routers as such
            context = getattr(route, "include_context", None)
            yield from _routes(list(route.original_router.routes), prefix + getattr(context, "prefix", ""))
        else:
            yield prefix, route


def _params(dependant: Any) -> tuple[list[Any], list[Any]]:
    """The path and query parameters of a route, its dependencies' included."""
    path, query = list(dependant.path_params), list(dependant.query_params)
    for sub in dependant.dependencies:
        more_path, more_query = _params(sub)
        path += more_path
        query += more_query
    return path, query


def get_routes(app: Any) -> tuple[list[GetRoute], list[str]]:
    """Every GET route of ``app`` and the paths of what cannot be walked (mounts, unknown kinds)."""
    found, unwalkable = [], []
    for prefix, route in _routes(list(app.routes)):
        path = prefix + getattr(route, "path", "")
        if isinstance(route, APIRoute):
            if "GET" not in route.methods:
                continue
            path_params, query_params = _params(route.dependant)
            query = [(p.alias, p.field_info.is_required()) for p in query_params]
            found.append(GetRoute(path, tuple(dict.fromkeys(p.alias for p in path_params)),
                                  tuple(n for n, needed in query if needed), tuple(n for n, needed in query if not needed)))
        elif isinstance(route, Route) and not isinstance(route, Mount):
            if route.methods is None or "GET" in route.methods:  # None: an endpoint class, any method
                found.append(GetRoute(path, tuple(route.param_convertors), (), ()))
        else:
            unwalkable.append(path)
    return found, unwalkable


def requests_for(route: GetRoute, ids: Ids) -> list[str]:
    """Every URL the walk asks for ``route`` (empty when a parameter cannot be filled)."""
    needed = [*route.path_params, *route.required]
    if any(name not in VALUES for name in needed):
        return []
    choices = [[(n, v) for v in VALUES[n](ids)] for n in needed]
    choices += [[(n, None), *((n, v) for v in (OPTIONAL.get(n) or VALUES[n])(ids))]
                for n in route.optional if n in OPTIONAL or n in VALUES]
    urls = []
    for combination in itertools.product(*choices):
        chosen = dict(combination)
        path = re.sub(r"\{(\w+)(:\w+)?\}", lambda m: str(chosen[m.group(1)]), route.path)
        query = [(n, item) for n, v in chosen.items() if n not in route.path_params and v is not None
                 for item in (v if isinstance(v, list) else [v])]
        urls.append(path + (f"?{urlencode(query)}" if query else ""))
    return urls


def unfillable(routes: list[GetRoute], ids: Ids) -> list[str]:
    return [f"GET {r.path} ({', '.join(n for n in (*r.path_params, *r.required) if n not in VALUES)})"
            for r in routes if not requests_for(r, ids) and r.path not in UNFILLABLE]


def fetch(client: TestClient, headers: dict[str, str], urls: list[str]) -> dict[str, tuple[int, str]]:
    """Status and readable text of each URL (one at a time; each must answer in time)."""
    answers = {}
    for url in urls:
        got: list[Any] = []
        # A daemon thread: a route that never answers fails the test without keeping pytest from ending.
        asking = threading.Thread(target=lambda u=url: got.append(client.get(u, headers=headers, follow_redirects=False)),
                                  daemon=True)
        asking.start()
        asking.join(ANSWER_SECONDS)
        if not got:
            pytest.fail(f"GET {url} did not answer within {ANSWER_SECONDS} s (a stream must end in a test too)"
                        if asking.is_alive() else f"GET {url} failed in the test client (see the log above)")
        answers[url] = (got[0].status_code, study.readable(got[0].content))
    return answers


@pytest.fixture
def walked(tmp_path: Path) -> Callable[[str], tuple[Any, TestClient, dict[str, str], list[str]]]:
    """For a member: the study (their own copy), a team client, their headers and every URL to walk."""
    opened: list[Any] = []

    def make(name: str) -> tuple[Any, TestClient, dict[str, str], list[str]]:
        project = study.build(tmp_path / name)
        opened.append(project)
        client = TestClient(create_app(project, "unused-token", team=True), raise_server_exceptions=False)
        routes, unwalkable = get_routes(client.app)
        ids = study.ids(project)
        assert [p for p in unwalkable if p not in UNFILLABLE] == [], "routes the walk cannot enumerate"
        assert unfillable(routes, ids) == [], "fill these parameters in VALUES, or justify them in UNFILLABLE"
        urls = sorted({u for r in routes for u in requests_for(r, ids)})
        return project, client, login(client, name), urls

    yield make  # type: ignore[misc]
    for project in opened:
        project.close()


def no_server_errors(answers: dict[str, tuple[int, str]]) -> None:
    assert [(url, status) for url, (status, _) in answers.items() if status >= 500] == []


def test_the_walk_reaches_every_route_and_marker_as_the_lead(walked: Any) -> None:
    project, client, headers, urls = walked("Lead")
    routes, _ = get_routes(client.app)
    assert len(routes) >= 55 and len(urls) >= 200
    answers = fetch(client, headers, urls)
    no_server_errors(answers)
    assert sum(status == 200 for status, _ in answers.values()) >= 150
    seen = "\n".join(text for status, text in answers.values() if status == 200)
    assert [m for m in (*study.MEMO_MARKERS, *study.QUOTE.values(), study.SHARED_MEMO) if m not in seen] == []
    for route in routes:  # every route was asked for at least once
        assert any(re.fullmatch(re.sub(r"\\\{\w+(:\w+)?\\\}", "[^/]+", re.escape(route.path)) + r"(\?.*)?", u)
                   for u in urls), route.path


@pytest.mark.parametrize("name", study.RESTRICTED)
def test_no_route_shows_a_restricted_member_what_is_hidden_from_them(walked: Any, name: str) -> None:
    project, client, headers, urls = walked(name)
    quotes, notes = study.hidden_markers(name)
    answers = fetch(client, headers, urls)
    no_server_errors(answers)
    leaked_memos = {url: sorted(m for m in notes if m in text) for url, (_, text) in answers.items()}
    assert {url: m for url, m in leaked_memos.items() if m} == {}
    own = {m for m, author in study.MEMO_MARKERS.items() if author == name} | {study.SHARED_MEMO}
    seen = "\n".join(text for _, text in answers.values())
    assert [m for m in own if m not in seen] == []  # the walk does reach memos they may read
    # A hidden coding's quote is transcript text too: where its marker shows, it may show only as
    # often as it does once every hidden row is gone.
    suspects = {url: study.counts(text, quotes) for url, (_, text) in answers.items()
                if any(q in text for q in quotes)}
    study.trim(project, name)
    after = {url: study.counts(text, quotes) for url, (_, text) in fetch(client, headers, list(suspects)).items()}
    assert {url: c for url, c in suspects.items() if c != after[url]} == {}
