"""In the browser, on the demo: a parent code retrieves its sub-codes' extracts (own vs with sub-codes),
memos name their targets with links that work, and a memo on a coding shows with its extract."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from cotheme.domain.plural import counted
from cotheme.services.project import Project
from tests.web.conftest import SHOTS, accessible


def _code(project: Project, path: str) -> int:
    return next(c.code.id for c in project.codes() if c.code.path_text == path)


def test_a_parent_code_retrieves_its_sub_codes_extracts(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    peer = _code(project, "Peer support")
    page.goto("/retrieve")
    box = page.locator(f'input[name="code"][value="{peer}"]')
    expect(box.locator("xpath=..")).to_have_text("Peer support (0 own · 11 with sub-codes)")
    expect(page.locator("#subcodes")).to_be_checked()
    box.check()
    page.click('#retrieve-form button[type="submit"]')
    expect(page.locator("#result-count")).to_have_text("11 extracts from 5 participants.")
    expect(page.locator("#results .extract")).to_have_count(11)
    expect(page.locator("#results .extract strong").first).to_contain_text("Peer support/")
    page.uncheck("#subcodes")
    page.click('#retrieve-form button[type="submit"]')
    expect(page.locator("#result-count")).to_have_text("0 extracts from 0 participants.")
    assert "subcodes=false" in page.url
    page.goto(page.url)  # the address keeps the choice
    expect(page.locator("#subcodes")).not_to_be_checked()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "retrieve-subcodes.png"), full_page=True)


def test_memos_name_their_targets_and_link_to_them(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    stigma = project.codings(code="Stigma")[0]
    project.add_memo("Shame comes before help", target="coding", target_id=stigma.id, author="Sam Okafor")
    page.goto("/memos")
    on_code = page.locator("a.memo-target", has_text="on code Stigma")  # the demo's own memo on the code
    expect(on_code).to_have_attribute("href", f"/retrieve?code={_code(project, 'Living well/Stigma')}")
    on_coding = page.locator("a.memo-target", has_text=f"on a coding in {stigma.document}, turn ")
    expect(on_coding).to_have_count(1)
    turn = int(re.search(r"turn (\d+)", on_coding.inner_text()).group(1))  # type: ignore[union-attr]
    expect(page.locator("a.memo-target", has_text=re.compile(r"^on P0\d$")).first).to_be_visible()
    expect(page.locator("text=on code 1")).to_have_count(0)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "memos-targets.png"))
    accessible(page)
    on_coding.click()
    expect(page).to_have_url(re.compile(rf"/documents/{stigma.document_id}#turn-{turn - 1}$"))
    target = page.locator(f"#turn-{turn - 1}")
    expect(target).to_be_in_viewport()
    assert stigma.text[:20] in target.inner_text()
    page.goto("/memos")
    page.locator("a.memo-target", has_text="on code Stigma").click()
    expect(page.locator("#result-count")).to_have_text(counted(11, "extract") + " from 6 participants.")
    shown = page.locator("#results .extract", has=page.locator(".extract-memos"))
    expect(shown).to_have_count(1)
    expect(shown.locator(".memo-note")).to_have_text("Memo by Sam Okafor: Shame comes before help")
    expect(shown.locator("blockquote")).to_have_text(stigma.text)
    expect(shown.locator("a").first).to_have_text(f"{stigma.document}, turn {turn}")  # the memo's turn
    accessible(page)  # the retrieved extracts with their memos
    shown.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "retrieve-memo.png"))


def test_counts_read_the_same_in_the_browser_as_in_python(page: Page) -> None:
    page.goto("/retrieve")
    pairs = [(n, noun) for n in (0, 1, 2) for noun in ("extract", "participant", "memo", "category", "match")]
    shown = page.evaluate("async (pairs) => { const m = await import('/static/js/common.js');"
                          " return pairs.map(([n, noun]) => m.counted(n, noun)); }", pairs)
    assert shown == [counted(n, noun) for n, noun in pairs]
