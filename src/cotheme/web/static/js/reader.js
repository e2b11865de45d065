// The transcript reader: its state (codes, codings, turns), selections as code-point spans, coding a
// selection, the keys, and jumping to a place. Drawing the stripes is stripes.js's, the codebook side
// panel sidebar.js's, keyboard selection and word snapping selection.js's.
// Offsets sent to and read from the server are code points (see offsets.js); the page never shows them.

import { api, el, readJson, toast } from "./api.js";
import { typing } from "./common.js";
import { cpToUtf16, utf16ToCp } from "./offsets.js";
import { openEditor } from "./editmode.js";
import { mountMemoBox } from "./memobox.js";
import { openPicker } from "./picker.js";
import { placeOf } from "./positions.js";
import { keyboardSelection, snapped, trackPointer } from "./selection.js";
import { mountSidebar, refreshSidebar, rememberSpan } from "./sidebar.js";
import { draw } from "./stripes.js";

const reader = document.getElementById("reader");
const button = document.getElementById("code-button");
const documentId = Number(reader.dataset.documentId);

const data = readJson("reader-data");  // the first screen's codings, compact (web/reader_data.py)
const more = document.getElementById("turns-more");  // the sentinel after the turns loaded so far

function turnOf(node) {
  const text = node.firstChild ?? node.appendChild(document.createTextNode(""));
  const section = node.parentElement;
  // Without surrogate pairs (almost every turn) code points and UTF-16 units count alike.
  return { node, section, start: Number(node.dataset.start), end: Number(node.dataset.end), text,
           plain: !/[\uD800-\uDFFF]/.test(text.data), number: Number(section.dataset.index) + 1,
           speaker: section.dataset.speaker || "", time: section.dataset.time || "" };
}

export const state = {
  codes: readJson("codes-data"),
  codings: [],
  turns: [...document.querySelectorAll("#turns .text")].map(turnOf),
  totalTurns: data.t,
  hiddenCodings: 0,       // codings starting in turns not loaded yet (the header counts them too)
  manyCoders: data.m,     // more than one person coded this document (stripes then name the coder)
  lanesByCoder: window.location.hash === "#lanes",  // each coder's codings in their own lanes (calibration)
  current: -1,
  documentId,
  team: reader.dataset.team === "true",
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
  const last = turnAt(Math.max(start, end - 1));
  const range = document.createRange();
  const a = Math.min(Math.max(start, first.start), first.end) - first.start;
  const b = Math.min(Math.max(end, last.start), last.end) - last.start;
  range.setStart(first.text, first.plain ? a : cpToUtf16(first.text.data, a));
  range.setEnd(last.text, last.plain ? b : cpToUtf16(last.text.data, b));
  return range;
}

