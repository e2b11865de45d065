"""Candidate themes on the themes page, the language model a local stub: the lead groups the codes, chooses
a group, drafts a name and definition from its extracts, and accepting adds the theme with its codes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from cotheme.services.project import Project
from tests.llm_stub import Behaviour, stub_server
from tests.web.conftest import TOKEN, LiveServer, accessible
from tests.web.test_browser_drafts import coded  # noqa: F401 - the fixture: a small coded project

ANSWER = "NAME: Waiting and going without\nDEFINITION: <b>Time</b> spent waiting for care [1], and meals that disappoint [3]."


@pytest.fixture
def named_stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[Behaviour]:
    with stub_server(Behaviour(text=ANSWER, pieces=8)) as (url, behaviour):
        monkeypatch.setenv("COTHEME_LLM_URL", url + "/v1")
        monkeypatch.setenv("COTHEME_LLM_API", "openai")
        yield behaviour


def test_a_candidate_theme_drafted_and_accepted_in_the_browser(browser: Browser, coded: Project,  # noqa: F811
                                                                named_stub: Behaviour) -> None:
    with LiveServer(coded) as base:
        context = browser.new_context(viewport={"width": 1200, "height": 900}, base_url=base)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(f"/?token={TOKEN}")
        page.goto("/themes")
        page.fill("#candidate-groups", "1")
        page.get_by_role("button", name="Group the codes").click()
        expect(page.locator("#candidate-status")).to_contain_text("1 groups", timeout=60_000)
        expect(page.locator("#candidate-list")).to_contain_text("Waiting")
        expect(page.locator("#draft-h")).to_have_text("Draft a name and definition for group 1")
        accessible(page)
        page.locator("#draft-start").click()
        expect(page.locator("#draft-status")).to_contain_text("Draft ready", timeout=30_000)
        assert "<b>Time</b>" in page.locator("#draft-text").input_value()  # the model's text stays text
        page.locator("#draft-accept").click()
        expect(page.locator("table.themes")).to_contain_text("Waiting and going without", timeout=10_000)
        context.close()
        assert errors == []
    made = next(t for t in coded.themes.list() if t.theme.name == "Waiting and going without")
    assert "Waiting" in made.codes
