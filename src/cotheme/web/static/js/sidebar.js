// The codebook beside the transcript: every code with its count (own extracts, and with its sub-codes),
// a filter, and two ways to code the selection with one gesture — click a code, or drag it onto the
// selected passage. The passage chosen last stays marked while the hand travels to the side panel (a
// click there may take the page's selection away), until the transcript is clicked again or Escape.

import { el, toast } from "./api.js";
import { applyCode, codeById, rangeOf, rawSpan, selectedSpan, state } from "./reader.js";

const side = document.getElementById("codebook-side");
const list = document.getElementById("side-codes");
const filter = document.getElementById("side-filter");
const toggle = document.getElementById("codebook-toggle");
const turns = document.getElementById("turns");
const DRAG_TYPE = "application/x-cotheme-code";
const chosen = "highlights" in CSS ? new Highlight() : null;
if (chosen) CSS.highlights.set("coding-chosen", chosen);
let remembered = null;  // the last passage selected in the transcript

/** Own and with-sub-codes extract counts per code id (the server's figure when it gives one). */
function counts() {
  const children = new Map();
  for (const c of state.codes) {
    if (c.parent_id != null) children.set(c.parent_id, [...(children.get(c.parent_id) ?? []), c]);
  }
  const total = (c) => c.extracts_with_subcodes ?? c.extracts + (children.get(c.id) ?? []).reduce((n, k) => n + total(k), 0);
  return new Map(state.codes.map((c) => [c.id, { own: c.extracts, all: total(c), parent: children.has(c.id) }]));
}

function depth(code) {
  let n = 0;
  for (let c = code; c.parent_id != null && n < 8; c = codeById(c.parent_id) ?? { parent_id: null }) n++;
  return n;
}

function item(code, count) {
  const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
  swatch.style.backgroundColor = code.colour;
  const figure = el("span", { class: "count" }, String(count.own),
                    el("span", { class: "visually-hidden", text: count.own === 1 ? " extract" : " extracts" }));
  if (count.parent) {
    figure.append(el("span", { class: "sub", text: ` (${count.all}` }),
                  el("span", { class: "visually-hidden", text: " with sub-codes" }), el("span", { class: "sub", text: ")" }));
  }
  const button = el("button", { type: "button", class: "side-code", draggable: true, title: code.definition || code.path },
                    swatch, el("span", { class: "name", text: code.name }), figure);
  button.dataset.codeId = String(code.id);
  button.style.paddingLeft = `${0.4 + depth(code) * 0.9}rem`;
  return el("li", {}, button);
}

export function refreshSidebar() {
  const needle = filter.value.trim().toLowerCase();
  const figures = counts();
  const shown = state.codes.filter((c) => c.path.toLowerCase().includes(needle));
  list.replaceChildren(...shown.map((c) => item(c, figures.get(c.id))));
  if (!shown.length) list.append(el("li", { class: "muted", text: "No code matches." }));
}

function target() {
  return selectedSpan() ?? remembered;
}

async function apply(codeId) {
  const code = codeById(codeId);
  const span = target();
  if (!code) return;
  if (!span) { toast("Select the passage to code first, then choose its code.", true); return; }
  await applyCode(code, span);
}

/** Whether the point (x, y) lies on the passage (within a few pixels of its lines). */
function onSpan(span, x, y) {
  const slack = 6;
  return [...rangeOf(span.start, span.end).getClientRects()].some((r) =>
    x >= r.left - slack && x <= r.right + slack && y >= r.top - slack && y <= r.bottom + slack);
}

/** Remember `span` as the passage to code (the page selected it itself: no selectionchange to wait for). */
export function rememberSpan(span) {
  remembered = span;
  chosen?.clear();
}

function remember() {
  const span = rawSpan() ? selectedSpan() : null;
  if (span) { remembered = span; chosen?.clear(); }
  else if (remembered && chosen && !chosen.size) chosen.add(rangeOf(remembered.start, remembered.end));
}

export function mountSidebar() {
  refreshSidebar();
  filter.addEventListener("input", refreshSidebar);
  filter.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const first = list.querySelector(".side-code");
    if (first) apply(Number(first.dataset.codeId));
  });
  list.addEventListener("click", (event) => {
    const button = event.target.closest(".side-code");
    if (button) apply(Number(button.dataset.codeId));
  });
  list.addEventListener("dragstart", (event) => {
    const button = event.target.closest(".side-code");
    if (!button) return;
    event.dataTransfer.setData(DRAG_TYPE, button.dataset.codeId);
    event.dataTransfer.setData("text/plain", codeById(Number(button.dataset.codeId))?.name ?? "");
    event.dataTransfer.effectAllowed = "copy";
  });
  turns.addEventListener("dragover", (event) => {
    if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  });
  turns.addEventListener("drop", (event) => {
    const id = Number(event.dataTransfer.getData(DRAG_TYPE));
    if (!id) return;
    event.preventDefault();
    const span = target();
    if (span && !onSpan(span, event.clientX, event.clientY)) {
      toast("Drop the code on the selected passage.", true);
      return;
    }
    apply(id);
  });
  document.addEventListener("selectionchange", remember);
  turns.addEventListener("pointerdown", () => { remembered = null; chosen?.clear(); });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") { remembered = null; chosen?.clear(); }
  });
  // On narrower screens the codebook opens over the transcript from the toolbar's "Codes" button.
  const show = (shown) => {
    side.classList.toggle("shown", shown);
    toggle.setAttribute("aria-expanded", String(shown));
  };
  toggle.addEventListener("click", () => {
    show(!side.classList.contains("shown"));
    if (side.classList.contains("shown")) filter.focus();
  });
  side.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !side.classList.contains("shown")) return;
    event.stopPropagation();
    show(false);
    toggle.focus();
  });
}
