"""The reader without a mouse, with as few mouse actions as possible, and for screen readers.

* keyboard only: code a passage, write a memo on it and find it in Retrieve, asserting where focus
  lands after each dialog;
* the mouse count of "select a passage, apply an existing code, add a memo to it, find it in Retrieve"
  (12 actions before the side panel and the memo-first coding panel; the budget is 7);
* axe-core (every rule it runs, any impact) on the reader at 1,366 x 900 and 320 x 256;
* applying a coding from the page: median round trip of 10 under 50 ms.
"""

from __future__ import annotations

import statistics

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from cotheme.services.project import Project
from tests.web.conftest import TOKEN
from tests.web.test_browser import open_doc
from tests.web.test_browser_reader import CHAR_BOX

MOUSE_BUDGET = 7
#: Every WCAG 2.0-2.2 A/AA rule (target-size is WCAG 2.2's) and axe's best practices.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}


def focused(page: Page) -> str:
    """What has focus: its id, or its data-open-coding, or its tag."""
    return str(page.evaluate("""() => { const a = document.activeElement;
      return a.id || (a.dataset.openCoding ? 'coding-' + a.dataset.openCoding : a.tagName); }"""))


def tab_to(page: Page, wanted: str, limit: int = 30) -> None:
    for _ in range(limit):
        if focused(page) == wanted:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {wanted} (at {focused(page)})")


