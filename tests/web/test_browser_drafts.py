"""The code page in Chromium over a live server, the language model a local stub: misfits to review,
a draft streamed with the extracts it was given, hostile model output shown as text, cancel, edit and
accept; axe-core finds no violation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from cotheme.services.project import Project
from tests.llm_stub import Behaviour, stub_server
from tests.web.conftest import TOKEN, LiveServer, accessible

HOSTILE = ("DEFINITION: <img src=x onerror=\"document.title='owned'\"><script>document.title='owned'</script>"
           " Waiting for care.\nINCLUDE: long waits [1]\nEXCLUDE: staff manner")


@pytest.fixture
def coded(tmp_path: Path) -> Iterator[Project]:
    import cotheme

    (tmp_path / "P01.txt").write_text("P01: I waited four months. Nobody rang back.\n\nP02: The food was cold.\n",
                                      encoding="utf-8")
    with cotheme.create_project(tmp_path / "drafts.cotheme", lead="Lead") as project:
        project.import_files([tmp_path / "P01.txt"])
        project.create_code("Waiting")
        project.create_code("Food", definition="Meals, food and drink.")
        for quote in ("I waited four months.", "Nobody rang back.", "The food was cold."):
            project.code("P01", "Waiting", quote=quote)
        yield project


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[Behaviour]:
    with stub_server(Behaviour(text=HOSTILE, pieces=40, delay=0.02)) as (url, behaviour):
        monkeypatch.setenv("COTHEME_LLM_URL", url + "/v1")
        monkeypatch.setenv("COTHEME_LLM_API", "openai")
        yield behaviour


@pytest.fixture
def code_page(browser: Browser, coded: Project, stub: Behaviour) -> Iterator[Page]:
    with LiveServer(coded) as base:
        context = browser.new_context(viewport={"width": 1100, "height": 900}, base_url=base)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))
        page.goto(f"/?token={TOKEN}")
        waiting = next(c.code.id for c in coded.codes() if c.code.name == "Waiting")
        page.goto(f"/codes/{waiting}")
        yield page
        context.close()
        assert errors == []


def test_misfits_draft_cancel_edit_accept(code_page: Page, coded: Project, stub: Behaviour) -> None:
    first = code_page.locator("#misfits-list li").first
    expect(first.locator("blockquote")).to_have_text("The food was cold.")
    expect(first).to_contain_text("Closer to 'Food'")
    accessible(code_page)

    code_page.click("#draft-start")
    expect(code_page.locator("#draft-extracts li").first).to_have_text("Waiting: I waited four months.")
    code_page.click("#draft-cancel")
    expect(code_page.locator("#draft-status")).to_have_text("Cancelled; nothing was saved.")
    assert stub.stopped_early.wait(5)

    code_page.click("#draft-start")
    expect(code_page.locator("#draft-accept")).to_be_enabled(timeout=15000)
    text = code_page.locator("#draft-text")
    expect(text).to_have_value(HOSTILE)  # shown as text
    assert code_page.locator("#draft img").count() == 0 and code_page.title() != "owned"
    expect(code_page.locator("#draft-provenance")).to_contain_text("stub-model:1b")
    accessible(code_page)
    text.fill("DEFINITION: Waiting for care or a call back.\nINCLUDE: long waits [1]\nEXCLUDE: staff manner")
    code_page.click("#draft-accept")
    expect(code_page.locator("#draft-status")).to_have_text("Accepted as edited and saved, with its provenance.")
    expect(code_page.locator("#code-definition")).to_have_text("Waiting for care or a call back.")
    saved = coded.drafts()
    assert len(saved) == 1 and saved[0].edited and saved[0].provenance.model == "stub-model:1b"
    assert next(c.code for c in coded.codes() if c.code.name == "Waiting").definition == "Waiting for care or a call back."
