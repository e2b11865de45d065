"""Suggested codes in the reader's code picker, in Chromium over a live server: a small
project indexed with the real local model; select a passage, open the picker, see the suggestions with
their scores, choose one, and the coding is stored with provenance ``suggest``. Typing a code and
pressing Enter still applies that code, and without an index the picker shows no suggestions."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from cotheme.services.project import Project
from tests.web.conftest import SHOTS, TOKEN, LiveServer, accessible
from tests.web.test_browser import select


@pytest.fixture
def assisted(assisted: Project) -> Project:
    """The indexed project of ``tests/web/conftest.py`` with a third code for the picker to rank."""
    assisted.create_code("Peer support", definition="Support from peers and groups of people with lived experience.")
    return assisted


@pytest.fixture
def reader(browser: Browser, assisted: Project) -> Iterator[Page]:
    with LiveServer(assisted) as base:
        context = browser.new_context(viewport={"width": 1100, "height": 900}, base_url=base)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(f"/?token={TOKEN}")
        page.goto(f"/documents/{assisted.document('P01').id}")
        expect(page.locator("#reader")).to_have_attribute("data-ready", "true")
        yield page
        context.close()
        assert errors == []


def test_the_picker_shows_suggestions_and_accepting_one_keeps_provenance(reader: Page, assisted: Project) -> None:
    chosen = select(reader, "she actually listened to me")
    reader.keyboard.press("c")
    group = reader.locator("#picker-list li.suggestions")
    expect(group).to_be_visible()
    expect(group.locator(".group-label")).to_have_text("Suggested")
    top = group.locator("li[role=option]").first
    expect(top).to_contain_text("Listened to")
    expect(top.locator(".score")).to_have_text(re.compile(r"^score -?\d+\.\d$"))
    expect(reader.locator("#picker-input")).to_be_focused()
    accessible(reader)
    SHOTS.mkdir(parents=True, exist_ok=True)
    reader.screenshot(path=str(SHOTS / "picker-suggestions.png"))
    top.click()
    expect(reader.locator("#coding-count")).to_have_text("2")
    made = next(e for e in assisted.codings(document="P01") if e.text == chosen)
    assert made.code_path == "Listened to"
    provenance = assisted.assist_provenance()
    assert [(row[0], row[1]) for row in provenance] == [(made.id, "suggest")]
    assert "all-MiniLM-L6-v2" in provenance[0][2] and provenance[0][4] == "Lead"


def test_typing_a_code_and_enter_is_not_taken_over_by_suggestions(reader: Page, assisted: Project) -> None:
    select(reader, "I waited four months.")
    reader.keyboard.press("c")
    picker = reader.locator("#picker-input")
    picker.fill("Peer")
    picker.press("Enter")  # whether or not the suggestions have arrived yet
    expect(reader.locator("#coding-count")).to_have_text("2")
    assert [e.code_path for e in assisted.codings(document="P01")] == ["Waiting", "Peer support"]
    assert assisted.assist_provenance() == []
    select(reader, "Café visits with the peer group")
    reader.keyboard.press("c")
    expect(reader.locator("#picker-list li.suggestions")).to_be_visible()
    reader.keyboard.press("Enter")  # the highlighted option is still the first code of the codebook
    expect(reader.locator("#coding-count")).to_have_text("3")
    assert assisted.assist_provenance() == []


def test_no_index_no_suggestions(reader: Page, assisted: Project) -> None:
    assisted.set_assist(False)  # deletes the cached passages as well
    assisted.set_assist(True)
    reader.reload()
    expect(reader.locator("#reader")).to_have_attribute("data-ready", "true")
    with reader.expect_response("**/api/v1/documents/*/assist") as answer:
        select(reader, "she actually listened to me")
        reader.keyboard.press("c")
    assert answer.value.json() == {"installed": True, "enabled": True, "indexed": False}
    expect(reader.locator("#picker-list li[role=option]").first).to_be_visible()
    assert reader.locator("#picker-list li.suggestions").count() == 0


def test_the_codebook_page_evaluates_the_suggestions(browser: Browser, assisted: Project) -> None:
    with LiveServer(assisted) as base:
        context = browser.new_context(viewport={"width": 1100, "height": 900}, base_url=base)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(f"/?token={TOKEN}")
        page.goto("/codebook")
        page.get_by_role("button", name="Evaluate the suggestions").click()
        expect(page.locator("#assist-eval-summary")).to_contain_text(re.compile(
            r"^\d+ coded passages? hidden one at a time; first suggestion right for \d+%, among the first three for \d+%"))
        table = page.locator("#assist-eval-table")
        expect(table).to_be_visible()
        expect(table.locator("tbody tr")).to_have_count(len(assisted.assist_evaluate().per_code))
        expect(table.locator("tbody th").first).to_have_text(re.compile(r"Listened to|Waiting"))
        accessible(page)
        context.close()
        assert errors == []


def test_the_codebook_editor_finds_similar_passages_and_codes_one(browser: Browser, assisted: Project) -> None:
    with LiveServer(assisted) as base:
        context = browser.new_context(viewport={"width": 1100, "height": 900}, base_url=base)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(f"/?token={TOKEN}")
        page.goto("/codebook")
        page.locator("#code-tree .code-name", has_text="Waiting").click()
        page.get_by_role("button", name="Find similar passages").click()
        note = page.locator("#ec-similar-note")
        expect(note).to_have_text(re.compile(
            r"^Considered \d+ passages not yet coded with the code; \d+ passages? of the interviewer's turns left out\.$"))
        items = page.locator("#ec-similar-list li")
        expect(items.first).to_be_visible()
        assert not any(text.startswith("Interviewer") for text in items.all_inner_texts())
        accessible(page)
        page.get_by_label("Include the interviewer's turns").check()
        page.get_by_role("button", name="Find similar passages").click()
        expect(note).to_have_text(re.compile(r"^Considered \d+ passages not yet coded with the code\.$"))
        first = items.first.locator("span").nth(1).inner_text()
        shown = items.count()
        items.first.get_by_role("button", name="Code it").click()
        expect(items).to_have_count(shown - 1)
        made = [e for e in assisted.codings(document="P01") if e.text == first]
        assert [e.code_path for e in made] == ["Waiting"]
        assert [row[1] for row in assisted.assist_provenance()] == ["similar"]
        context.close()
        assert errors == []
