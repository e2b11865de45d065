// The codings drawn beside the transcript, and told in reading order to screen readers.
//
// For the eye (the margin, hidden from screen readers): each coding is a thin bar in a lane beside its
// passage (overlapping codings side by side) and a label — colour swatch and code name, with the
// coder's initials in team projects — level with the passage's first line. Labels that no longer fit
// beside their passage (crowded places, narrow screens) collapse to their colour; the name stays in the
// label's tooltip and in the list below. Labels are the click targets (24 px tall at least).
// For screen readers and the keyboard: after each turn, a list of the codings starting in it, in
// reading order, each with its code, coder, place and quote; focusing one shows the list.

import { el } from "./api.js";
import { plural } from "./common.js";
import { initials, placeOf, showCoders } from "./positions.js";
import { openPanel } from "./panel.js";
import { rangeOf, state } from "./reader.js";

const reader = document.getElementById("reader");
const margin = document.getElementById("margin");
const LANE = 8;       // px between bars
const ROW = 26;       // px per label row: a 24 px target and a 2 px gap
const SQUARE = 26;    // px per collapsed label (24 px target and gap)
const hover = "highlights" in CSS ? new Highlight() : null;
if (hover) CSS.highlights.set("coding-hover", hover);

function measure() {
  const base = reader.getBoundingClientRect().top;
  const placed = [];
  for (const coding of state.codings) {
    let top = Infinity, bottom = -Infinity;
    for (const r of rangeOf(coding.start, coding.end).getClientRects()) {
      if (r.width === 0 && r.height === 0) continue;
      if (r.top < top) top = r.top;
      if (r.bottom > bottom) bottom = r.bottom;
    }
    if (Number.isFinite(top)) placed.push({ coding, top: top - base, bottom: bottom - base });
  }
  return placed.sort((a, b) => a.top - b.top || b.bottom - a.bottom || a.coding.start - b.coding.start);
}

function labelText(coding, coders) {
  const who = coders && coding.coder ? ` · ${initials(coding.coder)}` : "";
  return `${coding.code}${who}`;
}

function describe(coding) {
  return `${coding.code_path}${coding.coder ? `, coded by ${coding.coder}` : ""}, ${placeOf(coding.start, coding.end)}`;
}

/** Place labels top to bottom: full labels one per row, collapsed ones side by side in a row. */
function layoutLabels(placed, width) {
  const perRow = Math.max(Math.floor(width / SQUARE), 1);
  let next = 0;            // the first free y below the labels placed so far
  let row = null;          // the row of collapsed labels being filled: { y, used }
  return placed.map((p) => {
    const fits = width >= 96 && Math.max(p.top, next) <= p.top + Math.max(p.bottom - p.top - ROW, 30);
    if (fits) {
      const y = Math.max(p.top, next);
      next = y + ROW;
      row = null;
      return { y, x: 0, full: true };
    }
    if (!row || row.used >= perRow || row.y + ROW < p.top - ROW) {
      row = { y: Math.max(p.top, next), used: 0 };
      next = row.y + ROW;
    }
    const x = width - SQUARE * (row.used + 1);
    row.used += 1;
    return { y: row.y, x: Math.max(x, 0), full: false };
  });
}

/** Each bar's lane: overlapping codings side by side; with lanes by coder, each coder's codings in
 *  their own group of lanes (left to right in the order of `laneCoders`), an empty lane between groups. */
function assignLanes(placed) {
  const groups = state.lanesByCoder ? laneCoders(placed) : [null];
  const bars = new Array(placed.length);
  let offset = 0;
  for (const coder of groups) {
    const lanes = [];
    placed.forEach((p, i) => {
      if (coder !== null && (p.coding.coder ?? "") !== coder) return;
      let lane = lanes.findIndex((bottom) => bottom <= p.top);
      if (lane < 0) { lane = lanes.length; lanes.push(0); }
      lanes[lane] = p.bottom + 2;
      bars[i] = offset + lane;
    });
    offset += Math.max(lanes.length, 1) + (coder === null ? 0 : 1);
  }
  return { bars, width: offset };
}

export function laneCoders(placed = state.codings.map((coding) => ({ coding }))) {
  return [...new Set(placed.map((p) => p.coding.coder ?? ""))].sort((a, b) => a.localeCompare(b));
}

