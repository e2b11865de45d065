"""Web fixtures: an in-process client over a fresh project, and a live server for the browser."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from axe_playwright_python.sync_playwright import Axe
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, Page, sync_playwright

import cotheme
from cotheme.services.demo import build_demo
from cotheme.services.project import Project
from cotheme.web.app import create_app
from tests.conftest import INTERVIEW

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "build" / "test-output" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]

#: axe-core as `scripts/ensure-axe.sh` installs it from npm (``make test`` runs that first): newer than
#: the copy axe-playwright-python bundles, with the current WCAG 2.2 rules.
AXE_CORE = ROOT / "build" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
#: Every WCAG 2.0, 2.1 and 2.2 rule at levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

TOKEN = "test-token-123"
HOSTILE = (
    "Interviewer: Tell me about it. <script>alert('x')</script>\n\n"
    "P09: I wrote <img src=x onerror=\"alert(1)\"> and {{ 7*7 }} and {% raw %} in my diary 🙂 — café.\n"
)


def client_for(project: Project) -> TestClient:
    client = TestClient(create_app(project, TOKEN))
    client.get(f"/?token={TOKEN}")  # sets the token and CSRF cookies, as the printed URL does
    return client


def csrf(client: TestClient) -> dict[str, str]:
    return {"X-CSRF-Token": client.cookies.get("cotheme_csrf") or ""}


@pytest.fixture
def hostile_project(project: Project, tmp_path: Path) -> Project:
    path = tmp_path / "P09.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    project.import_files([path])
    project.create_code("Trust", definition="<b>bold?</b>")
    return project


@pytest.fixture
def client(hostile_project: Project) -> TestClient:
    return client_for(hostile_project)


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.cotheme"
    build_demo(path).close()
    return path


class LiveServer:
    def __init__(self, project: Project, port: int = 0) -> None:
        config = uvicorn.Config(create_app(project, TOKEN), host="127.0.0.1", port=port, log_level="warning",
                                timeout_graceful_shutdown=2)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *_exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def live(demo_path: Path, tmp_path: Path) -> Iterator[tuple[str, Project]]:
    """A live server over a private copy of the demo study (tests change it)."""
    copy = tmp_path / "demo.cotheme"
    copy.write_bytes(demo_path.read_bytes())
    project = Project.open(copy)
    with LiveServer(project) as base:
        yield base, project
    project.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, live: tuple[str, Project]) -> Iterator[Page]:
    base, _ = live
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))
    opened.goto(f"/?token={TOKEN}")
    yield opened
    context.close()
    assert errors == []


def current_axe() -> Axe:
    """axe-core from build/axe; a missing file fails the test with the command that installs it."""
    if not AXE_CORE.is_file():
        raise RuntimeError(f"axe-core is not installed at {AXE_CORE}; run: bash scripts/ensure-axe.sh")
    return Axe(AXE_CORE.read_text(encoding="utf-8"))


def at_rest(page: Page) -> None:
    """Wait until no animation runs (polled: the page's CSP forbids the eval wait_for_function needs)."""
    for _ in range(100):
        if page.evaluate("() => document.getAnimations().every(a => a.playState !== 'running')"):
            return
        page.wait_for_timeout(20)


def wcag_violations(page: Page) -> list[tuple[str, str, list[object]]]:
    """Every violation of a WCAG 2.2 A/AA rule, of any impact: (rule, help, first targets)."""
    at_rest(page)
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = current_axe().run(page, options=options)
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"][:3]]) for v in results.response["violations"]]


def accessible(page: Page) -> None:
    # Judge the page at rest: a toast half-way through its fade-in has, for that moment, too little
    # contrast, which is not what anyone reads.
    at_rest(page)
    results = current_axe().run(page)
    bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"][:3]]) for v in bad]


@pytest.fixture
def assisted(tmp_path: Path) -> Iterator[Project]:
    """One indexed transcript (the model of the assist extra) and two codes with definitions."""
    (tmp_path / "P01.txt").write_text(INTERVIEW, encoding="utf-8")
    with cotheme.create_project(tmp_path / "assisted.cotheme", lead="Lead") as project:
        project.import_files([tmp_path / "P01.txt"])
        project.create_code("Waiting", definition="Waiting lists and delays before being seen.")
        project.create_code("Listened to", definition="Staff listening and taking the person seriously.")
        project.code("P01", "Waiting", quote="the waiting list was long.")
        project.index()
        yield project
