"""Every page, as a researcher using assistive technology or a small screen meets it, on the demo study.

For each page at 1,366 x 900 and at 320 x 256 CSS px: no violation of any WCAG 2.2 A/AA rule of the
current axe-core (any impact), and no sideways scrolling of the page; at 1,366 its full height stays
under 6,000 px, and it loads without a script error. Then the chrome every page shares: the compact menu, "Coding as" that changes nothing
without "Switch", the focus ring's contrast, and error pages with the navigation.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from cotheme.domain.palette import contrast_ratio
from cotheme.services.project import Project
from tests.recording_media import tone_wav
from tests.web.conftest import TOKEN, LiveServer, at_rest, wcag_violations

WIDE = {"width": 1366, "height": 900}
NARROW = {"width": 320, "height": 256}
MAX_HEIGHT = 6000
LEAD_PASSWORD = "a long enough team password 42"

#: page name -> address on the demo study ({doc} and {theme} filled in from the project).
PAGES = {
    "home": "/",
    "reader": "/documents/{doc}",
    "reader-recording": "/documents/{recorded}",
    "codebook": "/codebook",
    "code": "/codes/{code}",
    "retrieve": "/retrieve?code={code}",
    "search": "/search?q=waiting",
    "memos": "/memos",
    "themes": "/themes",
    "theme": "/themes/{theme}",
    "map": "/map",
    "reports": "/reports",
    "participants": "/participants",
    "study": "/study",
    "figures": "/figures",
    "agreement": "/agreement",
    "reconcile": "/reconcile",
    "review": "/review",
    "checkins": "/checkins",
    "calibration": "/calibration",
    "deid": "/deid",
    "import": "/import",
    "export": "/export",
    "login": "/login",
    "error": "/no-such-page",
    "api-docs": "/api/v1/docs",
}

def cases(check: str) -> list[str]:
    """Every page, for one check: none is excused (a page that fails a check fails the run)."""
    return list(PAGES)


@pytest.fixture(scope="module")
def site(demo_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    """One live server over a copy of the demo for the whole module: these tests only read."""
    copy = tmp_path_factory.mktemp("a11y") / "demo.cotheme"
    copy.write_bytes(demo_path.read_bytes())
    project = Project.open(copy)
    recorded = project.documents()[1].id  # a transcript with a recording: the player bar
    project.attach_recording(recorded, tone_wav(copy.with_name("interview.wav"), 3))
    values = {
        "doc": str(project.documents()[0].id),
        "recorded": str(recorded),
        "theme": str(project.themes()[0].theme.id),
        "code": str(project.codes()[0].code.id),
    }
    with LiveServer(project) as base:
        yield base, {name: path.format(**values) for name, path in PAGES.items()}
    project.close()


def opened(browser: Browser, base: str, viewport: dict[str, int]) -> Iterator[Page]:
    context: BrowserContext = browser.new_context(viewport=viewport, base_url=base)
    page = context.new_page()
    page.goto(f"/?token={TOKEN}")
    yield page
    context.close()


@pytest.fixture(scope="module")
def wide(browser: Browser, site: tuple[str, dict[str, str]]) -> Iterator[Page]:
    yield from opened(browser, site[0], WIDE)


@pytest.fixture(scope="module")
def narrow(browser: Browser, site: tuple[str, dict[str, str]]) -> Iterator[Page]:
    yield from opened(browser, site[0], NARROW)


def visit(page: Page, site: tuple[str, dict[str, str]], name: str) -> None:
    page.goto(site[1][name])
    page.wait_for_load_state("networkidle")
    if name == "api-docs":
        expect(page.locator(".swagger-ui .info")).to_be_visible()


def sideways(page: Page) -> tuple[int, int]:
    return page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")


@pytest.mark.parametrize("name", cases("axe"))
def test_no_wcag_violation_at_1366(wide: Page, site: tuple[str, dict[str, str]], name: str) -> None:
    visit(wide, site, name)
    assert wcag_violations(wide) == []


@pytest.mark.parametrize("name", cases("axe"))
def test_no_wcag_violation_at_320(narrow: Page, site: tuple[str, dict[str, str]], name: str) -> None:
    visit(narrow, site, name)
    assert wcag_violations(narrow) == []


@pytest.mark.parametrize("name", cases("wide-scroll"))
def test_no_sideways_scroll_at_1366(wide: Page, site: tuple[str, dict[str, str]], name: str) -> None:
    visit(wide, site, name)
    scroll_width, client_width = sideways(wide)
    assert scroll_width <= client_width


@pytest.mark.parametrize("name", cases("narrow-scroll"))
def test_no_sideways_scroll_at_320(narrow: Page, site: tuple[str, dict[str, str]], name: str) -> None:
    visit(narrow, site, name)
    scroll_width, client_width = sideways(narrow)
    assert scroll_width <= client_width


@pytest.mark.parametrize("name", cases("height"))
def test_full_height_under_6000_at_1366(wide: Page, site: tuple[str, dict[str, str]], name: str) -> None:
    visit(wide, site, name)
    assert wide.evaluate("() => document.documentElement.scrollHeight") < MAX_HEIGHT


@pytest.mark.parametrize("name", cases("script"))
def test_every_page_loads_without_a_script_error(wide: Page, site: tuple[str, dict[str, str]], name: str) -> None:
    # A page whose script fails can still pass axe (an empty list has no violations): catch it here, as
    # an uncaught error or as the error toast a page shows when its own loading fails.
    errors: list[str] = []

    def record(error: Exception) -> None:
        errors.append(str(error))

    wide.on("pageerror", record)
    try:
        visit(wide, site, name)
        at_rest(wide)
    finally:
        wide.remove_listener("pageerror", record)
    assert errors == []
    expect(wide.locator("#toast.error")).to_have_count(0)


def test_a_wide_table_scrolls_in_its_own_named_frame_at_320(narrow: Page, site: tuple[str, dict[str, str]]) -> None:
    visit(narrow, site, "home")
    frame = narrow.get_by_role("region", name="Transcripts (table)")
    expect(frame).to_have_attribute("tabindex", "0")
    assert frame.evaluate("f => f.scrollWidth > f.clientWidth")
    frame.focus()
    narrow.keyboard.press("ArrowRight")
    expect(frame).not_to_have_js_property("scrollLeft", 0)


def test_the_compact_menu_at_320_opens_closes_with_escape_and_returns_focus(
        narrow: Page, site: tuple[str, dict[str, str]]) -> None:
    visit(narrow, site, "home")
    toggle = narrow.get_by_role("button", name="Menu")
    nav = narrow.get_by_role("navigation", name="Main")
    review = nav.get_by_role("link", name="Review", exact=True)
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(review).to_be_hidden()
    header = narrow.locator("header.top").bounding_box()
    assert header and header["height"] < 64  # the closed header leaves the 256 px screen to the page
    toggle.focus()
    narrow.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(review).to_be_visible()
    expect(nav.get_by_role("link", name="De-identification")).to_be_visible()
    review.focus()
    narrow.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    expect(review).to_be_hidden()
    narrow.keyboard.press("/")  # the search shortcut opens the closed menu to reach the search box
    expect(narrow.get_by_role("searchbox", name="Search transcripts and memos")).to_be_focused()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    narrow.keyboard.press("Escape")
    expect(toggle).to_be_focused()


def test_the_navigation_fits_two_lines_at_1366_and_names_every_page(wide: Page, site: tuple[str, dict[str, str]]) -> None:
    visit(wide, site, "review")
    nav = wide.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Review", exact=True)).to_have_attribute("aria-current", "page")
    expect(nav.get_by_role("link", name="De-identification")).to_be_visible()
    expect(wide.get_by_role("button", name="Menu")).to_be_hidden()
    box = nav.bounding_box()
    assert box and box["height"] < 45  # every link on one line
    header = wide.locator("header.top").bounding_box()
    assert header and header["height"] < 110


def test_coding_as_changes_nothing_on_arrow_keys_and_switches_on_enter(wide: Page,
                                                                      site: tuple[str, dict[str, str]]) -> None:
    visit(wide, site, "codebook")
    chooser = wide.get_by_label("Coding as")
    first = chooser.evaluate("s => s.options[s.selectedIndex].text")
    chooser.focus()
    wide.keyboard.press("ArrowDown")  # moves the choice, which alone must do nothing
    wide.wait_for_timeout(300)
    expect(wide).to_have_url(f"{site[0]}/codebook")
    assert "cotheme_member=" not in wide.evaluate("() => document.cookie")
    second = chooser.evaluate("s => s.options[s.selectedIndex].text")
    assert second != first
    with wide.expect_navigation():
        wide.keyboard.press("Enter")
    expect(wide.locator("#member-select option:checked")).to_have_text(second)
    # back to the first member, so the other tests of this module see the pages as before
    wide.get_by_label("Coding as").select_option(label=first)
    wide.wait_for_load_state()
    expect(wide.locator("#member-select option:checked")).to_have_text(first)


def test_the_focus_ring_has_3_to_1_against_what_surrounds_it(wide: Page, site: tuple[str, dict[str, str]]) -> None:
    visit(wide, site, "codebook")
    wide.keyboard.press("Tab")  # the skip link, then the brand
    wide.keyboard.press("Tab")
    style = wide.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return [s.outlineStyle, s.outlineWidth, s.outlineOffset, s.outlineColor]; }""")
    assert style[0] == "solid" and float(style[1].removesuffix("px")) >= 2
    # Drawn apart from the control, so what surrounds the ring is the page, whatever the control's colour.
    assert float(style[2].removesuffix("px")) >= 1
    ring = "#{:02X}{:02X}{:02X}".format(*(int(v) for v in style[3].removeprefix("rgb(").removesuffix(")").split(",")))
    for surrounding in ("#FFFFFF", "#F4F6F9"):  # paper, and wash (the header, table heads)
        assert contrast_ratio(ring, surrounding) >= 3.0, (ring, surrounding)


