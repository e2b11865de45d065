// The transcript reader: select text and code it, codings as stripes in the margin, the coding panel.
// Offsets sent to and read from the server are code points (see offsets.js).

import { api, el, readJson, toast } from "./api.js";
import { typing } from "./common.js";
import { cpToUtf16, utf16ToCp } from "./offsets.js";
import { openEditor } from "./editmode.js";
import { mountMemoBox } from "./memobox.js";
import { openPanel } from "./panel.js";
import { openPicker } from "./picker.js";

const reader = document.getElementById("reader");
const margin = document.getElementById("margin");
const button = document.getElementById("code-button");
const documentId = Number(reader.dataset.documentId);

export const state = {
  codes: readJson("codes-data"),
  codings: readJson("codings-data"),
  turns: [...document.querySelectorAll("#turns .text")].map((node) => {
    const text = node.firstChild ?? node.appendChild(document.createTextNode(""));
    // Without surrogate pairs (almost every turn) code points and UTF-16 units count alike.
    return { node, section: node.parentElement, start: Number(node.dataset.start),
             end: Number(node.dataset.end), text, plain: !/[\uD800-\uDFFF]/.test(text.data) };
  }),
  current: -1,
  documentId,
};

export function codeById(id) { return state.codes.find((c) => c.id === id); }

/** The turn whose span holds code point `cp` (the last turn starting at or before it). */
export function turnAt(cp) {
  let lo = 0, hi = state.turns.length - 1, found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (state.turns[mid].start <= cp) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return state.turns[found];
}

/** A DOM Range over code points start-end of the document. */
export function rangeOf(start, end) {
  const first = turnAt(start);
  let last = turnAt(Math.max(start, end - 1));
  const range = document.createRange();
  const a = Math.min(Math.max(start, first.start), first.end) - first.start;
  const b = Math.min(Math.max(end, last.start), last.end) - last.start;
  range.setStart(first.text, first.plain ? a : cpToUtf16(first.text.data, a));
  range.setEnd(last.text, last.plain ? b : cpToUtf16(last.text.data, b));
  return range;
}

/** The selection as code points {start, end}, or null when nothing of the transcript is selected. */
export function selectedSpan() {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const hit = state.turns.filter((t) => range.intersectsNode(t.text));
  if (hit.length === 0) return null;
  const first = hit[0], last = hit[hit.length - 1];
  const start = range.startContainer === first.text
    ? first.start + utf16ToCp(first.text.data, range.startOffset) : first.start;
  const end = range.endContainer === last.text
    ? last.start + utf16ToCp(last.text.data, range.endOffset) : last.end;
  return end > start ? { start, end } : null;
}

// -- stripes --------------------------------------------------------------------------------------
const highlight = "highlights" in CSS ? new Highlight() : null;
if (highlight) CSS.highlights.set("coding-hover", highlight);

export function draw() {
  const base = reader.getBoundingClientRect().top;
  const colours = new Map(state.codes.map((c) => [c.id, c.colour]));
  const placed = [];
  for (const coding of state.codings) {
    let top = Infinity, bottom = -Infinity;
    for (const r of rangeOf(coding.start, coding.end).getClientRects()) {
      if (r.top < top) top = r.top;
      if (r.bottom > bottom) bottom = r.bottom;
    }
    if (Number.isFinite(top)) placed.push({ coding, top: top - base, bottom: bottom - base });
  }
  placed.sort((a, b) => a.top - b.top || b.bottom - a.bottom);
  const lanes = [];
  const fragment = document.createDocumentFragment();
  for (const p of placed) {
    let lane = lanes.findIndex((bottom) => bottom <= p.top);
    if (lane < 0) { lane = lanes.length; lanes.push(0); }
    lanes[lane] = p.bottom + 2;
    const label = `${p.coding.code_path} — ${p.coding.coder ?? "unknown coder"}`;
    const stripe = el("button", { class: "stripe", title: label, "aria-label": `Coding: ${label}`, type: "button" });
    stripe.dataset.codingId = p.coding.id;
    stripe.style.top = `${p.top}px`;
    stripe.style.height = `${Math.max(p.bottom - p.top, 6)}px`;
    stripe.style.left = `${lane * 9}px`;
    stripe.style.backgroundColor = colours.get(p.coding.code_id) ?? "#999999";
    fragment.append(stripe);
  }
  margin.replaceChildren(fragment);
  margin.style.width = `${Math.max(lanes.length, 1) * 9 + 6}px`;
  document.getElementById("coding-count").textContent = String(state.codings.length);
}