function drawLegend() {
  const legend = document.getElementById("lanes-legend");
  if (!legend) return;
  legend.hidden = !state.lanesByCoder;
  legend.textContent = state.lanesByCoder
    ? `Lanes by coder, left to right: ${laneCoders().map((c) => c || "no coder").join(", ")}.` : "";
}

function drawMargin(placed, colours, coders) {
  const { bars, width } = assignLanes(placed);
  const labelWidth = parseFloat(getComputedStyle(margin).getPropertyValue("--label-width")) || 0;
  const spots = layoutLabels(placed, labelWidth);
  const fragment = document.createDocumentFragment();
  placed.forEach((p, i) => {
    const colour = colours.get(p.coding.code_id) ?? "#767676";
    const id = String(p.coding.id);
    const bar = el("div", { class: "bar" });
    bar.dataset.codingId = id;
    Object.assign(bar.style, { top: `${p.top}px`, height: `${Math.max(p.bottom - p.top, 6)}px`,
                               left: `${labelWidth + 6 + bars[i] * LANE}px`, backgroundColor: colour });
    const text = labelText(p.coding, coders);
    const stripe = el("button", { class: spots[i].full ? "stripe" : "stripe collapsed", type: "button",
                                  tabIndex: -1, title: `${text} — ${describe(p.coding)}` },
                      el("span", { class: "swatch" }), el("span", { class: "stripe-label", text }));
    stripe.dataset.codingId = id;
    stripe.style.setProperty("--code-colour", colour);
    Object.assign(stripe.style, { top: `${spots[i].y}px`, left: `${spots[i].x}px` });
    if (spots[i].full) stripe.style.width = `${labelWidth}px`;
    fragment.append(bar, stripe);
  });
  margin.replaceChildren(fragment);
  margin.style.width = `${labelWidth + 6 + Math.max(width, 1) * LANE + 4}px`;
  drawLegend();
}

function drawLists(coders) {
  const byTurn = new Map();
  for (const coding of [...state.codings].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const holder = state.turns.findLast((t) => t.start <= coding.start) ?? state.turns[0];
    if (!byTurn.has(holder)) byTurn.set(holder, []);
    byTurn.get(holder).push(coding);
  }
  for (const turn of state.turns) {
    const box = turn.section.querySelector(".turn-codings");
    const codings = byTurn.get(turn);
    if (!codings) { box.replaceChildren(); continue; }
    const items = codings.map((coding) => {
      const quote = coding.text.length > 120 ? `${coding.text.slice(0, 117)}…` : coding.text;
      const open = el("button", { type: "button", class: "open-coding",
                                  text: `${labelText(coding, coders)} (${describe(coding)}): “${quote}”` });
      open.dataset.openCoding = String(coding.id);
      return el("li", {}, open);
    });
    const n = codings.length;
    box.replaceChildren(el("ul", { "aria-label": `${n} ${n === 1 ? "coding" : "codings"} starting in turn ${turn.number}` }, ...items));
  }
}

/** Draw the margin and the lists; `later` leaves the lists to the next task (the page's first draw). */
export function draw({ later = false } = {}) {
  const colours = new Map(state.codes.map((c) => [c.id, c.colour]));
  const coders = showCoders();
  drawMargin(measure(), colours, coders);
  if (later) setTimeout(() => drawLists(coders), 0);
  else drawLists(coders);
  const total = state.codings.length + state.hiddenCodings;
  document.getElementById("coding-count").textContent = String(total);
  document.getElementById("coding-noun").textContent = plural("coding", total);
}

function codingOf(event) {
  const node = event.target.closest?.("[data-coding-id], [data-open-coding]");
  const id = Number(node?.dataset.codingId ?? node?.dataset.openCoding);
  return state.codings.find((c) => c.id === id);
}

function light(coding) {
  if (!hover) return;
  hover.clear();
  if (coding) hover.add(rangeOf(coding.start, coding.end));
}

margin.addEventListener("mouseover", (event) => light(codingOf(event)));
margin.addEventListener("mouseout", () => light(null));
margin.addEventListener("click", (event) => {
  const coding = codingOf(event);
  if (coding) openPanel(coding);
});
const turns = document.getElementById("turns");
turns.addEventListener("click", (event) => {
  const coding = event.target.closest?.("[data-open-coding]") && codingOf(event);
  if (coding) openPanel(coding);
});
turns.addEventListener("focusin", (event) => light(event.target.dataset?.openCoding ? codingOf(event) : null));
