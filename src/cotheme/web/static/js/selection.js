// Selections in the reader: snapped to whole words, and made from the keyboard.
//
// Snapping: a drag that ends in the middle of "then" codes "…I was already then", not "…already th";
// spaces at either end are dropped. Holding Alt while selecting keeps the exact characters.
// Keyboard selection: with a turn focused (j/k), s or Enter selects it; Shift+Up/Down move the moving
// end of the selection by a sentence, Shift+Left/Right by a word; o switches which end moves; c codes
// it (reader.js), Escape drops it.

import { rawSpan, selectSpan, state, turnAt } from "./reader.js";
import { placeOf } from "./positions.js";

const WORD = /[\p{L}\p{N}\p{M}'’]/u;
const SPACE = /\s/u;
const status = document.getElementById("selection-status");
let exact = false;  // the current selection was made with Alt held: keep it as it is
let kb = null;      // the keyboard selection: { start, end, edge: "start" | "end" }

function chars(turn) {
  turn.chars ??= Array.from(turn.text.data);
  return turn.chars;
}

/** The character at code point cp of the document (a space between turns). */
function charAt(cp) {
  const turn = turnAt(cp);
  return cp >= turn.start && cp < turn.end ? chars(turn)[cp - turn.start] : " ";
}

/** `span` grown to whole words at both ends and without surrounding spaces (as is with Alt). */
export function snapped(span) {
  if (exact) return span;
  let { start, end } = span;
  while (start < end && SPACE.test(charAt(start))) start++;
  while (end > start && SPACE.test(charAt(end - 1))) end--;
  if (end <= start) return null;
  const first = turnAt(start), last = turnAt(end - 1);
  while (start > first.start && WORD.test(charAt(start - 1)) && WORD.test(charAt(start))) start--;
  while (end < last.end && WORD.test(charAt(end - 1)) && WORD.test(charAt(end))) end++;
  return { start, end };
}

/** Note whether a mouse selection is made with Alt; show the snapped span when the drag ends. */
export function trackPointer(turns) {
  turns.addEventListener("pointerdown", (event) => { exact = event.altKey; kb = null; });
  turns.addEventListener("pointerup", () => {
    setTimeout(() => {  // after the browser has settled the selection
      const span = rawSpan();
      if (!span || exact) return;
      const snap = snapped(span);
      if (snap && (snap.start !== span.start || snap.end !== span.end)) selectSpan(snap);
    }, 0);
  });
}

// -- keyboard selection ---------------------------------------------------------------------------
/** Code-point offsets (within the turn) where sentences (or words) start and end. */
function bounds(turn, kind) {
  const key = kind === "word" ? "wordBounds" : "sentenceBounds";
  if (turn[key]) return turn[key];
  const text = chars(turn).join("");
  const pattern = kind === "word" ? /[\p{L}\p{N}\p{M}'’]+/gu : /[^\s][^.!?…]*(?:[.!?…]+["'”’)\]]*|$)/gu;
  const starts = [], ends = [];
  for (const m of text.matchAll(pattern)) {
    const from = Array.from(text.slice(0, m.index)).length;
    const to = from + Array.from(m[0].trimEnd()).length;
    starts.push(turn.start + from);
    ends.push(turn.start + to);
  }
  turn[key] = { starts, ends };
  return turn[key];
}

/** The nearest start (or end) of a sentence/word after (direction 1) or before (-1) cp, across turns. */
function step(cp, direction, kind, edge) {
  let index = state.turns.indexOf(turnAt(cp));
  while (index >= 0 && index < state.turns.length) {
    const list = bounds(state.turns[index], kind)[edge === "start" ? "starts" : "ends"];
    const found = direction > 0 ? list.find((b) => b > cp) : list.findLast((b) => b < cp);
    if (found !== undefined) return found;
    index += direction;
  }
  return cp;
}

function announce() {
  const text = rawSpan() ? window.getSelection().toString() : "";
  const shown = text.length > 80 ? `${text.slice(0, 40)} … ${text.slice(-30)}` : text;
  status.textContent = kb ? `Selected (${placeOf(kb.start, kb.end)}, moving its ${kb.edge}): ${shown}` : "";
}

function selectTurn(turn) {
  const { starts, ends } = bounds(turn, "sentence");
  if (!starts.length) return;
  exact = false;
  kb = { start: starts[0], end: ends[ends.length - 1], edge: "end" };
  selectSpan(kb);
  announce();
}

function move(direction, kind) {
  if (!kb) {
    const span = rawSpan();
    if (!span) return;
    kb = { ...span, edge: "end" };
  }
  const value = step(kb[kb.edge], direction, kind, kb.edge);
  const next = { ...kb, [kb.edge]: value };
  if (next.end <= next.start) return;  // a selection never turns inside out: switch ends with o
  kb = next;
  selectSpan(kb);
  turnAt(kb.edge === "end" ? kb.end - 1 : kb.start).section.scrollIntoView({ block: "nearest" });
  announce();
}

const ARROWS = { ArrowUp: [-1, "sentence"], ArrowDown: [1, "sentence"], ArrowLeft: [-1, "word"], ArrowRight: [1, "word"] };

/** Handle a key of keyboard selection; true when it was one. Focus stays on the turn throughout. */
export function keyboardSelection(event) {
  const onTurn = event.target instanceof HTMLElement && event.target.classList.contains("turn");
  if (onTurn && !event.shiftKey && (event.key === "s" || event.key === "Enter")) {
    event.preventDefault();
    selectTurn(state.turns[Number(event.target.dataset.index)]);
    return true;
  }
  if (event.shiftKey && ARROWS[event.key] && (kb || (onTurn && rawSpan()))) {
    event.preventDefault();
    move(...ARROWS[event.key]);
    return true;
  }
  if (event.key === "o" && kb) {
    event.preventDefault();
    kb.edge = kb.edge === "end" ? "start" : "end";
    announce();
    return true;
  }
  if (event.key === "Escape" && (kb || rawSpan())) {
    event.preventDefault();
    kb = null;
    window.getSelection().removeAllRanges();
    status.textContent = "Selection cleared.";
    return true;
  }
  return false;
}

/** Forget the keyboard selection (after it was coded). */
export function forgetKeyboardSelection() { kb = null; }
