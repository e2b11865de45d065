"""The map page in Chromium: the whole map fits its frame on load at 1,366 x 900 and 1,024 x 768 with no
sideways scroll, zoom (buttons, wheel, pinch) and pan change the view and Fit brings it back, a dragged
theme keeps its place after a reload, the legend names the borders, and axe finds nothing on the page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from cotheme.services.project import Project
from tests.web.conftest import SHOTS, TOKEN, accessible

SIZES = [(1366, 900), (1024, 768)]


@pytest.fixture(params=SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def sized(request: pytest.FixtureRequest, browser: Browser, live: tuple[str, Project]) -> Iterator[Page]:
    base, _ = live
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height}, base_url=base)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.goto(f"/?token={TOKEN}")
    opened.goto("/map")
    expect(opened.locator("#map")).to_have_attribute("data-ready", "true")
    yield opened
    context.close()
    assert errors == []


def view_box(page: Page) -> list[float]:
    return [float(v) for v in (page.locator("#map svg").get_attribute("viewBox") or "").split()]


def node_boxes(page: Page) -> list[dict[str, float]]:
    boxes = [page.locator("#map g.node").nth(i).bounding_box() for i in range(page.locator("#map g.node").count())]
    assert boxes and all(b is not None for b in boxes)
    return [b for b in boxes if b is not None]


def test_the_whole_map_is_inside_its_frame_on_load(sized: Page) -> None:
    frame = sized.locator("#map").bounding_box()
    assert frame is not None
    viewport = sized.viewport_size
    assert viewport is not None
    assert frame["x"] >= 0 and frame["x"] + frame["width"] <= viewport["width"]
    assert frame["y"] + frame["height"] <= viewport["height"]  # the frame itself is seen without scrolling
    legend = sized.locator("#map-legend").bounding_box()
    assert legend is not None and legend["y"] + legend["height"] <= viewport["height"]  # and its legend
    for box in node_boxes(sized):
        assert box["x"] >= frame["x"] - 1 and box["y"] >= frame["y"] - 1
        assert box["x"] + box["width"] <= frame["x"] + frame["width"] + 1
        assert box["y"] + box["height"] <= frame["y"] + frame["height"] + 1
    assert sized.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    expect(sized.locator("#map-legend li")).to_contain_text(["Overarching theme", "Theme", "Subtheme"])
    expect(sized.locator("#map-legend")).to_contain_text("Candidate theme")
    SHOTS.mkdir(parents=True, exist_ok=True)
    sized.screenshot(path=str(SHOTS / f"map-{viewport['width']}.png"))


def test_zoom_pan_and_fit_change_the_view(sized: Page) -> None:
    home = view_box(sized)
    sized.click("#map-zoom-in")
    zoomed = view_box(sized)
    assert zoomed[2] < home[2] * 0.9 and zoomed[3] < home[3] * 0.9
    frame = sized.locator("#map").bounding_box()
    assert frame is not None
    # pan: drag the background (the frame's bottom-left corner holds no node)
    sized.mouse.move(frame["x"] + 12, frame["y"] + frame["height"] - 12)
    sized.mouse.down()
    sized.mouse.move(frame["x"] + 212, frame["y"] + frame["height"] - 112, steps=6)
    sized.mouse.up()
    panned = view_box(sized)
    # the drawing follows the pointer: right and up moves the view left and down
    assert panned[0] < zoomed[0] - 50 and panned[1] > zoomed[1] + 20 and panned[2] == pytest.approx(zoomed[2])
    sized.mouse.move(frame["x"] + frame["width"] / 2, frame["y"] + frame["height"] / 2)
    sized.mouse.wheel(0, 300)  # the wheel zooms out around the pointer
    assert view_box(sized)[2] > panned[2]
    sized.click("#map-zoom-out")
    sized.click("#map-fit")
    assert view_box(sized) == pytest.approx(home)
    # a pinch: two pointers moving apart zoom in
    sized.evaluate("""() => {
      const map = document.getElementById('map');
      const r = map.getBoundingClientRect();
      const cx = r.left + 20, cy = r.bottom - 20;
      const fire = (type, id, x) => map.dispatchEvent(new PointerEvent(type, {pointerId: id, clientX: x, clientY: cy,
        bubbles: true, isPrimary: id === 1, pointerType: 'touch'}));
      fire('pointerdown', 1, cx); fire('pointerdown', 2, cx + 40);
      fire('pointermove', 2, cx + 120);
      fire('pointerup', 1, cx); fire('pointerup', 2, cx + 120);
    }""")
    assert view_box(sized)[2] < home[2] * 0.6


def test_a_dragged_theme_keeps_its_place_after_a_reload(page: Page, live: tuple[str, Project]) -> None:
    _, project = live
    page.goto("/map")
    expect(page.locator("#map")).to_have_attribute("data-ready", "true")
    node = page.locator("g.node[data-theme-id]").nth(2)
    theme_id = int(node.get_attribute("data-theme-id") or "0")
    before = float(node.locator("rect").get_attribute("x") or "0")
    box = node.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 80, box["y"] + box["height"] / 2 + 30, steps=6)
    page.mouse.up()
    expect(page.locator("#toast")).to_contain_text("Position saved")
    saved = next(s.theme for s in project.themes() if s.theme.id == theme_id)
    assert saved.x is not None
    page.reload()
    expect(page.locator("#map")).to_have_attribute("data-ready", "true")
    moved = page.locator(f'g.node[data-theme-id="{theme_id}"]')
    after = float(moved.locator("rect").get_attribute("x") or "0")
    width = float(moved.locator("rect").get_attribute("width") or "0")
    assert after > before + 20 and after == pytest.approx(saved.x - width / 2, abs=0.2)
    frame = page.locator("#map").bounding_box()
    placed = moved.bounding_box()
    assert frame is not None and placed is not None  # the frame still fits the moved map
    assert placed["x"] + placed["width"] <= frame["x"] + frame["width"] + 1
    page.select_option("#map-layout", "tree")  # the tree is not draggable and ignores dragged positions
    expect(page.locator("g.node.draggable")).to_have_count(0)
    expect(page.locator("#map-download-png")).to_have_attribute("href", "/api/v1/map.png?layout=tree")


def test_map_page_passes_axe_including_label_content_name_mismatch(page: Page) -> None:
    page.goto("/map")
    expect(page.locator("#map")).to_have_attribute("data-ready", "true")
    accessible(page)
    # label-content-name-mismatch is "experimental" in axe, so off unless asked for: ask for it.
    options = {"resultTypes": ["violations"], "rules": {"label-content-name-mismatch": {"enabled": True}}}
    violations = Axe().run(page, options=options).response["violations"]
    assert [v["id"] for v in violations if v["id"] in ("label-content-name-mismatch", "target-size", "button-name")] == []
    for name in ("Zoom in", "Zoom out", "Fit"):
        expect(page.get_by_role("button", name=name, exact=True)).to_be_visible()
    theme = page.locator("g.node.draggable").first
    label = " ".join(t.strip() for t in theme.locator("text").all_text_contents())
    expect(page.get_by_role("button", name=label, exact=True)).to_have_count(1)
