// The code picker: filters as you type, arrows move, Enter applies, "New code" creates one in place.

import { el, toast } from "./api.js";
import { applyCode, createCode, rangeOf, state } from "./reader.js";
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
}

export function close() {
  box.hidden = true;
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
    await applyCode(code, chosen, option.via);
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
  box.hidden = false;
  box.style.top = `${window.scrollY + rect.bottom + 6}px`;
  box.style.left = `${Math.max(window.scrollX + rect.left, 8)}px`;
  input.focus();
}

input.addEventListener("input", () => { active = 0; render(); });
input.addEventListener("keydown", (event) => {
  if (event.key === "ArrowDown") { event.preventDefault(); active = Math.min(active + 1, options.length - 1); render(); }
  else if (event.key === "ArrowUp") { event.preventDefault(); active = Math.max(active - 1, 0); render(); }
  else if (event.key === "Enter") { event.preventDefault(); choose(active); }
  else if (event.key === "Escape") { event.preventDefault(); close(); }
});
input.addEventListener("blur", () => { blurTimer = setTimeout(close, 150); });
