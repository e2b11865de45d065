"""The Study page and the Figures page in Chromium on a copy of the demo study: a lead fills in a
COREQ field and sees the checklist answer it; every figure renders as an image."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from cotheme.services.project import Project
from tests.web.conftest import SHOTS, accessible


def test_edit_a_study_field_and_see_it_in_the_checklist(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    page.goto("/reports")
    page.get_by_role("link", name="Study", exact=True).click()
    expect(page.get_by_role("heading", name="Study", exact=True)).to_be_visible()
    row = page.locator('#coreq-table tr[data-item="10"]')
    expect(row).to_contain_text("open")
    # The groups fold away, the first open; a closed group's fields are out of reach until it opens.
    expect(page.get_by_label("Interviewers or facilitators")).to_be_visible()
    expect(page.get_by_label("Sampling")).to_be_hidden()
    design = page.locator("details.study-group summary", has_text="Study design")
    design.focus()
    page.keyboard.press("Enter")  # a summary opens with the keyboard alone
    expect(page.get_by_label("Sampling")).to_be_visible()
    page.get_by_label("Sampling").fill("Purposive sampling by age, gender and service use.")
    page.get_by_role("button", name="Save study design").click()
    expect(row).to_contain_text("Purposive sampling by age, gender and service use.")
    expect(row).to_contain_text("Study page")
    # The save reloads the page with the group the researcher was working in still open.
    expect(page.get_by_label("Sampling")).to_have_value("Purposive sampling by age, gender and service use.")
    expect(page.get_by_label("Sampling")).to_be_visible()
    page.locator("details.study-group summary", has_text="Reporting").click()
    page.get_by_label("Attribution of quotations").select_option("id-attributes")
    page.get_by_role("button", name="Save reporting").click()
    expect(page.locator('#coreq-table tr[data-item="29"]')).to_contain_text("identified by the participant's id and")
    assert project.attribution() == "id-attributes"
    accessible(page)
    page.screenshot(path=str(SHOTS / "study.png"), full_page=True)


def test_the_figures_render(page: Page) -> None:
    page.goto("/reports")
    page.get_by_role("link", name="Figures", exact=True).click()
    expect(page.get_by_role("heading", name="Figures", exact=True)).to_be_visible()
    page.get_by_label("Group participants by").select_option("gender")
    page.get_by_role("button", name="Redraw").click()
    images = page.locator("section.figure img")
    expect(images).to_have_count(3)
    for i in range(3):
        image = images.nth(i)
        image.scroll_into_view_if_needed()
        expect(image).to_be_visible()
        page.wait_for_function("(img) => img.complete", arg=image.element_handle())
        assert image.evaluate("(img) => img.naturalWidth") > 100
    accessible(page)
    page.screenshot(path=str(SHOTS / "figures.png"), full_page=True)