/** The page's selection exactly as the browser has it, in code points, or null. */
export function rawSpan() {
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

/** The selection to code, snapped to whole words (unless it was made with Alt held), or null. */
export function selectedSpan() {
  const span = rawSpan();
  return span && snapped(span);
}

/** Select code points start-end on the page (the browser's own selection, so copy and `e` work too). */
export function selectSpan(span) {
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(rangeOf(span.start, span.end));
  rememberSpan(span);
}

// -- turns and codings as they arrive -------------------------------------------------------------
/** Codings from their compact rows: the objects the API's ExtractOut has, as far as the page uses them. */
function expand(batch) {
  return batch.c.map(([id, codeId, start, end, coder, text]) => {
    const code = codeById(codeId);
    return { id, document_id: documentId, code_id: codeId, code: code?.name ?? "", code_path: code?.path ?? "",
             coder: batch.k[coder] || null, start, end, text: text ?? textOf(start, end) };
  });
}

/** Code points start-end of the transcript, from the (loaded) turn they lie in. */
function textOf(start, end) {
  const turn = turnAt(start);
  const a = start - turn.start, b = Math.min(end, turn.end) - turn.start;
  const data = turn.text.data;
  return turn.plain ? data.slice(a, b) : data.slice(cpToUtf16(data, a), cpToUtf16(data, b));
}

function buildTurn([index, speaker, start, end, time, text]) {  // as reader.html draws the first screen
  const label = `Turn ${index + 1}${speaker ? `, ${speaker}` : ""}${time ? `, ${time}` : ""}`;
  const section = el("div", { class: "turn", id: `turn-${index}`, tabIndex: -1, role: "group", "aria-label": label });
  section.dataset.index = String(index);
  section.dataset.speaker = speaker;
  if (time) section.dataset.time = time;
  const who = el("div", { class: "speaker" }, el("span", { class: "turn-no", text: String(index + 1) }));
  if (time) who.append(" ", el("span", { class: "time", text: time }));
  who.append(` ${speaker}`);
  const body = el("div", { class: "text", text });
  body.dataset.start = String(start);
  body.dataset.end = String(end);
  section.append(who, body, el("div", { class: "turn-codings" }));
  return section;
}

export function allLoaded() { return state.turns.length >= state.totalTurns; }

let loading = null;
/** Fetch the next `limit` turns and the codings starting in them; resolves to whether any came. */
export function loadMore(limit = data.b) {
  if (loading) return loading;
  if (allLoaded()) return Promise.resolve(false);
  const from = state.turns.length;
  loading = api("GET", `/documents/${documentId}/turns?from=${from}&limit=${limit}`).then((batch) => {
    const fragment = document.createDocumentFragment();
    const sections = batch.t.map(buildTurn);
    fragment.append(...sections);
    more.before(fragment);
    for (const section of sections) state.turns.push(turnOf(section.querySelector(".text")));
    const added = expand(batch);
    state.codings.push(...added);
    state.hiddenCodings = Math.max(state.hiddenCodings - added.length, 0);
    if (allLoaded() || sections.length === 0) {
      state.totalTurns = state.turns.length;
      more.remove();
    } else {
      more.textContent = `Loading turns ${state.turns.length + 1}–${state.totalTurns}…`;
    }
    draw();
    return sections.length > 0;
  }).finally(() => { loading = null; });
  return loading;
}

/** Load turns until code point `cp` lies in a loaded turn (for a link to a place further on). */
export async function loadUpTo(cp) {
  while (!allLoaded() && state.turns[state.turns.length - 1].end < cp) {
    if (!(await loadMore(500))) break;  // a far place: in big steps (one drawing each)
  }
}

function nearEnd() {
  return more.isConnected && more.getBoundingClientRect().top < window.innerHeight + 1500;
}

if (more) {
  const watcher = new IntersectionObserver(async (entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    try {
      while (nearEnd() && await loadMore()) { /* until the sentinel is out of reach again */ }
    } catch (error) { toast(error.message, true); }
    if (!more.isConnected) watcher.disconnect();
  }, { rootMargin: "1500px 0px" });
  watcher.observe(more);
}

// -- coding a selection ---------------------------------------------------------------------------
export async function applyCode(code, span, path = "/codings") {  // or "/suggest/accept" (suggest.js)
  try {
    const coding = await api("POST", path, { document_id: documentId, code_id: code.id, start: span.start, end: span.end });
    // The live feed may have brought this coding in already (its event can beat this answer).
    const known = state.codings.findIndex((c) => c.id === coding.id);
    if (known >= 0) state.codings[known] = coding; else state.codings.push(coding);
    code.extracts += 1;
    draw();
    refreshSidebar();
    toast(`Coded “${coding.text.slice(0, 40)}” (${placeOf(coding.start, coding.end)}) as ${coding.code_path}.`);
    return coding;
  } catch (error) {
    toast(error.message, true);
    return null;
  }
}

export async function createCode(name) {
  const code = await api("POST", "/codes", { name });
  state.codes.push(code);
  refreshSidebar();
  return code;
}

function codeSelection() {
  const span = selectedSpan();
  if (!span) { toast("Select some text of the transcript first (or focus a turn and press s).", true); return; }
  selectSpan(span);  // show what will be coded: the snapped span
  openPicker(rangeOf(span.start, span.end).getBoundingClientRect(), span);
}

const editButton = document.getElementById("edit-button");
button.addEventListener("click", codeSelection);
editButton.addEventListener("click", openEditor);
document.addEventListener("selectionchange", () => {
  const none = rawSpan() === null;
  button.disabled = none;
  editButton.disabled = none;
});

// -- keyboard -------------------------------------------------------------------------------------
export function focusTurn(index, scroll = true) {
  if (index >= state.turns.length && !allLoaded()) {  // j past the turns loaded so far
    loadMore().then(() => focusTurn(index, scroll)).catch((error) => toast(error.message, true));
    return;
  }
  const next = Math.min(Math.max(index, 0), state.turns.length - 1);
  state.turns[state.current]?.section.classList.remove("current");
  state.current = next;
  const section = state.turns[next].section;
  section.classList.add("current");
  section.focus({ preventScroll: true });
  if (scroll) section.scrollIntoView({ block: "nearest" });
}

document.addEventListener("keydown", (event) => {
  if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) return;
  if (document.querySelector(".popover:not([hidden]), .panel:not([hidden])")) return;  // a dialog has the keys
  if (keyboardSelection(event)) return;
  if (event.key === "j") { event.preventDefault(); focusTurn(state.current + 1); }
  else if (event.key === "k") { event.preventDefault(); focusTurn(state.current - 1); }
  else if (event.key === "c") { event.preventDefault(); codeSelection(); }
  else if (event.key === "e") { event.preventDefault(); openEditor(); }
});
document.getElementById("turns").addEventListener("focusin", (event) => {
  const section = event.target.closest?.(".turn");
  if (section && event.target === section) {
    state.turns[state.current]?.section.classList.remove("current");
    state.current = Number(section.dataset.index);
    section.classList.add("current");
  }
});
trackPointer(document.getElementById("turns"));

