"""The reader in a real browser: word snapping, labelled stripes in lanes, the codebook side panel,
positions told as turns (never character offsets), and the toolbar's size at 1,366 and 320 px.

Selections are made with the mouse where the behaviour is about the mouse (a drag that ends mid-word),
at pixel positions measured from the rendered characters.
"""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from cotheme.services.project import Project
from tests.web.conftest import TOKEN
from tests.web.test_browser import open_doc, select

# The box of one character: the `offset`-th character after the first occurrence of `needle`.
CHAR_BOX = """([needle, offset]) => {
  const node = [...document.querySelectorAll('#turns .text')].map(n => n.firstChild).find(n => n.data.includes(needle));
  const at = node.data.indexOf(needle) + offset;
  const range = document.createRange();
  range.setStart(node, at); range.setEnd(node, at + 1);
  const r = range.getClientRects()[0];
  return { x: r.left, y: r.top, w: r.width, h: r.height };
}"""


def drag(page: Page, needle: str, first: int, last: int, *, alt: bool = False) -> None:
    """Press at the left edge of character `first` of `needle` and let go in the middle of `last`."""
    page.evaluate("""(needle) => [...document.querySelectorAll('#turns .text')].find(n => n.textContent.includes(needle))
                     .scrollIntoView({ block: 'center' })""", needle)
    start = page.evaluate(CHAR_BOX, [needle, first])
    end = page.evaluate(CHAR_BOX, [needle, last])
    if alt:
        page.keyboard.down("Alt")
    page.mouse.move(start["x"] + 1, start["y"] + start["h"] / 2)
    page.mouse.down()
    page.mouse.move(end["x"] + end["w"] / 2, end["y"] + end["h"] / 2, steps=5)
    page.mouse.move(end["x"] + end["w"] * 0.6, end["y"] + end["h"] / 2)
    page.mouse.up()
    if alt:
        page.keyboard.up("Alt")


def passage(project: Project, title: str) -> tuple[str, str]:
    """A sentence-like passage of a participant's turn: its first six words, and the word after them."""
    doc = project.document(title)
    turn = max(doc.turns, key=lambda t: t.end - t.start)
    words = doc.text[turn.start : turn.end].split()
    after = next(w for w in words[6:] if re.fullmatch(r"[A-Za-z]{5,}", w))
    index = words.index(after, 6)
    return " ".join(words[:index + 1]), after


def code_selection(page: Page, code: str) -> None:
    before = int(page.locator("#coding-count").inner_text())
    page.keyboard.press("c")
    expect(page.locator("#picker-input")).to_be_focused()
    page.locator("#picker-input").fill(code)
    page.keyboard.press("Enter")
    expect(page.locator("#coding-count")).to_have_text(str(before + 1))


