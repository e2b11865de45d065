"""The workbench in a real browser: Playwright driving Debian's Chromium over a live local server.

Selections are made the way a person's would be: a DOM range over visible text found by its words,
so the test checks our UTF-16 -> code point conversion rather than reusing it. Every page is checked
with axe-core (0 serious or critical violations) and photographed under build/test-output/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from cotheme.domain.plural import counted
from cotheme.services.project import Project
from tests.web.conftest import HOSTILE, SHOTS, TOKEN, accessible

SELECT = """([first, last, single]) => {
  const nodes = [...document.querySelectorAll('#turns .text')].map(n => n.firstChild);
  const a = nodes.find(n => n.data.includes(first));
  const b = single ? a : nodes.findLast(n => n.data.includes(last));
  const range = document.createRange();
  const from = a.data.indexOf(first);
  range.setStart(a, from);
  range.setEnd(b, single ? from + first.length : b.data.lastIndexOf(last) + last.length);
  const s = getSelection(); s.removeAllRanges(); s.addRange(range);
  document.dispatchEvent(new Event('selectionchange'));
  return range.toString();
}"""


def select(page: Page, first: str, last: str | None = None) -> str:
    """Select the first occurrence of ``first``, or from it to the last occurrence of ``last``."""
    return str(page.evaluate(SELECT, [first, last or first, last is None]))


def open_doc(page: Page, project: Project, title: str, *, whole: bool = True) -> int:
    """Open a transcript in the reader; ``whole``: scroll to its end first, so every turn is loaded
    (the page carries the first screen, the rest arrives as the reader scrolls), then back to the top."""
    doc_id = next(d.id for d in project.documents() if d.title == title)
    page.goto(f"/documents/{doc_id}")
    expect(page.locator("#reader")).to_have_attribute("data-ready", "true")
    if whole:
        load_all_turns(page, len(project.document(doc_id).turns))
    return doc_id


def load_all_turns(page: Page, turns: int) -> None:
    """Scroll down until the reader has every turn (as a reader scrolling to the end would)."""
    while page.evaluate("() => { const more = document.getElementById('turns-more'); more?.scrollIntoView(); return !!more; }"):
        page.wait_for_timeout(50)
    expect(page.locator("#turns .turn")).to_have_count(turns)
    page.evaluate("window.scrollTo(0, 0)")


def code_with_picker(page: Page, typed: str) -> None:
    before = int(page.locator("#coding-count").inner_text())
    page.keyboard.press("c")
    picker = page.locator("#picker-input")
    expect(picker).to_be_focused()
    picker.fill(typed)
    picker.press("Enter")
    expect(page.locator("#coding-count")).to_have_text(str(before + 1))


def test_token_gate(browser: Browser, live: tuple[str, Project]) -> None:
    base, _ = live
    context = browser.new_context()
    stranger = context.new_page()
    response = stranger.goto(f"{base}/documents/1")
    assert response is not None and response.status == 403
    expect(stranger.locator("h1")).to_have_text("Access token needed")
    assert stranger.goto(f"{base}/?token={TOKEN}").status == 200  # type: ignore[union-attr]
    assert stranger.url == f"{base}/"  # the token left the address bar
    context.close()


def test_every_page_is_accessible_and_photographed(page: Page, live: tuple[str, Project]) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    _, project = live
    busiest = max(project.codes(), key=lambda c: c.extracts).code.id
    for name, path in [("home", "/"), ("reader", "/documents/4"), ("codebook", "/codebook"),
                       ("memos", "/memos"), ("retrieve", f"/retrieve?code={busiest}"), ("search", "/search?q=waiting"),
                       ("themes", "/themes"), ("review", "/themes/2"), ("map", "/map"), ("reports", "/reports")]:
        page.goto(path)
        page.wait_for_load_state("networkidle")
        accessible(page)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def test_select_and_apply_an_existing_code_with_emoji(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    open_doc(page, project, "P04")
    chosen = select(page, "she texted me a 🙂", "she texted me a 🙂")
    assert "🙂" in chosen
    code = project.codes()[1].code
    code_with_picker(page, code.name)
    made = [e for e in project.codings(document="P04") if e.text == chosen]
    assert len(made) == 1 and made[0].code_id == code.id
    text = project.document("P04").text
    assert text[made[0].start : made[0].end] == chosen


def test_create_a_code_in_place_and_select_across_turns(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    open_doc(page, project, "P01")
    turns = project.document("P01").turns
    text = project.document("P01").text
    first = text[turns[2].start : turns[2].start + 25]
    last = text[turns[3].end - 25 : turns[3].end]
    select(page, first, last)
    code_with_picker(page, "Cross-turn moments")
    (made,) = project.codings(code="Cross-turn moments")
    assert made.start == turns[2].start and made.end == turns[3].end
    assert made.text == text[turns[2].start : turns[3].end] and "\n" in made.text
    assert made.coder == "Sam Okafor"


def test_overlapping_codings_sit_side_by_side(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    doc_id = open_doc(page, project, "P02")
    text = project.document("P02").text
    turn = max(project.document("P02").turns, key=lambda t: t.end - t.start)
    words = text[turn.start : turn.end].split()
    select(page, " ".join(words[2:6]), " ".join(words[14:16]))
    code_with_picker(page, "Overlap A")
    select(page, " ".join(words[8:12]), " ".join(words[20:22]))
    code_with_picker(page, "Overlap B")
    ids = [e.id for e in project.codings(document=doc_id) if e.code in ("Overlap A", "Overlap B")]
    lefts = {page.locator(f'.bar[data-coding-id="{i}"]').evaluate("n => n.style.left") for i in ids}
    assert len(ids) == 2 and len(lefts) == 2


def test_recode_memo_and_remove_a_coding(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    doc_id = open_doc(page, project, "P03")
    target = project.codings(document=doc_id)[0]
    other = next(c.code for c in project.codes() if c.code.id != target.code_id)
    page.locator(f'.stripe[data-coding-id="{target.id}"]').click()
    expect(page.locator("#coding-panel")).to_be_visible()
    page.select_option("#cp-code", str(other.id))
    assert project.coding(target.id).code_id == target.code_id  # choosing is not yet changing
    page.click("#cp-recode")
    expect(page.locator("#toast")).to_contain_text("Coding changed")
    assert project.coding(target.id).code_id == other.id
    page.locator("#cp-memos textarea").fill("Recoded after **discussion**.")
    page.locator("#cp-memos button").click()
    expect(page.locator("#cp-memos strong")).to_have_text("discussion")  # Markdown rendered
    assert [m.text for m in project.memos("coding", target.id)] == ["Recoded after **discussion**."]
    page.click("#cp-delete")
    expect(page.locator(f'.stripe[data-coding-id="{target.id}"]')).to_have_count(0)
    assert target.id not in {e.id for e in project.codings(document=doc_id)}


def test_keyboard_moves_between_turns(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    open_doc(page, project, "P05")
    page.keyboard.press("j")
    page.keyboard.press("j")
    expect(page.locator(".turn.current")).to_have_attribute("data-index", "1")
    page.keyboard.press("k")
    expect(page.locator(".turn.current")).to_have_attribute("data-index", "0")
    page.keyboard.press("/")
    expect(page.locator("#global-search")).to_be_focused()


def test_retrieval_with_an_attribute_filter(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    busiest = max(project.codes(), key=lambda c: c.extracts).code
    page.goto("/retrieve")
    page.check(f'input[name="code"][value="{busiest.id}"]')
    page.select_option('select[data-attribute="interview_mode"]', "telephone")
    page.click('#retrieve-form button[type="submit"]')
    expected = project.retrieve([busiest.id], where={"interview_mode": "telephone"})
    expect(page.locator("#result-count")).to_contain_text(counted(len(expected), "extract"))
    expect(page.locator("#results .extract")).to_have_count(len(expected))


def test_search_and_jump_to_the_place(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    page.goto("/")
    page.keyboard.press("/")
    page.keyboard.type('"waiting list"')
    page.keyboard.press("Enter")
    hits = project.search('"waiting list"')
    expect(page.locator(".hits li")).to_have_count(len(hits))
    expect(page.locator(".hits mark").first).to_have_text("waiting list")
    page.locator(".hits a").first.click()
    expect(page.locator("#reader")).to_have_attribute("data-ready", "true")
    assert page.evaluate("getSelection().toString()") == "waiting list"


def test_a_hostile_transcript_is_shown_as_text(page: Page, live: tuple[str, Project], tmp_path: Path) -> None:
    _, project = live
    path = tmp_path / "P99.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    (imported,) = project.import_files([path])
    page.goto(f"/documents/{imported.id}")
    expect(page.locator("#turns")).to_contain_text("<script>alert('x')</script>")
    expect(page.locator("#turns")).to_contain_text("{{ 7*7 }}")
    assert page.locator("#turns img").count() == 0


def test_codebook_create_rename_and_move(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    page.goto("/codebook")
    expect(page.locator("#code-tree")).to_have_attribute("data-ready", "true")
    page.fill("#new-code-name", "Hope")
    page.click('#new-code button[type="submit"]')
    expect(page.locator("#editor")).to_be_visible()
    page.fill("#ec-name", "Hope and recovery")
    page.fill("#ec-definition", "Looking forward.")
    parent = project.codes()[0].code
    page.select_option("#ec-parent", str(parent.id))
    page.click('#edit-code button[type="submit"]')
    expect(page.locator("#toast")).to_contain_text("Code saved")
    moved = next(c.code for c in project.codes() if c.code.name == "Hope and recovery")
    assert moved.parent_id == parent.id and moved.definition == "Looking forward."


def test_memo_on_a_transcript(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    doc_id = open_doc(page, project, "P06")
    page.locator(".doc-memos summary").click()
    page.locator("#doc-memos textarea").fill("Familiarisation: <b>not bold</b> and *calm*.")
    page.locator("#doc-memos button").click()
    expect(page.locator("#doc-memos .md em")).to_have_text("calm")
    expect(page.locator("#doc-memos .md")).to_contain_text("<b>not bold</b>")
    assert [m.text for m in project.memos("document", doc_id)][0].startswith("Familiarisation")


def test_a_long_transcript_with_a_thousand_codings(page: Page, live: tuple[str, Project], tmp_path: Path) -> None:
    """The reader works at the scale the issue names: 20,000 words, 1,000 codings (timed in bench/)."""
    import random

    _, project = live
    rng = random.Random(7)
    words = "we talked about the service and how it felt to wait for support every week".split()
    turns = []
    for i in range(400):
        speaker = "Interviewer" if i % 2 == 0 else "P77"
        turns.append(f"{speaker}: " + " ".join(rng.choice(words) for _ in range(50)) + ".")
    path = tmp_path / "P77.txt"
    path.write_text("\n\n".join(turns), encoding="utf-8")
    (doc,) = project.import_files([path])
    text = project.document(doc.id).text
    project.create_code("Long/One")
    project.create_code("Long/Two")
    for n in range(1000):
        start = rng.randrange(0, len(text) - 400)
        project.code(doc.id, "Long/One" if n % 2 else "Long/Two", start=start, end=start + rng.randrange(20, 400),
                     coder="Sam Okafor")
    assert project.documents()[-1].words >= 20_000
    page.goto(f"/documents/{doc.id}")
    expect(page.locator("#reader")).to_have_attribute("data-ready", "true", timeout=20_000)
    assert page.locator("#coding-count").inner_text() == "1000"  # all of them counted ...
    first = page.locator("#turns .turn").count()
    assert 0 < first < 400 and page.locator(".stripe").count() < 1000  # ... the first screen's drawn
    # Scrolling down loads the later turns (and the codings starting in them) as they come near.
    page.mouse.wheel(0, 20_000)
    expect(page.locator("#turns .turn")).not_to_have_count(first)
    load_all_turns(page, 400)
    expect(page.locator(".stripe")).to_have_count(1000)
    assert page.locator("#coding-count").inner_text() == "1000"
    # A link to a place in the last turn, opened fresh, loads up to it, scrolls there and selects it.
    last = project.document(doc.id).turns[-1]
    page.goto("/")
    page.goto(f"/documents/{doc.id}#o={last.start + 3}-{last.start + 30}")
    expect(page.locator(f"#turn-{last.index}")).to_be_in_viewport(timeout=20_000)
    assert page.evaluate("String(getSelection())") == text[last.start + 3:last.start + 30]
    # j from the last turn loaded so far moves on into the turns not loaded yet.
    page.goto(f"/documents/{doc.id}")
    expect(page.locator("#reader")).to_have_attribute("data-ready", "true")
    shown = page.locator("#turns .turn").count()
    page.locator(f"#turn-{shown - 1}").focus()
    page.keyboard.press("j")
    expect(page.locator(".turn.current")).to_have_attribute("data-index", str(shown))
