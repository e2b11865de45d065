// The editable thematic map: the server draws the SVG; this module fits it to its frame, zooms and
// pans it (buttons, wheel, pinch, dragging the background), lists the legend, and saves a theme's
// new position when it is dragged on the radial layout.

import { refreshOn } from "./live_pages.js";
import { api, el, toast } from "./api.js";

const holder = document.getElementById("map");
const depth = document.getElementById("map-depth");
const kind = document.getElementById("map-layout");
const legendList = document.getElementById("map-legend");
const ZOOM_STEP = 1.25;
// How far in and out the view may go, as a share of the whole drawing: closer than an eighth shows
// one label; further than four times shows a speck.
const MOST_IN = 1 / 8, MOST_OUT = 4;
let view = null; // the viewBox shown: { x, y, w, h } in layout units
let home = null; // the whole drawing, never enlarged past its own size: what "Fit" shows
let drawing = null; // the SVG's own extent

function query(extra = {}) {
  const params = new URLSearchParams();
  if (depth.value) params.set("depth", depth.value);
  params.set("layout", kind.value);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return `?${params}`;
}

async function load({ refit = false } = {}) {
  const [svgText, layout] = await Promise.all([
    fetch(`/api/v1/map.svg${query({ legend: "false" })}`, { credentials: "same-origin" }).then((r) => {
      if (!r.ok) throw new Error(`The map could not be drawn (${r.status}).`);
      return r.text();
    }),
    api("GET", `/map${query()}`),
  ]);
  const parsed = new DOMParser().parseFromString(svgText, "image/svg+xml").documentElement;
  const svg = document.importNode(parsed, true);
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  holder.replaceChildren(svg);
  showLegend(layout.legend);
  sizeFrame();
  const [x, y, w, h] = parsed.getAttribute("viewBox").split(/\s+/).map(Number);
  drawing = { x, y, w, h };
  home = fitted();
  if (refit || !view) view = { ...home };
  show();
  const nodes = new Map(layout.nodes.map((n) => [n.key, n]));
  if (layout.layout === "radial") {
    for (const group of svg.querySelectorAll("g.node[data-theme-id]")) draggable(svg, group, nodes.get(group.dataset.key));
  }
  for (const fmt of ["svg", "png", "tiff", "pdf"]) {
    document.getElementById(`map-download-${fmt}`).href = `/api/v1/map.${fmt}${query()}`;
  }
  holder.dataset.ready = "true";
}

// The whole drawing, shrunk to fit the frame if it is larger but never blown up past one layout
// unit a screen pixel: a map of three themes is shown at its own size in the middle of the frame.
function fitted() {
  const w = Math.max(drawing.w, holder.clientWidth), h = Math.max(drawing.h, holder.clientHeight);
  return { x: drawing.x - (w - drawing.w) / 2, y: drawing.y - (h - drawing.h) / 2, w, h };
}

function showLegend(items) {
  legendList.replaceChildren(...items.map((item) =>
    el("li", {}, el("span", { class: `swatch ${item.role} ${item.status}`, "aria-hidden": "true" }), item.label)));
  legendList.hidden = items.length === 0;
}

function show() {
  holder.querySelector("svg")?.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
}

function point(svg, event) {
  const p = svg.createSVGPoint();
  p.x = event.clientX;
  p.y = event.clientY;
  return p.matrixTransform(svg.getScreenCTM().inverse());
}

function zoom(factor, centre) {
  const w = Math.min(Math.max(view.w / factor, home.w * MOST_IN), home.w * MOST_OUT);
  const applied = view.w / w;
  const c = centre ?? { x: view.x + view.w / 2, y: view.y + view.h / 2 };
  view = { x: c.x - (c.x - view.x) / applied, y: c.y - (c.y - view.y) / applied, w, h: view.h / applied };
  show();
}

// Layout units per screen pixel: the SVG is drawn to fit ("meet"), so the larger ratio applies.
function unitsPerPixel() {
  return Math.max(view.w / holder.clientWidth, view.h / holder.clientHeight);
}

// Keep receiving a pointer's moves when it leaves the frame; a pointer the browser no longer
// tracks (released already, or made up by a script) cannot be captured, and needs not be.
function capture(target, id) {
  try { target.setPointerCapture(id); } catch { /* nothing to hold on to */ }
}

