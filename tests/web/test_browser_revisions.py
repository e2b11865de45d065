"""Correcting transcripts in the reader, the review queue and de-identification review, in Chromium."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from cotheme.services.project import Project
from tests.web.conftest import accessible
from tests.web.test_browser import open_doc, select


def test_correct_a_selection_keeps_every_coding(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    doc_id = open_doc(page, project, "P02")
    before = {e.id: e.text for e in project.codings(document=doc_id)}
    text = project.document(doc_id).text
    word = "Harbour" if "Harbour" in text else text.split()[10]
    select(page, word)
    page.keyboard.press("e")
    expect(page.locator("#edit-text")).to_have_value(word)
    page.fill("#edit-text", "[the service]")
    page.fill("#edit-reason", "de-identify by hand")
    page.click("#edit-save")
    expect(page.locator("#toast")).to_contain_text("Saved as revision 2")
    after = project.document(doc_id)
    assert after.revision == 2 and "[the service]" in after.text
    assert set(before) == {e.id for e in project.codings(document=doc_id)}  # none lost


def test_an_edit_on_a_stale_page_is_refused(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    doc_id = open_doc(page, project, "P03")
    project.edit_document(doc_id, start=0, end=3, with_text="XYZ", author="Rowan Pike", reason="elsewhere",
                          expected_revision=1)
    select(page, project.document(doc_id).text.split()[12])
    page.keyboard.press("e")
    page.fill("#edit-text", "changed")
    page.click("#edit-save")
    expect(page.locator("#toast")).to_contain_text("changed since")
    assert project.document(doc_id).revision == 2  # nothing written over the other edit


def test_review_queue_remove_a_coding_whose_text_was_deleted(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    target = project.codings(document="P05")[0]
    doc = project.document("P05")
    project.edit_document("P05", start=target.start, end=target.end, with_text="", author="Sam Okafor",
                          reason="remove a passage", expected_revision=doc.revision)
    waiting = [i for i in project.review_queue() if i.coding_id == target.id]
    assert waiting and waiting[0].status == "review"
    page.goto("/review")
    accessible(page)
    item = page.locator(f'.review-item[data-coding-id="{target.id}"]')
    expect(item).to_contain_text(target.text[:30])
    item.locator("button.remove").click()
    expect(item).to_have_count(0)
    assert target.id not in {i.coding_id for i in project.review_queue()}


def test_deidentify_from_the_page(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    project.deid_add_name("Harbour", role="service", replacement="[the service]")
    page.goto("/deid")
    page.click("#scan-quick")
    row = page.locator('li.group[data-string="Harbour"]')
    expect(row).to_be_visible()
    accessible(page)
    row.locator("button.accept").click()
    expect(row.locator(".state")).to_have_text("accepted")
    # The scan may also find a longer name around it ("the Harbour group"): a reviewer accepts that too.
    for longer in page.locator("li.group").filter(has_text="Harbour").all():
        if longer.get_attribute("data-string") != "Harbour":
            longer.locator("button.accept").click()
            expect(longer.locator(".state")).to_have_text("accepted")
    page.fill("#passphrase", "correct horse battery")
    page.click('#apply button[type="submit"]')
    # The page reloads with Harbour replaced everywhere (other candidates the scan found stay to decide,
    # so no transcript is marked de-identified yet).
    expect(page.locator("li.group").filter(has_text="Harbour")).to_have_count(0)
    expect(page.locator("p").filter(has_text="transcripts are de-identified").first).to_be_visible()
    assert all("Harbour" not in project.documents.get(d.id).text for d in project.documents.list())
    assert any("[the service]" in project.documents.get(d.id).text for d in project.documents.list())