def test_code_memo_and_retrieve_with_the_keyboard_only(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    doc = project.document("P05")
    turn = next(t for t in doc.turns if doc.text[t.start : t.end].count(". ") >= 2)
    page.goto(f"/documents/{doc.id}")
    expect(page.locator("#reader")).to_have_attribute("data-ready", "true")
    for _ in range(turn.index + 1):
        page.keyboard.press("j")
    assert focused(page) == f"turn-{turn.index}"
    # A dialog opened and closed with Escape gives focus back to the turn.
    page.keyboard.press("s")
    page.keyboard.press("c")
    expect(page.locator("#picker-input")).to_be_focused()
    page.keyboard.press("Tab")  # focus stays in the dialog
    expect(page.locator("#picker-input")).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#picker")).to_be_hidden()
    assert focused(page) == f"turn-{turn.index}"
    # Select the turn, then shrink it by its last sentence and by a word.
    page.keyboard.press("s")
    whole = page.evaluate("getSelection().toString()")
    assert whole.strip() == doc.text[turn.start : turn.end].strip()
    page.keyboard.press("Shift+ArrowUp")
    page.keyboard.press("Shift+ArrowLeft")
    chosen = page.evaluate("getSelection().toString()")
    assert 0 < len(chosen) < len(whole) and whole.startswith(chosen)
    expect(page.locator("#selection-status")).to_contain_text(f"turn {turn.index + 1}")
    page.keyboard.press("c")
    expect(page.locator("#picker-where")).to_contain_text(f"turn {turn.index + 1}")
    page.keyboard.type("Stigma")
    page.keyboard.press("Enter")
    expect(page.locator("#toast")).to_contain_text("Stigma")
    assert focused(page) == f"turn-{turn.index}"  # back on the turn after coding
    made = next(e for e in project.codings(document=doc.id) if e.code == "Stigma" and e.text == chosen)
    # The coding is in its turn's list: Tab reaches it, Enter opens it with focus in the memo field.
    tab_to(page, f"coding-{made.id}")
    page.keyboard.press("Enter")
    expect(page.locator("#coding-panel")).to_be_visible()
    expect(page.locator("#cp-memos textarea")).to_be_focused()
    page.keyboard.type("Said without prompting.")
    page.keyboard.press("Control+Enter")
    expect(page.locator("#cp-memos .memo")).to_contain_text("Said without prompting.")
    # Arrow keys on the code menu change nothing until "Change code" is pressed.
    tab_to(page, "cp-code")
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(200)
    assert project.coding(made.id).code_id == made.code_id
    page.keyboard.press("Escape")
    expect(page.locator("#coding-panel")).to_be_hidden()
    assert focused(page) == f"coding-{made.id}"  # back on the coding it was opened from
    page.keyboard.press("Enter")
    expect(page.locator("#cp-memos textarea")).to_be_focused()
    tab_to(page, "cp-retrieve")
    page.keyboard.press("Enter")
    page.wait_for_url("**/retrieve?code=*")
    expect(page.locator("#results .extract", has_text=chosen[:40]).first).to_be_visible()
    assert [m.text for m in project.memos("coding", made.id)] == ["Said without prompting."]


def test_correction_box_traps_focus_and_escape_returns_it(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    doc = project.document("P06")
    open_doc(page, project, "P06")
    for _ in range(2):
        page.keyboard.press("j")
    page.keyboard.press("s")
    page.keyboard.press("e")
    expect(page.locator("#edit-text")).to_be_focused()
    for _ in range(5):  # Tab goes round the box's four controls, never out of it
        page.keyboard.press("Tab")
        assert page.evaluate("document.getElementById('editor-box').contains(document.activeElement)")
    page.keyboard.press("Escape")
    expect(page.locator("#editor-box")).to_be_hidden()
    assert focused(page) == "turn-1"
    assert project.document("P06").revision == doc.revision  # nothing was saved


def test_coding_as_does_not_switch_on_arrow_keys(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    open_doc(page, project, "P01")
    member = page.locator("#member-select")
    before = member.input_value()
    member.focus()
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(300)
    assert "cotheme_member" not in page.evaluate("document.cookie")
    assert member.input_value() != before
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("#member-select")).not_to_have_value(before)


def test_mouse_count_select_code_memo_retrieve(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    doc_id = open_doc(page, project, "P02")
    doc = project.document(doc_id)
    turn = max(doc.turns, key=lambda t: t.end - t.start)
    words = doc.text[turn.start : turn.end].split()[:8]
    needle = " ".join(words)
    actions: list[str] = []
    # 1. select a passage: one drag
    page.locator(f"#turn-{turn.index}").scroll_into_view_if_needed()
    start = page.evaluate(CHAR_BOX, [needle, 0])
    end = page.evaluate(CHAR_BOX, [needle, len(needle) - 1])
    page.mouse.move(start["x"] + 1, start["y"] + start["h"] / 2)
    page.mouse.down()
    page.mouse.move(end["x"] + end["w"] - 1, end["y"] + end["h"] / 2, steps=5)
    page.mouse.up()
    actions.append("drag over the passage")
    # 2. apply an existing code: one click in the side panel
    page.locator(".side-code", has_text="Stigma").click()
    actions.append("click the code")
    expect(page.locator("#toast")).to_contain_text("Stigma")
    made = next(e for e in project.codings(document=doc_id) if e.code == "Stigma" and e.text == needle)
    # 3-5. open the coding, type the memo (focus is already in it), save
    page.locator(f'.stripe[data-coding-id="{made.id}"]').click()
    actions.append("click the coding's label")
    expect(page.locator("#cp-memos textarea")).to_be_focused()
    page.keyboard.type("Counted memo.")
    actions.append("type the memo")
    page.locator("#cp-memos button", has_text="Save memo").click()
    actions.append("click Save memo")
    expect(page.locator("#cp-memos .memo")).to_contain_text("Counted memo.")
    # 6. find it in Retrieve
    page.locator("#cp-retrieve").click()
    actions.append("click Find in Retrieve")
    expect(page.locator("#results .extract", has_text=needle).first).to_be_visible()
    print(f"\nmouse count: {len(actions)} actions ({'; '.join(actions)}); budget {MOUSE_BUDGET}, before 12")
    assert len(actions) <= MOUSE_BUDGET
    assert [m.text for m in project.memos("coding", made.id)] == ["Counted memo."]


@pytest.mark.parametrize("size", [(1366, 900), (320, 256)])
def test_axe_on_the_reader(browser: Browser, live: tuple[str, Project], size: tuple[int, int]) -> None:
    base, project = live
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, base_url=base)
    page = context.new_page()
    page.goto(f"/?token={TOKEN}")
    doc_id = open_doc(page, project, "P04")
    for _ in range(100):  # judge the page at rest (see tests/web/conftest.py accessible())
        if page.evaluate("() => document.getAnimations().every(a => a.playState !== 'running')"):
            break
        page.wait_for_timeout(20)
    # The site-wide header and navigation belong to every page and are judged with them.
    results = Axe().run(page, context={"include": [["main"]]}, options=AXE_OPTIONS)
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in results.response["violations"]]
    assert bad == []
    assert "target-size" in {r["id"] for r in results.response["passes"]}  # the labels were judged
    # and with a coding open
    coding = project.codings(document=doc_id)[0]
    page.locator(f'.bar[data-coding-id="{coding.id}"]').scroll_into_view_if_needed()
    page.locator(f'.stripe[data-coding-id="{coding.id}"]').click()
    expect(page.locator("#coding-panel")).to_be_visible()
    expect(page.locator("#cp-memos .memo-list")).to_be_attached()
    results = Axe().run(page, context={"include": [["main"]]}, options=AXE_OPTIONS)
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in results.response["violations"]]
    assert bad == []
    context.close()


def test_apply_a_coding_round_trip(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    doc_id = open_doc(page, project, "P03")
    code_id = project.codes()[0].code.id
    times = page.evaluate("""async ([doc, code]) => {
      const csrf = document.querySelector('meta[name="csrf-token"]').content;
      const times = [];
      for (let i = 0; i < 11; i++) {
        const t0 = performance.now();
        const r = await fetch('/api/v1/codings', { method: 'POST', credentials: 'same-origin',
          headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
          body: JSON.stringify({ document_id: doc, code_id: code, start: 10 * i, end: 10 * i + 8 }) });
        await r.json();
        if (r.status !== 201) throw new Error('status ' + r.status);
        times.push(performance.now() - t0);
      }
      return times.slice(1);  // the first warms the connection
    }""", [doc_id, code_id])
    median = statistics.median(times)
    print(f"\napply a coding: median {median:.1f} ms of {len(times)} (budget 50 ms)")
    assert len(times) == 10 and median < 50
