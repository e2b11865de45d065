"""The import page's "Codings sheet" in Chromium over the demo study: a sheet previewed row by row, the
codings added with the CLI's sentence, a sheet with a bad row refused naming it (nothing added); axe
finds nothing serious."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from cotheme.services.project import Project
from tests.web.conftest import SHOTS, accessible


def test_a_codings_sheet_from_the_import_page(page: Page, live: tuple[str, Project], tmp_path: Path) -> None:
    _, project = live
    text = project.document("P01").text
    quotes = [text[start:start + 40] for start in (200, 600, 1200)]
    before = len(project.codings())
    sheet = tmp_path / "codings.csv"
    sheet.write_text("document,code,quote,coder,memo\n"
                     + "".join(f'P01,Referral routes,"{q}",Rowan Pike,{"check" if i == 0 else ""}\n'
                               for i, q in enumerate(quotes)), encoding="utf-8")
    page.goto("/import")
    page.get_by_label("Choose codings sheet (.csv, .xlsx)").set_input_files(str(sheet))
    rows = page.locator("#codings-preview tbody tr")
    expect(rows).to_have_count(3)
    expect(page.locator("#codings-summary")).to_have_text("codings.csv: 3 codings and 1 memo to add.")
    expect(rows.nth(0).locator("td").nth(4)).to_have_text(quotes[0])
    accessible(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "codings-sheet-preview.png"), full_page=True)
    assert len(project.codings()) == before  # the preview stored nothing
    page.get_by_role("button", name="Add codings").click()
    expect(page.locator("#codings-status")).to_have_text("Added 3 codings and 1 memo from codings.csv.")
    assert len(project.codings()) == before + 3

    bad = tmp_path / "bad.csv"
    bad.write_text(f'document,code,quote,coder\nP01,Referral routes,"{quotes[1]}",Rowan Pike\n'
                   "P01,Referral routes,words nobody said,Rowan Pike\n", encoding="utf-8")
    page.get_by_label("Choose codings sheet (.csv, .xlsx)").set_input_files(str(bad))
    expect(page.locator("#codings-status")).to_have_text(
        "bad.csv, row 3: The quote 'words nobody said' does not occur in 'P01'; check its exact wording.")
    expect(page.get_by_role("button", name="Add codings")).to_be_disabled()
    expect(page.locator("#codings-preview")).to_be_hidden()
    assert len(project.codings()) == before + 3