@pytest.mark.parametrize("path", ["/no-such-page", "/documents/999999", "/themes/999999"])
def test_a_missing_page_is_an_html_page_with_the_navigation(wide: Page, site: tuple[str, dict[str, str]],
                                                            path: str) -> None:
    response = wide.goto(path)
    assert response is not None and response.status == 404
    assert response.headers["content-type"].startswith("text/html")
    expect(wide.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(wide.get_by_role("navigation", name="Main").get_by_role("link", name="Codebook")).to_be_visible()
    assert wcag_violations(wide) == []


def test_an_api_error_stays_json(wide: Page, site: tuple[str, dict[str, str]]) -> None:
    response = wide.request.get(f"{site[0]}/api/v1/no-such-route")
    assert response.status == 404 and response.headers["content-type"].startswith("application/json")


@pytest.fixture
def team_site(demo_path: Path, tmp_path: Path) -> Iterator[str]:
    copy = tmp_path / "team.cotheme"
    copy.write_bytes(demo_path.read_bytes())
    project = Project.open(copy)
    project.set_password("Sam Okafor", LEAD_PASSWORD)
    with LiveServer(project) as base:
        yield base
    project.close()


@pytest.mark.parametrize("viewport", [WIDE, NARROW], ids=["1366", "320"])
def test_the_team_pages_login_and_home(browser: Browser, team_site: str, viewport: dict[str, int]) -> None:
    context = browser.new_context(viewport=viewport, base_url=team_site)
    page = context.new_page()
    try:
        page.goto("/login")
        assert wcag_violations(page) == [] and sideways(page)[0] <= sideways(page)[1]
        page.get_by_label("Name").fill("Sam Okafor")
        page.get_by_label("Password").fill(LEAD_PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page.get_by_text("Signed in as Sam Okafor")).to_be_attached()
        page.wait_for_load_state("networkidle")
        assert wcag_violations(page) == [] and sideways(page)[0] <= sideways(page)[1]
    finally:
        context.close()


def test_focus_stays_on_the_item_after_a_reconcile_decision(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    doc = project.document("P01")
    page.goto(f"/reconcile?doc={doc.id}&coders={quote('Sam Okafor,Rowan Pike')}")
    expect(page.locator("#rc-items")).to_have_attribute("data-ready", "true")
    article = page.locator("article.rc-item.differ").first
    item_id = article.get_attribute("data-item-id")
    article.locator("button.accept").first.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#toast")).to_contain_text("accepted")
    focused = page.evaluate("() => document.activeElement.closest('article[data-item-id]')?.dataset.itemId ?? "
                            "document.activeElement.tagName")
    assert focused == item_id


def test_focus_moves_to_the_next_item_when_a_review_item_goes(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    text = project.document("P01").text
    project.edit_document("P01", start=0, end=len(text), with_text="Interviewer: A new text.\n", author="Sam Okafor")
    waiting = len(project.review_queue())
    assert waiting >= 2
    page.goto("/review")
    first = page.locator(".review-item").first
    second_id = page.locator(".review-item").nth(1).get_attribute("data-coding-id")
    first.locator("button.remove").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#toast")).to_have_text("Coding removed.")
    expect(page.locator(".review-item")).to_have_count(waiting - 1)
    assert page.evaluate("() => document.activeElement.closest('.review-item')?.dataset.codingId") == second_id
