"""The participants page in Chromium: a lead renames an attribute, moves a category up, saves, and
sees both in Table 1; the order typed as text; the page passes the accessibility check."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from cotheme.services.project import Project
from tests.web.conftest import accessible


def test_edit_a_label_and_the_order_then_see_them_in_table_one(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    page.click("nav >> text=Participants")
    expect(page.locator("h1")).to_have_text("Participants")
    accessible(page)
    form = page.locator('form.attribute-def[data-name="gender"]')
    form.locator(".def-label").fill("Gender identity")
    form.locator('li[data-category="non-binary"] button.up').click()
    form.locator('li[data-category="non-binary"] button.up').click()
    expect(form.locator(".def-order")).to_have_value("non-binary, woman, man")
    form.locator('button[type="submit"]').click()
    expect(page.locator("#toast")).to_contain_text('Saved gender: shown as "Gender identity".')
    gender = next(d for d in project.attribute_definitions() if d.name == "gender")
    assert gender.label == "Gender identity" and gender.order == ("non-binary", "woman", "man")

    service = page.locator('form.attribute-def[data-name="service_use"]')
    service.locator(".def-order").fill("specialist referral, drop-in")
    service.locator(".def-order").dispatch_event("change")
    expect(service.locator("ol.categories li").first).to_have_attribute("data-category", "specialist referral")
    service.locator(".def-shown").uncheck()
    service.locator('button[type="submit"]').click()
    expect(page.locator("#toast")).to_contain_text("Saved service_use")

    page.goto("/api/v1/reports/sample?format=html")
    expect(page.locator("caption")).to_have_text("Table 1. Characteristics of participants (N = 6)")
    expect(page.locator("table.three-line")).to_contain_text("Gender identity")
    expect(page.locator("table.three-line")).not_to_contain_text("Main service used")  # now hidden
    categories = page.locator("table.three-line td.category").all_inner_texts()
    at = categories.index("non-binary")
    assert categories[at : at + 3] == ["non-binary", "woman", "man"]
