"""Phases 3-6 in the browser: themes, a theme's review with exemplars, the editable map, reports."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from cotheme.services.project import Project


def test_create_a_theme_and_set_its_status(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    page.goto("/themes")
    page.fill("#theme-name", "Being believed")
    page.click('#new-theme button[type="submit"]')
    expect(page.locator("table.themes")).to_contain_text("Being believed")
    theme = next(s.theme for s in project.themes() if s.theme.name == "Being believed")
    page.select_option(f"#status-{theme.id}", "reviewed")
    expect(page.locator("#toast")).to_contain_text("Status saved")
    assert next(s.theme for s in project.themes() if s.theme.id == theme.id).status.value == "reviewed"


def test_review_page_links_codes_and_marks_exemplars(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    theme = project.create_theme("Small acts")
    page.goto(f"/themes/{theme.id}")
    code = project.codes()[3].code
    page.select_option("#link-code-select", str(code.id))
    page.click('#link-code button[type="submit"]')
    expect(page.locator(".extract").first).to_be_visible()
    assert code.id in next(s.theme for s in project.themes() if s.theme.id == theme.id).code_ids
    button = page.locator("button.exemplar").first
    coding_id = int(button.get_attribute("data-coding-id") or "0")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    assert [e.coding_id for e in project.exemplars(theme.id)] == [coding_id]
    page.fill("#theme-definition", "Moments when staff did something small that mattered.")
    page.click('#theme-edit button[type="submit"]')
    expect(page.locator("#toast")).to_contain_text("Definition saved")
    assert project.theme_review(theme.id).theme.definition.startswith("Moments when")


def test_drag_a_theme_on_the_map_and_reset(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    page.goto("/map")
    expect(page.locator("#map")).to_have_attribute("data-ready", "true")
    node = page.locator("g.node[data-theme-id]").nth(1)
    theme_id = int(node.get_attribute("data-theme-id") or "0")
    box = node.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 60, box["y"] + box["height"] / 2 + 40, steps=5)
    page.mouse.up()
    expect(page.locator("#toast")).to_contain_text("Position saved")
    moved = next(s.theme for s in project.themes() if s.theme.id == theme_id)
    assert moved.x is not None and moved.y is not None
    page.click("#map-reset")
    expect(page.locator("#toast")).to_contain_text("automatic layout")
    assert next(s.theme for s in project.themes() if s.theme.id == theme_id).x is None


def test_sample_monitor_and_report_downloads(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    page.goto("/")
    gaps = [t for t in project.sample_table().targets if t.gap]
    expect(page.locator("tr.gap")).to_have_count(len(gaps))
    page.goto("/reports")
    with page.expect_download() as download:
        page.click('a[href="/api/v1/reports/methods?format=docx"]')
    assert download.value.suggested_filename == "methods.docx"
    response = page.goto("/api/v1/reports/themes?format=html")
    assert response is not None and response.status == 200
    expect(page.locator("body")).to_contain_text(project.themes()[0].theme.name)
