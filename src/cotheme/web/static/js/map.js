// The editable thematic map: the server draws the SVG; dragging a theme saves its new position.

import { api, toast } from "./api.js";

const holder = document.getElementById("map");
const depth = document.getElementById("map-depth");

async function load() {
  const query = depth.value ? `?depth=${depth.value}` : "";
  const [svgText, layout] = await Promise.all([
    fetch(`/api/v1/map.svg${query}`, { credentials: "same-origin" }).then((r) => r.text()),
    api("GET", `/map${query}`),
  ]);
  const parsed = new DOMParser().parseFromString(svgText, "image/svg+xml").documentElement;
  holder.replaceChildren(document.importNode(parsed, true));
  const centres = new Map(layout.nodes.map((n) => [n.key, n]));
  for (const group of holder.querySelectorAll("g.node[data-theme-id]")) draggable(group, centres.get(group.dataset.key));
  holder.dataset.ready = "true";
}

function point(svg, event) {
  const p = svg.createSVGPoint();
  p.x = event.clientX;
  p.y = event.clientY;
  return p.matrixTransform(svg.getScreenCTM().inverse());
}

function draggable(group, node) {
  const svg = holder.querySelector("svg");
  group.classList.add("draggable");
  group.setAttribute("tabindex", "0");
  group.setAttribute("role", "button");
  // The name starts with the words the map shows (speech users say what they see); how to move it follows.
  group.setAttribute("aria-label", `${group.textContent.replace(/\s+/g, " ").trim() || node.label}, theme: drag or use the arrow keys to move`);
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
    start = point(svg, event);
    group.setPointerCapture(event.pointerId);
  });
  group.addEventListener("pointermove", (event) => {
    if (!start) return;
    const now = point(svg, event);
    group.setAttribute("transform", `translate(${now.x - start.x} ${now.y - start.y})`);
  });
  group.addEventListener("pointerup", async (event) => {
    if (!start) return;
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

document.getElementById("map-reset").addEventListener("click", async () => {
  try {
    await api("POST", "/map/reset");
    await load();
    toast("Back to the automatic layout.");
  } catch (error) {
    toast(error.message, true);
  }
});
depth.addEventListener("change", () => load().catch((error) => toast(error.message, true)));
load().catch((error) => toast(error.message, true));
