"""Two coders in one transcript, in two browsers: a coding made by one appears in the other's margin
within a second without a reload, a code renamed by the lead is announced, and each sees the other as
present (by name and role label)."""

from __future__ import annotations

import time

from playwright.sync_api import Browser, Page, expect

from cotheme.services.project import Project
from tests.web.conftest import TOKEN
from tests.web.test_browser import open_doc


def as_member(browser: Browser, base: str, project: Project, name: str) -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base)
    page = context.new_page()
    page.goto(f"/?token={TOKEN}")
    member = next(m for m in project.members() if m.name == name)
    context.add_cookies([{"name": "cotheme_member", "value": str(member.id), "url": base}])
    return page


def test_two_coders_see_each_others_codings_and_presence(browser: Browser, live: tuple[str, Project]) -> None:
    base, project = live
    lead, other = project.members()[0], next(m for m in project.members() if m.permission.value == "coder")
    first = as_member(browser, base, project, lead.name)
    second = as_member(browser, base, project, other.name)
    errors: list[str] = []
    for page in (first, second):
        page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        doc = project.documents.list()[0]
        open_doc(first, project, doc.title)
        open_doc(second, project, doc.title)
        expect(first.locator("#presence")).to_contain_text(other.name)
        expect(second.locator("#presence")).to_contain_text(lead.name)
        before = int(second.locator("#coding-count").inner_text())
        turn = project.document(doc.id).turns[1]
        started = time.monotonic()
        made = first.evaluate("""async ([doc, code, start, end]) => {
            const csrf = document.querySelector('meta[name="csrf-token"]').content;
            const r = await fetch('/api/v1/codings', {method: 'POST', credentials: 'same-origin',
              headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf},
              body: JSON.stringify({document_id: doc, code_id: code, start, end})});
            return (await r.json()).id; }""", [doc.id, project.codes()[0].code.id, turn.start, turn.start + 10])
        expect(second.locator("#coding-count")).to_have_text(str(before + 1), timeout=1000)
        assert time.monotonic() - started < 1.0
        expect(second.locator(f'[data-open-coding="{made}"]').first).to_be_attached()
        code = project.codes.list()[0].code
        project.acting_as(lead.name).codes.edit(code.id, name=f"{code.name} (renamed)")
        expect(second.locator("#toast")).to_contain_text(f"renamed the code “{code.name}” to “{code.name} (renamed)”")
    finally:
        first.context.close()
        second.context.close()
    assert errors == []


def test_codebook_and_map_redraw_when_someone_else_changes_them(browser: Browser, live: tuple[str, Project]) -> None:
    base, project = live
    coder = next(m for m in project.members() if m.permission.value == "coder")
    lead = project.members()[0]
    page = as_member(browser, base, project, coder.name)
    other = as_member(browser, base, project, coder.name)
    try:
        page.goto("/codebook")
        other.goto("/map")
        code = project.codes.list()[0].code
        expect(page.locator("#code-tree")).to_contain_text(code.name)
        project.acting_as(lead.name).codes.edit(code.id, name=f"{code.name} (live)")
        expect(page.locator("#code-tree")).to_contain_text(f"{code.name} (live)", timeout=5000)
        expect(page.locator("#toast")).to_contain_text("renamed the code")
        project.acting_as(lead.name).themes.create("A theme made while the map was open")
        expect(other.locator("#map svg")).to_contain_text("A theme made while the map was open", timeout=5000)
    finally:
        page.context.close()
        other.context.close()


def test_a_members_own_change_is_not_announced_over_the_pages_confirmation(
        browser: Browser, live: tuple[str, Project]) -> None:
    base, project = live
    lead = project.members()[0]
    other = project.add_member("Second Lead", permission="lead")
    page = as_member(browser, base, project, lead.name)
    try:
        page.goto("/codebook")
        page.evaluate("""() => { window.toasts = [];
            new MutationObserver(() => window.toasts.push(document.getElementById('toast').textContent))
              .observe(document.getElementById('toast'), {childList: true, characterData: true, subtree: true}); }""")
        first, second = project.codes.list()[0].code, project.codes.list()[1].code
        project.acting_as(lead.name).codes.edit(first.id, name=f"{first.name} (mine)")
        project.acting_as(other.name).codes.edit(second.id, name=f"{second.name} (theirs)")
        expect(page.locator("#toast")).to_contain_text("(theirs)", timeout=5000)
        expect(page.locator("#code-tree")).to_contain_text(f"{first.name} (mine)")
        toasts = page.evaluate("window.toasts")
        assert any("(theirs)" in t for t in toasts)
        assert not any("(mine)" in t for t in toasts), toasts
    finally:
        page.context.close()


def test_a_change_made_before_the_pages_stream_opens_still_reaches_it(
        browser: Browser, live: tuple[str, Project]) -> None:
    """The page follows the feed from where it stood when the page was drawn, not from when its stream
    happened to open: the stream is held back here while another member renames a code."""
    base, project = live
    lead = project.members()[0]
    other = project.team.add_member("Third Lead", permission="lead")
    page = as_member(browser, base, project, lead.name)
    held: list[object] = []
    page.route("**/api/v1/events*", lambda route: held.append(route))
    try:
        page.goto("/codebook")
        expect(page.locator('meta[name="cotheme-live-from"]')).to_have_count(1)
        deadline = time.monotonic() + 5
        while not held and time.monotonic() < deadline:
            page.wait_for_timeout(50)
        assert held, "the page never asked for the live feed"
        code = project.codes.list()[2].code
        project.acting_as(other.name).codes.edit(code.id, name=f"{code.name} (while loading)")
        for route in held:
            route.continue_()  # type: ignore[attr-defined]
        page.unroute("**/api/v1/events*")
        expect(page.locator("#toast")).to_contain_text("(while loading)", timeout=5000)
        expect(page.locator("#code-tree")).to_contain_text(f"{code.name} (while loading)")
    finally:
        page.context.close()
