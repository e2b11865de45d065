"""A calibration session in the browser: the lead starts it on the Calibration page, reveals it, and the
reader opens with each coder's codings in their own lanes, named above the transcript."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from cotheme.services.project import Project


def test_start_reveal_and_lanes_by_coder(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    doc = project.documents()[0]
    coders = sorted(m.name for m in project.members() if m.permission.value == "coder")
    page.goto("/calibration")
    page.select_option("#calibration-doc", str(doc.id))
    page.get_by_role("button", name="Start: assign to every coder, blind").click()
    item = page.locator(f'[data-document-id="{doc.id}"]')
    expect(item).to_contain_text("coding blind")
    assert doc.id in project.blind_documents()
    item.get_by_role("button", name="Reveal side by side").click()
    expect(page).to_have_url(f"{page.url.split('/calibration')[0]}/documents/{doc.id}#lanes")
    expect(page.locator("#lanes-toggle")).to_have_attribute("aria-pressed", "true")
    legend = page.locator("#lanes-legend")
    expect(legend).to_contain_text("Lanes by coder, left to right:")
    on_it = sorted({e.coder or "no coder" for e in project.codings() if e.document_id == doc.id})
    assert len(on_it) >= 2
    expect(legend).to_have_text(f"Lanes by coder, left to right: {', '.join(on_it)}.")
    lefts = page.evaluate("""() => [...document.querySelectorAll('#margin .bar')].map((b) => parseFloat(b.style.left))""")
    assert len(set(lefts)) >= 2  # more than one lane in use
    page.locator("#lanes-toggle").click()
    expect(page.locator("#lanes-toggle")).to_have_attribute("aria-pressed", "false")
    expect(legend).to_be_hidden()
    assert doc.id not in project.blind_documents()
    assert set(coders) <= {c for s in project.calibrations() for c in s.coders}