const pointers = new Map();
let pan = null;
holder.addEventListener("pointerdown", (event) => {
  if (event.target.closest("g.draggable")) return;
  pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
  capture(holder, event.pointerId);
  pan = { x: event.clientX, y: event.clientY, view: { ...view } };
  holder.classList.add("panning");
});
holder.addEventListener("pointermove", (event) => {
  if (!pointers.has(event.pointerId)) return;
  const before = [...pointers.values()];
  pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
  if (pointers.size === 2) { // a pinch: zoom by the change in distance, around the midpoint
    const after = [...pointers.values()];
    const gap = (ps) => Math.hypot(ps[0].x - ps[1].x, ps[0].y - ps[1].y);
    const mid = { clientX: (after[0].x + after[1].x) / 2, clientY: (after[0].y + after[1].y) / 2 };
    if (gap(before) > 0) zoom(gap(after) / gap(before), point(holder.querySelector("svg"), mid));
    pan = null;
    return;
  }
  if (!pan) return;
  const scale = unitsPerPixel();
  view = { ...pan.view, x: pan.view.x - (event.clientX - pan.x) * scale, y: pan.view.y - (event.clientY - pan.y) * scale };
  show();
});
for (const type of ["pointerup", "pointercancel"]) {
  holder.addEventListener(type, (event) => {
    pointers.delete(event.pointerId);
    pan = null;
    holder.classList.remove("panning");
  });
}
holder.addEventListener("wheel", (event) => {
  const svg = holder.querySelector("svg");
  if (!svg || !view) return;
  event.preventDefault();
  zoom(event.deltaY < 0 ? 1.15 : 1 / 1.15, point(svg, event));
}, { passive: false });

function draggable(svg, group, node) {
  group.classList.add("draggable");
  group.setAttribute("tabindex", "0");
  group.setAttribute("role", "button");
  group.setAttribute("aria-describedby", "map-help");
  const STEPS = { ArrowLeft: [-20, 0], ArrowRight: [20, 0], ArrowUp: [0, -20], ArrowDown: [0, 20] };
  group.addEventListener("keydown", async (event) => {
    const step = STEPS[event.key];
    if (!step) return;
    event.preventDefault();
    await save(group, node, step[0], step[1]);
    holder.querySelector(`g.node[data-theme-id="${group.dataset.themeId}"]`)?.focus();
  });
  let start = null;
  group.addEventListener("pointerdown", (event) => {
    event.stopPropagation();
    start = point(svg, event);
    capture(group, event.pointerId);
  });
  group.addEventListener("pointermove", (event) => {
    if (!start) return;
    const now = point(svg, event);
    group.setAttribute("transform", `translate(${now.x - start.x} ${now.y - start.y})`);
  });
  group.addEventListener("pointerup", async (event) => {
    if (!start) return;
    event.stopPropagation();
    const now = point(svg, event);
    const dx = now.x - start.x, dy = now.y - start.y;
    start = null;
    if (Math.hypot(dx, dy) < 2) return;
    await save(group, node, dx, dy);
  });
}

async function save(group, node, dx, dy) {
  try {
    await api("POST", "/map/positions", { positions: { [group.dataset.themeId]: [node.x + dx, node.y + dy] } });
    toast("Position saved.");
    await load();
  } catch (error) {
    toast(error.message, true);
  }
}

function fail(error) { toast(error.message, true); }

// The frame takes the rest of the window below it (never under 16 rem), so the whole map is seen
// without scrolling the page; the SVG inside fits whatever size that is.
function sizeFrame() {
  const top = holder.getBoundingClientRect().top + window.scrollY;
  const rest = window.innerHeight - top - legendList.offsetHeight - 24; // the legend stays in sight too
  holder.style.height = `${Math.max(rest, 16 * parseFloat(getComputedStyle(document.documentElement).fontSize))}px`;
}
window.addEventListener("resize", sizeFrame);
sizeFrame();

document.getElementById("map-zoom-in").addEventListener("click", () => zoom(ZOOM_STEP));
document.getElementById("map-zoom-out").addEventListener("click", () => zoom(1 / ZOOM_STEP));
document.getElementById("map-fit").addEventListener("click", () => { home = fitted(); view = { ...home }; show(); });
document.getElementById("map-reset").addEventListener("click", async () => {
  try {
    await api("POST", "/map/reset");
    await load({ refit: true });
    toast("Back to the automatic layout.");
  } catch (error) {
    fail(error);
  }
});
depth.addEventListener("change", () => load({ refit: true }).catch(fail));
kind.addEventListener("change", () => load({ refit: true }).catch(fail));
load({ refit: true }).catch(fail);
refreshOn(["theme", "code"], () => load());  // someone else's change to the themes or codes redraws the map
