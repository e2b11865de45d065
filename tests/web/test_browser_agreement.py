"""Reconciliation and agreement in Chromium: accept a difference into the consensus; axe finds nothing
serious on either page."""

from __future__ import annotations

from urllib.parse import quote

from playwright.sync_api import Page, expect

from cotheme.services.project import Project
from tests.web.conftest import accessible

CODERS = ("Sam Okafor", "Rowan Pike")


def test_accept_a_difference_into_the_consensus(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    before = {e.id: e for e in project.codings() if e.coder in CODERS}
    doc = project.document("P01")
    page.goto(f"/reconcile?doc={doc.id}&coders={quote(','.join(CODERS))}")
    expect(page.locator("#rc-items")).to_have_attribute("data-ready", "true")
    accessible(page)
    difference = page.locator("article.rc-item.differ").first
    box = difference.locator(".rc-coding").first
    coding_id = int(box.get_attribute("data-coding-id") or "0")
    box.locator("button.accept").click()
    expect(page.locator("#toast")).to_contain_text(f"Coding {coding_id} accepted")
    expect(page.locator(f'.rc-coding[data-coding-id="{coding_id}"] .decision')).to_contain_text("accepted")
    expect(page.locator("#rc-consensus li.extract")).to_have_count(1)
    [made] = project.codings(coder="consensus")
    original = before[coding_id]
    assert (made.document, made.code_id, made.start, made.end, made.text) == (
        original.document, original.code_id, original.start, original.end, original.text)
    assert {e.id: e for e in project.codings() if e.coder in CODERS} == before  # the originals are unchanged
    note = next(m for m in project.memos(target="coding") if m.target_id == made.id)
    assert note.text.startswith(f"Consensus: accepted coding {coding_id} ")
    accessible(page)


def test_agreement_page_is_accessible(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    ids = [m.id for m in project.members() if m.name in CODERS]
    doc = project.document("P01").id
    page.goto(f"/agreement?coder={ids[0]}&coder={ids[1]}&doc={doc}&bootstrap=50")
    expect(page.locator("#per-code tbody tr").first).to_be_visible()
    accessible(page)
    page.click("#reflexive-toggle")
    expect(page.locator("#reflexive-state strong")).to_have_text("on")
    expect(page.locator("#per-code")).to_have_count(0)
    assert project.reflexive_mode()
    accessible(page)