margin.addEventListener("mouseover", (event) => {
  const id = Number(event.target.dataset?.codingId);
  const coding = state.codings.find((c) => c.id === id);
  if (highlight && coding) { highlight.clear(); highlight.add(rangeOf(coding.start, coding.end)); }
});
margin.addEventListener("mouseout", () => highlight?.clear());
margin.addEventListener("click", (event) => {
  const id = Number(event.target.dataset?.codingId);
  const coding = state.codings.find((c) => c.id === id);
  if (coding) openPanel(coding);
});

// -- coding a selection ---------------------------------------------------------------------------
export async function applyCode(code, span, path = "/codings") {  // or "/suggest/accept" (suggest.js)
  try {
    const coding = await api("POST", path, { document_id: documentId, code_id: code.id, start: span.start, end: span.end });
    state.codings.push(coding);
    code.extracts += 1;
    draw();
    toast(`Coded “${coding.text.slice(0, 40)}” as ${coding.code_path}.`);
    return coding;
  } catch (error) {
    toast(error.message, true);
    return null;
  }
}

export async function createCode(name) {
  const code = await api("POST", "/codes", { name });
  state.codes.push(code);
  return code;
}

function codeSelection() {
  const span = selectedSpan();
  if (!span) { toast("Select some text of the transcript first.", true); return; }
  const rect = window.getSelection().getRangeAt(0).getBoundingClientRect();
  openPicker(rect, span);
}

const editButton = document.getElementById("edit-button");
button.addEventListener("click", codeSelection);
editButton.addEventListener("click", openEditor);
document.addEventListener("selectionchange", () => {
  const none = selectedSpan() === null;
  button.disabled = none;
  editButton.disabled = none;
});

// -- keyboard -------------------------------------------------------------------------------------
function moveTurn(step) {
  const next = Math.min(Math.max(state.current + step, 0), state.turns.length - 1);
  state.turns[state.current]?.section.classList.remove("current");
  state.current = next;
  const section = state.turns[next].section;
  section.classList.add("current");
  section.focus({ preventScroll: true });
  section.scrollIntoView({ block: "center" });
}

document.addEventListener("keydown", (event) => {
  if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === "j") { event.preventDefault(); moveTurn(1); }
  else if (event.key === "k") { event.preventDefault(); moveTurn(-1); }
  else if (event.key === "c") { event.preventDefault(); codeSelection(); }
  else if (event.key === "e") { event.preventDefault(); openEditor(); }
});

// -- jump to a place: #o=start-end ----------------------------------------------------------------
function jump() {
  const match = /^#o=(\d+)-(\d+)$/.exec(location.hash);
  if (!match) return;
  const range = rangeOf(Number(match[1]), Number(match[2]));
  const section = turnAt(Number(match[1])).section;
  section.scrollIntoView({ block: "center" });
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

let resizeTimer = null;
window.addEventListener("resize", () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(draw, 100); });
window.addEventListener("hashchange", jump);
draw();
jump();
const docMemos = document.getElementById("doc-memos");
document.querySelector(".doc-memos").addEventListener("toggle", () => {
  mountMemoBox(docMemos, "document", documentId).catch((error) => toast(error.message, true));
}, { once: true });
reader.dataset.readyMs = String(Math.round(performance.now()));  // read by bench/web_bench.py
reader.dataset.ready = "true";