// -- the sticky header's height, so that it never covers the text it sits over ------------------
const head = document.getElementById("reader-head");
new ResizeObserver(() => {
  const height = Math.ceil(head.getBoundingClientRect().height);
  document.documentElement.style.setProperty("--reader-head", `${height}px`);
  document.documentElement.style.scrollPaddingTop = `${height + 8}px`;
}).observe(head);

// -- jump to a place: #o=start-end, or a turn: #turn-N (N counts from 0, as the turns' ids do) ------
async function jumpToTurn(index) {
  while (!allLoaded() && state.turns.length <= index) {
    if (!(await loadMore(500))) break;  // a turn beyond the first screen: load up to it first
  }
  const section = document.getElementById(`turn-${index}`);
  if (!section) return;
  section.scrollIntoView({ block: "start" });
  state.current = index;
  section.focus({ preventScroll: true });
}

async function jump() {
  const turnLink = /^#turn-(\d+)$/.exec(location.hash);
  if (turnLink) return jumpToTurn(Number(turnLink[1]));
  const match = /^#o=(\d+)-(\d+)$/.exec(location.hash);
  if (!match) return;
  const start = Number(match[1]), end = Number(match[2]);
  await loadUpTo(end);  // a place beyond the first screen: load the turns up to it first
  const turn = turnAt(start);
  turn.section.scrollIntoView({ block: "center" });
  state.current = Number(turn.section.dataset.index);
  selectSpan({ start, end });
}

let resizeTimer = null;
window.addEventListener("resize", () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(draw, 100); });
window.addEventListener("hashchange", () => jump().catch((error) => toast(error.message, true)));
state.codings = expand(data);
state.hiddenCodings = data.n - state.codings.length;
const drawing = performance.now();
draw({ later: true });  // each turn's list of codings follows a moment later
reader.dataset.drawMs = String(Math.round(performance.now() - drawing));  // read by bench/web_bench.py
mountSidebar();
jump().catch((error) => toast(error.message, true));
const docMemos = document.getElementById("doc-memos");
document.querySelector(".doc-memos").addEventListener("toggle", () => {
  mountMemoBox(docMemos, "document", documentId).catch((error) => toast(error.message, true));
}, { once: true });
reader.dataset.readyMs = String(Math.round(performance.now()));  // read by bench/web_bench.py
reader.dataset.ready = "true";
