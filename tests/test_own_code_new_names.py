"""cotheme's own code calls the Python API by its namespace names, never by a deprecated flat name.

Two checks: a static one over the sources that hold a ``Project`` (web, CLI, the demo, the benches,
the docs and README examples), which sees every line, and a run of every GET route of the web app and
of a set of CLI commands on the demo study with the deprecation turned into an error, which catches a
name reached in a way the static check cannot read."""

from __future__ import annotations

import ast
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

from cotheme.services.api_names import NAMESPACES, OLD_NAMES
from cotheme.services.demo import build_demo
from tests.cli_runner import cli
from tests.web.conftest import client_for

ROOT = Path(__file__).resolve().parents[1]
PYTHON = [*sorted((ROOT / "src/cotheme/web").glob("*.py")), *sorted((ROOT / "src/cotheme/cli").glob("*.py")),
          ROOT / "src/cotheme/services/demo.py", ROOT / "src/cotheme/__init__.py", *sorted((ROOT / "bench").glob("*.py"))]
#: How these modules name a project (or a project acting as a member).
RECEIVERS = {"ctx.project", "p", "project", "request.app.state.project", "self.project", "acting", "opened", "other"}
DEPRECATED = r"project\..* is deprecated"


def _old_uses(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    calls = {id(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and node.attr in OLD_NAMES):
            continue
        if ast.get_source_segment(source, node.value) not in RECEIVERS:
            continue
        if node.attr in NAMESPACES and id(node) not in calls:  # the namespace itself, not the old method
            continue
        found.append(f"{path.relative_to(ROOT)}:{node.lineno}: .{node.attr}")
    return found


def test_sources_use_no_deprecated_name() -> None:
    assert [use for path in PYTHON for use in _old_uses(path)] == []


def test_docs_examples_use_no_deprecated_name() -> None:
    old = "|".join(sorted(OLD_NAMES, key=len, reverse=True))
    pattern = re.compile(rf"\b(?:project|Project)\.({old})\(")
    found = []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        if path.name == "python-api.md":
            continue  # its table lists the old names on purpose
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found += [f"{path.name}:{n}: {m.group(0)}" for m in pattern.finditer(line)]
    assert found == []


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.cotheme"
    with warnings.catch_warnings():
        warnings.filterwarnings("error", DEPRECATED, DeprecationWarning)
        build_demo(path).close()
    return path


def _routes(routes: list[BaseRoute], prefix: str = "") -> Iterator[tuple[str, BaseRoute]]:
    for route in routes:
        if hasattr(route, "original_router"):  # FastAPI keeps included routers as such
            context = getattr(route, "include_context", None)
            yield from _routes(list(route.original_router.routes), prefix + getattr(context, "prefix", ""))
        else:
            yield prefix, route


def test_every_get_route_runs_without_a_deprecated_name(demo: Path) -> None:
    import cotheme

    with cotheme.open_project(demo) as project, warnings.catch_warnings():
        warnings.filterwarnings("error", DEPRECATED, DeprecationWarning)
        client = client_for(project)
        routes = [(prefix, r) for prefix, r in _routes(list(client.app.routes))
                  if isinstance(r, APIRoute) and "GET" in r.methods]
        assert len(routes) > 40
        answered = 0
        for prefix, route in routes:
            path = re.sub(r"\{[^}]+\}", "1", prefix + route.path)
            response = client.get(path)  # a deprecated name would raise in the route: a failure here
            assert response.status_code < 500, (path, response.status_code)
            answered += response.status_code == 200
        assert answered > 30


COMMANDS = [
    ("docs", "list", "{p}"), ("docs", "show", "{p}", "1"), ("codebook", "list", "{p}"), ("codings", "{p}"),
    ("cases", "list", "{p}"), ("attributes", "list", "{p}"), ("members", "list", "{p}"), ("memo", "list", "{p}"),
    ("study", "show", "{p}"), ("search", "{p}", "waiting"),
    ("report", "themes", "{p}"), ("check", "{p}"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(w for w in c if w != "{p}"))
def test_cli_commands_run_without_a_deprecated_name(demo: Path, command: tuple[str, ...]) -> None:
    with warnings.catch_warnings():
        warnings.filterwarnings("error", DEPRECATED, DeprecationWarning)
        code, out, err = cli(*(str(demo) if word == "{p}" else word for word in command))
    assert "is deprecated" not in out + err
    assert code == 0, (code, err)
