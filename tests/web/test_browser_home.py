"""The project home in a real browser: the team part arrives after first paint, "Show more
transcripts" and "Find a transcript" page through a long list, and the page stays accessible."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from cotheme.services.project import Project
from tests.conftest import INTERVIEW
from tests.web.conftest import accessible


def test_home_pages_through_transcripts_and_loads_the_team_part(page: Page, live: tuple[str, Project],
                                                                tmp_path: Path) -> None:
    _, project = live
    paths = []
    for i in range(60):
        path = tmp_path / f"X{i:03d}.txt"
        path.write_text(INTERVIEW + f"\nInterviewer: And one more thing, number {i}?\n", encoding="utf-8")
        paths.append(path)
    project.import_files(paths)
    total = len(project.documents())  # 6 demo interviews and 60 more
    page.goto("/")
    rows = page.locator("#docs-table tbody tr")
    expect(rows).to_have_count(50)
    expect(page.locator("#docs-shown")).to_have_text(f"50 of {total} shown")
    # The demo has several members: their progress comes after the page has drawn.
    expect(page.locator("#team-home")).to_contain_text("Progress by coder")
    expect(page.locator("#team-home")).not_to_have_attribute("aria-busy", "true")
    accessible(page)
    page.get_by_role("button", name="Show more transcripts").click()
    expect(rows).to_have_count(total)
    expect(page.locator("#docs-more")).to_be_hidden()
    expect(page.locator("#docs-shown")).to_have_text(f"{total} of {total} shown")
    expect(rows.last).to_contain_text("X059")
    page.get_by_label("Find a transcript").fill("x05")
    expect(rows).to_have_count(10)
    expect(page.locator("#docs-shown")).to_have_text("10 of 10 shown")
    rows.first.get_by_role("link").click()
    expect(page.locator("#reader")).to_have_attribute("data-ready", "true")
    expect(page.locator("h1")).to_have_text("X050")
