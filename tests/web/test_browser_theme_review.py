"""The themes page and a theme's review in Chromium on the demo study: no sideways scrolling at 1,366
and 1,024 px, the overarching theme's page under 6,000 px tall, a double-coded passage once with both
coders, grouping by participant, "Show all", and marking several extracts as exemplars at once."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from cotheme.services.project import Project
from tests.web.conftest import SHOTS, accessible

DOUBLE = "I just fell through the middle."


def _theme(project: Project, name: str | None = None) -> int:
    """A theme's id by name; without a name, the overarching (top-level) theme."""
    return next(s.theme.id for s in project.themes() if (s.theme.name == name if name else s.theme.level == 0))


def _widths(page: Page) -> tuple[int, int]:
    sizes = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    return int(sizes[0]), int(sizes[1])


def test_themes_page_fits_1366_and_1024_without_sideways_scroll(page: Page, live: tuple[str, Project]) -> None:
    for width in (1366, 1024):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto("/themes")
        scroll, client = _widths(page)
        assert scroll <= client, (width, scroll, client)
        # The status menu shows its whole label ("Candidate" was cut to "canc").
        select = page.locator("select.status").first
        assert select.evaluate("s => s.scrollWidth <= s.clientWidth")
        expect(select.locator("option:checked")).to_have_text("Reviewed")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.screenshot(path=str(SHOTS / "themes-1366.png"), full_page=True)
    accessible(page)


def test_overarching_theme_page_is_short_and_shows_double_coding_once(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"/themes/{_theme(project)}")
    height = page.evaluate("() => document.documentElement.scrollHeight")
    assert height < 6000, height
    scroll, client = _widths(page)
    assert scroll <= client
    page.screenshot(path=str(SHOTS / "theme-review-1366.png"), full_page=True)
    accessible(page)
    passage = page.locator("article.passage", has_text=DOUBLE)
    expect(passage).to_have_count(1)
    expect(passage.locator(".coders")).to_have_text("coded by Rowan Pike and Sam Okafor")
    # "Show all N" reveals a group's remaining passages.
    group = page.locator("details.passage-group").first
    hidden = group.locator("article[data-more]")
    assert hidden.count() > 0
    expect(hidden.first).to_be_hidden()
    group.locator("button.show-all").click()
    expect(hidden.first).to_be_visible()
    expect(hidden.first.locator("input.pick")).to_be_focused()


def test_group_by_participant(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    top = _theme(project)
    page.goto(f"/themes/{top}")
    page.select_option("#group-by", "participant")
    page.wait_for_url(f"**/themes/{top}?group=participant")
    expect(page.locator("details.passage-group > summary h3")).to_have_text(["P01", "P02", "P03", "P04", "P05", "P06"])
    first = page.locator("details.passage-group").first
    assert all(text.startswith("P01") for text in first.locator("article:not([hidden]) p.meta").all_inner_texts())
    # A group collapses and opens again.
    first.locator("summary").click()
    expect(first.locator("article").first).to_be_hidden()
    first.locator("summary").click()
    expect(first.locator("article").first).to_be_visible()


def test_mark_several_extracts_as_exemplars_at_once(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    theme = _theme(project, "Finding a way in")
    page.goto(f"/themes/{theme}")
    expect(page.locator("#mark-exemplars")).to_be_disabled()
    boxes = page.locator("input.pick")
    chosen = [int(boxes.nth(i).get_attribute("value") or "0") for i in (0, 2)]
    boxes.nth(0).check()
    boxes.nth(2).check()
    expect(page.locator("#picked-count")).to_have_text("2 selected")
    page.click("#mark-exemplars")
    expect(page.locator("#toast")).to_contain_text("2 extracts marked as exemplars")
    assert sorted(e.coding_id for e in project.exemplars(theme)) == sorted(chosen)
    expect(page.locator("article.passage").nth(0).locator("button.exemplar")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("article.passage").nth(1).locator("button.exemplar")).to_have_attribute("aria-pressed", "false")
    expect(page.locator("#picked-count")).to_have_text("0 selected")
    boxes.nth(0).check()
    page.click("#unmark-exemplars")
    expect(page.locator("#toast")).to_contain_text("1 extract is no longer an exemplar")
    assert [e.coding_id for e in project.exemplars(theme)] == [chosen[1]]


def test_themes_report_options_on_the_reports_page(page: Page, live: tuple[str, Project]) -> None:
    page.goto("/reports")
    page.select_option("#tr-format", "html")
    page.fill("#tr-max", "1")
    page.check("input[name=attributes][value=gender]")
    page.click('#themes-report button[type="submit"]')
    page.wait_for_url("**/api/v1/reports/themes?**")
    who = page.locator("blockquote .who").all_inner_texts()
    assert who and all(w.split(", ")[0].startswith("P0") and w.split(", ")[1] in ("woman", "man", "non-binary") for w in who)
    assert page.locator("section").count() > 0
    assert all(s.locator("blockquote").count() <= 1 for s in page.locator("section").all())
