"""An XSS corpus in every field a person can type or import - transcript text, speaker labels, document
titles, memos, code names and definitions, theme names and definitions, attribute names and values,
member names, the study title - rendered in every page in Chromium: no script runs (no dialog, no page
error, the ``window.__xss`` canary the payloads try to set stays unset) and the Content-Security-Policy
never had to block anything (so the text was escaped, not merely stopped)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

import cotheme
from cotheme.services.project import Project
from cotheme.web.app import create_app
from tests.web.conftest import TOKEN, LiveServer

PAYLOADS = [
    "<script>window.__xss='script'</script>",
    "<img src=x onerror=\"window.__xss='img'\">",
    "<svg onload=\"window.__xss='svg'\"><circle r=9 /></svg>",
    "<a href=\"javascript:window.__xss='href'\">click me</a>",
    "javascript:window.__xss='bare'",
    "\"><script>window.__xss='attr'</script>",
    "'><img src=x onerror=window.__xss='quote'>",
    "{{ 7*7 }} {% raw %} {{ self.__init__.__globals__ }} ${window.__xss='tpl'}",
    "<iframe srcdoc=\"<script>parent.__xss='srcdoc'</script>\"></iframe>",
    "</script><script>window.__xss='close'</script>",
    "<details open ontoggle=\"window.__xss='toggle'\">x</details>",
    "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__xss='mxss'\">",
    "\u202e<script>window.__xss='rtl'</script>\u202c",
    "\uff1cscript\uff1ewindow.__xss='fullwidth'\uff1c/script\uff1e",
    "<scr\u0130pt>window.__xss='dotted'</scr\u0130pt>",
    "[click](javascript:window.__xss='md') ![x](x\" onerror=\"window.__xss='mdimg')",
    "<a href=\"data:text/html,<script>alert(1)</script>\">data</a>",
    "<style>body{background:url(javascript:alert(1))}</style><link rel=stylesheet href=//evil.example>",
]


def _transcript() -> str:
    turns = ["Interviewer: Tell me about it."]
    for n, payload in enumerate(PAYLOADS):
        turns.append(f"P{n:02d}: I wrote {payload} in my diary.")
    return "\n\n".join(turns) + "\n"


def _fill(project: Project, folder: Path) -> None:
    lead = project.members()[0].name
    project.update_info(title=PAYLOADS[0], description=PAYLOADS[1], research_question=PAYLOADS[2])
    project.add_member(PAYLOADS[3][:180], PAYLOADS[4], "coder")
    table = io.StringIO()
    writer = csv.writer(table)
    writer.writerow(["id", PAYLOADS[5][:150], "notes"])
    for n, payload in enumerate(PAYLOADS):
        writer.writerow([f"X{n:02d}", payload, PAYLOADS[-1 - n]])
    (folder / "cases.csv").write_text(table.getvalue(), encoding="utf-8")
    project.import_cases(folder / "cases.csv")
    transcript = folder / "X00.txt"
    transcript.write_text(_transcript(), encoding="utf-8")
    project.import_files([transcript], case="X00")
    named = folder / "<img src=x onerror=window.__xss=1>.txt"
    named.write_text("Speaker <b>one</b>: hello\n\n<script>x</script>: hi there\n", encoding="utf-8")
    project.import_files([named])
    for n, payload in enumerate(PAYLOADS):
        name = f"{payload[:150]} #{n}"  # a '/' in it makes a parent and a child code: both hostile
        code = project.create_code(name, definition=payload, inclusion=payload, example=payload)
        document = project.document("X00")
        start = document.text.index(payload)
        coding = project.code("X00", name, start=start, end=start + len(payload), coder=lead)
        theme = project.create_theme(f"{payload[:150]} #{n}", definition=payload)
        project.link_codes(theme.id, [code.id])
        project.add_exemplar(theme.id, coding.id, lead)
        project.add_memo(payload, author=lead)
        project.add_memo(payload, target="code", ref=name, author=lead)
        project.add_memo(payload, target="coding", ref=str(coding.id), author=lead)
    project.add_memo(PAYLOADS[0], target="document", ref="X00", author=lead)
    project.set_interview("X00", interviewer=PAYLOADS[0][:200], setting=PAYLOADS[-1][:500], notes="\n".join(PAYLOADS))


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Project]]:
    folder = tmp_path_factory.mktemp("xss")
    project = cotheme.create_project(folder / "xss.cotheme", lead="Lead")
    _fill(project, folder)
    with LiveServer(project) as base:
        yield base, project
    project.close()


def _routes(routes: list[Any]) -> Iterator[Any]:
    """Every route, also inside included routers (newer FastAPI keeps them nested)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from _routes(inner.routes)
        else:
            yield route


def _pages(project: Project) -> list[str]:
    """Every HTML page of the app, with ids of the hostile objects filled in."""
    document = project.document("X00").id
    theme = project.themes()[0].theme.id
    code = project.codes()[0].code.id
    fill = {"{document_id}": str(document), "{theme_id}": str(theme), "{code_id}": str(code)}
    app = create_app(project, TOKEN)
    found = []
    for route in _routes(app.routes):
        methods = getattr(route, "methods", set()) or set()
        path = getattr(route, "path", "")
        if "GET" not in methods or path.startswith(("/api/", "/static", "/docs")) or path in ("/login",):
            continue
        for key, value in fill.items():
            path = path.replace(key, value)
        assert "{" not in path, f"a page with an unknown parameter: {path}"
        found.append(path)
    extra = [f"/retrieve?code={code}", "/search?q=script", "/search?q=%3Cscript%3E",
             f"/documents/{document}#o=0-40", "/reports?attributes=notes"]
    return found + extra


def test_no_payload_runs_in_any_page(browser: Browser, hostile_server: tuple[str, Project]) -> None:
    base, project = hostile_server
    context = browser.new_context(base_url=base)
    page = context.new_page()
    events: list[str] = []
    page.on("dialog", lambda dialog: (events.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda exc: events.append(f"page error: {exc}"))
    page.on("console", lambda msg: events.append(f"console: {msg.text}") if "Content Security Policy" in msg.text else None)
    page.goto(f"/?token={TOKEN}")
    pages = _pages(project)
    assert len(pages) >= 12
    visited = []
    for path in pages:
        response = page.goto(path)
        page.wait_for_load_state("networkidle")
        assert response is not None and response.status < 500, path
        for box in page.locator("details").all()[:5]:  # open what is folded away, too (a stable list)
            box.evaluate("node => node.open = true")
        assert page.evaluate("() => window.__xss") is None, f"{path}: a payload ran"
        visited.append((path, response.status))
    context.close()
    assert events == [], events
    assert sum(1 for _, status in visited if status == 200) >= 12, visited
    print(f"\nxss: {len(PAYLOADS)} payloads in every field, {len(visited)} pages rendered, no script ran")
