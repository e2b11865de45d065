// The code picker: filters as you type, arrows move, Enter applies, "New code" creates one in place.
// A dialog (dialog.js): Escape closes it, and focus goes back to the turn (or what had it before).

import { el, toast } from "./api.js";
import { closeDialog, openDialog } from "./dialog.js";
import { placeOf } from "./positions.js";
import { applyCode, createCode, rangeOf, state, turnAt } from "./reader.js";
import { forgetKeyboardSelection } from "./selection.js";
import { askSuggestions, forgetSuggestions, grouped, suggestedOptions } from "./suggest.js";

const box = document.getElementById("picker");
const input = document.getElementById("picker-input");
const list = document.getElementById("picker-list");
let span = null;
let options = [];
let active = 0;
let blurTimer = null;
let suggested = [];  // the model's top codes for this selection (suggest.js), shown while nothing is typed
// Focusing the picker's input takes the page's selection away, so the passage being coded would vanish
// while its code is chosen: it stays marked with a highlight of its own until the picker closes.
const pending = "highlights" in CSS ? new Highlight() : null;
if (pending) CSS.highlights.set("coding-pending", pending);

function render() {
  const typed = input.value.trim();
  const needle = typed.toLowerCase();
  options = state.codes
    .filter((c) => c.path.toLowerCase().includes(needle))
    .slice(0, 50)
    .map((code) => ({ code, label: code.path }));
  if (typed && !state.codes.some((c) => c.name.toLowerCase() === needle)) {
    options.push({ create: typed, label: `New code: ${typed}` });
  }
  const hints = typed ? [] : suggestedOptions(suggested, state.codes);
  options = [...hints, ...options];
  active = Math.min(active, Math.max(options.length - 1, 0));
  list.replaceChildren(...grouped(options.map((option, i) => {
    const item = el("li", { role: "option", id: `pick-${i}`, text: option.label, "aria-selected": String(i === active) });
    if (option.create) item.classList.add("create");
    if (option.code) {
      const swatch = el("span", { class: "swatch" });
      swatch.style.backgroundColor = option.code.colour;
      item.prepend(swatch);
    }
    item.addEventListener("mousedown", (event) => { event.preventDefault(); choose(i); });
    return item;
  }), hints));
  input.setAttribute("aria-activedescendant", options.length ? `pick-${active}` : "");
  // The list's length changes as one types: keep the box beside the passage.
  if (span && !box.hidden) place(rangeOf(span.start, span.end).getBoundingClientRect());
}

export function close(restore = true) {
  closeDialog(box, { restore });
}

function closed() {
  span = null;
  pending?.clear();
  forgetSuggestions();
}

async function choose(i) {
  const option = options[i];
  const chosen = span;
  if (!option || !chosen) return;
  close();
  try {
    const code = option.code ?? await createCode(option.create);
    if (await applyCode(code, chosen, option.via)) forgetKeyboardSelection();
  } catch (error) {
    toast(error.message, true);
  }
}

export function openPicker(rect, selected) {
  clearTimeout(blurTimer);  // a close pending from the last picker must not hide this one
  span = selected;
  pending?.clear();
  pending?.add(rangeOf(selected.start, selected.end));
  input.value = "";
  active = 0;
  suggested = [];
  render();
  askSuggestions(state.documentId, selected, (found) => {
    if (span !== selected) return;
    suggested = found;
    // A late answer must not change what Enter applies: the highlighted option stays the same one.
    if (!input.value.trim()) active += suggestedOptions(found, state.codes).length;
    render();
  });
  document.getElementById("picker-where").textContent = placeOf(selected.start, selected.end);
  const turn = turnAt(selected.start).section;
  box.hidden = false;
  place(rect);  // before focusing: focus scrolls to where the box is
  openDialog(box, { initial: input, back: document.activeElement?.closest?.(".turn") ? null : turn, onClose: closed });
}

/** Below the passage, or above it when there is no room below; always within the window. */
function place(rect) {
  const height = box.offsetHeight, width = box.offsetWidth;
  const below = rect.bottom + 6 + height <= window.innerHeight || rect.top - 6 - height < 0;
  const top = below ? Math.min(rect.bottom + 6, window.innerHeight - height) : rect.top - 6 - height;
  const left = Math.min(Math.max(rect.left, 8), Math.max(window.innerWidth - width - 8, 0));
  box.style.top = `${window.scrollY + Math.max(top, 0)}px`;
  box.style.left = `${window.scrollX + left}px`;
}

input.addEventListener("input", () => { active = 0; render(); });
input.addEventListener("keydown", (event) => {
  if (event.key === "ArrowDown") { event.preventDefault(); active = Math.min(active + 1, options.length - 1); render(); }
  else if (event.key === "ArrowUp") { event.preventDefault(); active = Math.max(active - 1, 0); render(); }
  else if (event.key === "Enter") { event.preventDefault(); choose(active); }
});
// Clicking elsewhere closes it without pulling focus back (the click chose where focus goes).
input.addEventListener("blur", () => { blurTimer = setTimeout(() => { if (!box.hidden) close(false); }, 150); });
