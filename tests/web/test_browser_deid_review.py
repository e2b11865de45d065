"""Review of de-identification candidates by string in Chromium, keyboard only, on the demo: j/k move
between strings, a accepts and r rejects everywhere, e edits the placeholder in a dialog that keeps and
returns focus, u undoes; each decision is announced; the page passes axe on a laptop and a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from cotheme.services.project import Project
from tests.web.conftest import SHOTS, accessible


@pytest.fixture
def scanned(live: tuple[str, Project]) -> Project:
    _, project = live
    project.deid_add_name("Harbour", role="service", replacement="[the service]")
    project.deid_add_name("Eastmere")
    project.deid_scan(use_model=False)
    return project


def _group(page: Page, string: str):  # type: ignore[no-untyped-def]
    return page.locator(f'#groups > li.group[data-string="{string}"]')


def test_keyboard_only_review_of_groups(page: Page, scanned: Project) -> None:
    harbour = {c.document for c in scanned.deid_candidates() if c.original == "Harbour"}
    assert len(harbour) > 1  # the string is in several transcripts: one decision must reach them all
    page.goto("/deid")
    first, second = _group(page, "Harbour"), _group(page, "Eastmere")
    expect(first.locator(".g-meta")).to_contain_text("occurrences in")
    page.keyboard.press("j")
    expect(first).to_be_focused()
    page.keyboard.press("j")
    expect(second).to_be_focused()
    page.keyboard.press("k")
    expect(first).to_be_focused()

    page.keyboard.press("a")  # accept everywhere
    expect(first.locator(".state")).to_have_text("accepted")
    expect(page.locator("#review-status")).to_contain_text("Accepted 'Harbour' everywhere")
    expect(first).to_be_focused()
    statuses = {(c.document, c.status) for c in scanned.deid_candidates() if c.original == "Harbour"}
    assert {s for _, s in statuses} == {"accepted"} and {d for d, _ in statuses} == harbour

    page.keyboard.press("j")
    expect(second).to_be_focused()
    page.keyboard.press("r")  # reject everywhere: it goes on the reject list
    expect(second.locator(".state")).to_have_text("rejected")
    expect(page.locator("#rejected")).to_contain_text("Eastmere")
    assert "Eastmere" in {t.term for t in scanned.deid_rejected()}
    page.keyboard.press("u")  # undo: undecided again, off the reject list
    expect(second.locator(".state")).to_have_text("undecided")
    expect(page.locator("#review-status")).to_contain_text("Undone")
    expect(page.locator("#rejected")).not_to_contain_text("Eastmere")
    expect(second).to_be_focused()

    page.keyboard.press("e")  # the placeholder dialog: focus inside, Tab stays inside, Escape returns
    dialog = page.locator("#placeholder-box")
    expect(dialog).to_be_visible()
    expect(page.locator("#placeholder-input")).to_be_focused()
    for _ in range(4):
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.getElementById('placeholder-box').contains(document.activeElement)")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(second).to_be_focused()
    page.keyboard.press("e")
    page.keyboard.press("Control+a")
    page.keyboard.type("[the town]")
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    expect(second).to_be_focused()
    expect(second.locator(".placeholder")).to_have_text("[the town]")
    expect(page.locator("#review-status")).to_contain_text("-> [the town]")
    assert {c.replacement for c in scanned.deid_candidates() if c.original == "Eastmere"} == {"[the town]"}
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "deid-review.png"), full_page=True)


@pytest.mark.parametrize("size", [(1366, 900), (320, 256)])
def test_deid_page_is_accessible(page: Page, scanned: Project, size: tuple[int, int]) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto("/deid")
    expect(_group(page, "Harbour")).to_be_visible()
    accessible(page)
    page.keyboard.press("j")
    page.keyboard.press("e")
    expect(page.locator("#placeholder-box")).to_be_visible()
    accessible(page)
    box = page.locator("#placeholder-box").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= size[0]  # fits the screen
    page.keyboard.press("Escape")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"deid-{size[0]}x{size[1]}.png"), full_page=True)


def test_residual_risk_on_the_page(page: Page, scanned: Project) -> None:
    page.goto("/deid")
    page.uncheck("#risk-model")  # patterns and the list: the model's check is slower than a test should wait
    expect(page.locator("a.risk-link").first).to_have_attribute("href", "/api/v1/deid/risk?format=html&use_model=false")
    page.click("#risk-show")
    out = page.locator("#risk-out")
    expect(out.locator("h3")).to_have_count(len(scanned.documents()))
    expect(out).to_contain_text("Leftovers:")
    SHOTS.mkdir(parents=True, exist_ok=True)
    out.screenshot(path=str(SHOTS / "deid-risk-summary.png"))