def test_a_drag_ending_mid_word_codes_the_whole_word(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    open_doc(page, project, "P02")
    text, last = passage(project, "P02")
    drag(page, text, 0, len(text) - len(last) + 1)  # let go on the 2nd letter of the last word: "th|en"
    code_selection(page, "Snapped")
    (made,) = project.codings(code="Snapped")
    assert made.text == text, made.text  # the word it ended in is whole
    assert made.text.endswith(last)


def test_alt_keeps_the_exact_characters(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    open_doc(page, project, "P02")
    text, last = passage(project, "P02")
    drag(page, text, 0, len(text) - len(last) + 1, alt=True)
    code_selection(page, "Exact")
    (made,) = project.codings(code="Exact")
    assert made.text == text[: len(text) - len(last) + 2]  # "…th": exactly what was dragged over


def test_th_never_ends_an_extract_selected_by_script(page: Page, live: tuple[str, Project]) -> None:
    """Whatever made the selection (here a script, as assistive tools do), coding snaps it to words."""
    _, project = live
    open_doc(page, project, "P03")
    text, last = passage(project, "P03")
    chosen = select(page, text[: len(text) - len(last) + 2])
    assert chosen.endswith(last[:2])
    code_selection(page, "Snapped by script")
    (made,) = project.codings(code="Snapped by script")
    assert made.text == text


def test_labels_show_code_names_and_overlaps_sit_in_lanes(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    doc = project.document("P05")
    turn = max(doc.turns, key=lambda t: t.end - t.start)
    project.create_code("Lane one")
    project.create_code("Lane two")
    one = project.code(doc.id, "Lane one", start=turn.start, end=turn.end, coder="Sam Okafor")
    two = project.code(doc.id, "Lane two", start=turn.start + 10, end=turn.end, coder="Rowan Pike")
    open_doc(page, project, "P05")
    bars = [page.locator(f'.bar[data-coding-id="{c.id}"]') for c in (one, two)]
    assert bars[0].evaluate("n => n.style.left") != bars[1].evaluate("n => n.style.left")
    for coding, name in ((one, "Lane one"), (two, "Lane two")):
        label = page.locator(f'.stripe[data-coding-id="{coding.id}"]')
        expect(label).to_be_visible()
        expect(label).to_have_attribute("title", re.compile(name))
        box = label.bounding_box()
        assert box is not None and box["height"] >= 24 and box["width"] >= 24  # WCAG 2.2 target size
    full = page.locator(f'.stripe:not(.collapsed)[data-coding-id="{one.id}"] .stripe-label')
    expect(full).to_be_visible()
    expect(full).to_contain_text("Lane one")
    # Several coders here: each label carries its coder's initials.
    expect(full).to_contain_text("SO")
    # For screen readers: each turn lists its codings in reading order, with code, turn and quote.
    items = page.locator(f"#turn-{turn.index} .turn-codings button")
    texts = items.all_inner_texts() or [items.nth(i).text_content() or "" for i in range(items.count())]
    mine = [t for t in texts if "Lane" in t]
    assert mine[0].startswith("Lane one") and mine[1].startswith("Lane two")
    assert f"turn {turn.index + 1}" in mine[0] and doc.text[turn.start : turn.start + 20] in mine[0]
    assert page.locator("section.turn, .turn[role=region]").count() == 0  # no landmark per turn


def test_crowded_labels_collapse_to_colour_with_the_name_kept(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    doc = project.document("P06")
    turn = min((t for t in doc.turns if t.end - t.start > 40), key=lambda t: t.end - t.start)
    for n in range(6):
        project.create_code(f"Crowd {n}")
        project.code(doc.id, f"Crowd {n}", start=turn.start, end=turn.start + 30 - n, coder="Sam Okafor")
    open_doc(page, project, "P06")
    crowd = page.locator('.stripe[title^="Crowd"]')
    expect(crowd).to_have_count(6)
    collapsed = page.locator('.stripe.collapsed[title^="Crowd"]')
    assert 1 <= collapsed.count() < 6  # the first ones keep their names, the rest their colours
    assert all(re.match(r"Crowd \d", t) for t in crowd.evaluate_all("ns => ns.map(n => n.title)"))


def test_side_panel_filter_and_click_to_apply(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    doc_id = open_doc(page, project, "P01")
    stigma = next(c for c in project.codes() if c.code.name == "Stigma")
    page.fill("#side-filter", "stig")
    expect(page.locator("#side-codes .side-code")).to_have_count(1)
    expect(page.locator("#side-codes .side-code")).to_contain_text(f"Stigma{stigma.extracts}")
    text = project.document(doc_id).text
    turn = max(project.document(doc_id).turns, key=lambda t: t.end - t.start)
    words = " ".join(text[turn.start : turn.end].split()[:5])
    select(page, words)
    page.locator("#side-codes .side-code").click()
    expect(page.locator("#toast")).to_contain_text("Stigma.")
    made = [e for e in project.codings(document=doc_id) if e.code_id == stigma.code.id and e.text == words]
    assert len(made) == 1
    expect(page.locator("#side-codes .side-code .count")).to_contain_text(str(stigma.extracts + 1))
    # A parent code shows its own count and the count with its sub-codes.
    page.fill("#side-filter", "")
    parent = next(c for c in project.codes() if c.code.parent_id is None and c.code.name == "Peer support")
    row = page.locator(".side-code", has_text="Peer support")
    expect(row.first.locator(".count")).to_contain_text(re.compile(rf"^{parent.extracts} extracts? \(\d+ with sub-codes\)$"))


def test_drag_a_code_onto_the_selection(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    doc_id = open_doc(page, project, "P01")
    text = project.document(doc_id).text
    turn = max(project.document(doc_id).turns, key=lambda t: t.end - t.start)
    words = " ".join(text[turn.start : turn.end].split()[2:7])
    select(page, words)
    page.locator(f"#turn-{turn.index}").scroll_into_view_if_needed()
    code = page.locator(".side-code", has_text="Trust in staff")
    code.hover()
    box = page.evaluate(CHAR_BOX, [words, 2])
    page.mouse.down()
    page.mouse.move(box["x"], box["y"] + box["h"] / 2, steps=8)
    page.mouse.up()
    expect(page.locator("#toast")).to_contain_text("Trust in staff")
    assert any(e.code == "Trust in staff" and e.text == words for e in project.codings(document=doc_id))


def test_positions_are_turns_never_offsets(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    doc_id = open_doc(page, project, "P03")
    codings = project.codings(document=doc_id)
    page.locator(f'.stripe[data-coding-id="{codings[0].id}"]').click()
    meta = page.locator("#cp-meta")
    expect(meta).to_contain_text("turn")
    shown = " ".join([meta.inner_text(), page.locator("#cp-title").inner_text(),
                      *[page.locator(".stripe").nth(i).get_attribute("title") or "" for i in range(page.locator(".stripe").count())],
                      *page.locator(".turn-codings button").evaluate_all("ns => ns.map(n => n.textContent)")])
    assert "turn" in shown
    numbers = set(re.findall(r"\d+", shown))
    offsets = {str(n) for c in codings for n in (c.start, c.end) if n > 99}
    assert numbers & offsets == set(), numbers & offsets


def test_toolbar_is_one_line_at_1366(browser: Browser, live: tuple[str, Project]) -> None:
    base, project = live
    context = browser.new_context(viewport={"width": 1366, "height": 900}, base_url=base)
    page = context.new_page()
    page.goto(f"/?token={TOKEN}")
    open_doc(page, project, "P02")
    head = page.locator("#reader-head").bounding_box()
    tops = page.locator("#reader-head > *").evaluate_all("ns => ns.map(n => n.getBoundingClientRect().top)")
    button = page.locator("#code-button").bounding_box()
    assert head is not None and button is not None
    assert head["height"] < button["height"] + 16, head  # one row of controls
    assert max(tops) - min(tops) < 16, tops
    # The sticky header never covers the turn it scrolls to.
    page.keyboard.press("j")
    for _ in range(12):
        page.keyboard.press("j")
    turn = page.locator(".turn.current").bounding_box()
    head = page.locator("#reader-head").bounding_box()
    assert turn is not None and head is not None and turn["y"] >= head["y"] + head["height"]
    context.close()


def test_small_screen_header_and_panel(browser: Browser, live: tuple[str, Project]) -> None:
    base, project = live
    context = browser.new_context(viewport={"width": 320, "height": 256}, base_url=base)
    page = context.new_page()
    page.goto(f"/?token={TOKEN}")
    doc_id = open_doc(page, project, "P03")
    page.keyboard.press("j")
    head = page.locator("#reader-head").bounding_box()
    assert head is not None and head["height"] <= 256 * 0.25, head
    coding = project.codings(document=doc_id)[0]
    page.locator(f'.bar[data-coding-id="{coding.id}"]').scroll_into_view_if_needed()
    page.locator(f'.stripe[data-coding-id="{coding.id}"]').click()
    panel = page.locator("#coding-panel").bounding_box()
    assert panel is not None
    assert panel["x"] >= 0 and panel["x"] + panel["width"] <= 320, panel
    assert panel["y"] >= 0 and panel["y"] < 256
    page.keyboard.press("Escape")
    expect(page.locator("#coding-panel")).to_be_hidden()
    # The codebook opens over the transcript from the toolbar, on the screen, and Escape closes it.
    page.locator("#codebook-toggle").click()
    expect(page.locator("#side-filter")).to_be_focused()
    side = page.locator("#codebook-side").bounding_box()
    assert side is not None and side["x"] >= 0 and side["x"] + side["width"] <= 320, side
    page.keyboard.press("Escape")
    expect(page.locator("#codebook-side")).to_be_hidden()
    expect(page.locator("#codebook-toggle")).to_be_focused()
    assert page.evaluate("document.querySelector('main').scrollWidth") <= 320  # nothing of the reader sideways
    context.close()
