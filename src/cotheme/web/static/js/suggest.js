// Suggested codes in the code picker. Once per page it asks whether this document can be
// helped (assistance installed, allowed in the project, the document indexed); then each selection the
// picker opens for asks the local model for its top codes. Advisory and asynchronous: the picker works
// at once without them, an answer for an older selection is dropped, and any refusal (409 turned off,
// 503 not installed) just means no suggestions. Choosing one codes through /suggest/accept, so the
// coding keeps its provenance (model, score, who accepted).

import { api, el } from "./api.js";

const TOP = 3;
const SCORE_HELP = "How much better this code fits the passage than an ordinary one, in standard deviations: above 2 is a strong fit.";
let ready = null;  // Promise<boolean>, asked once per page
let ticket = 0;    // the latest selection asked about

function canSuggest(documentId) {
  ready ??= api("GET", `/documents/${documentId}/assist`)
    .then((status) => status.installed && status.enabled && status.indexed)
    .catch(() => false);
  return ready;
}

/** Ask for the top codes of `span`; `show(found)` runs only if no newer selection was asked about since. */
export function askSuggestions(documentId, span, show) {
  const mine = ++ticket;
  canSuggest(documentId)
    .then((ok) => (ok ? api("POST", "/suggest", { document_id: documentId, start: span.start, end: span.end, top: TOP }) : []))
    .then((found) => { if (mine === ticket && found.length) show(found); })
    .catch(() => {});  // no suggestions: the picker works as it does without them
}

/** Drop any answer still on its way (the picker closed). */
export function forgetSuggestions() { ticket++; }

/** Picker options for the suggestions of codes still in the codebook, best first. */
export function suggestedOptions(found, codes) {
  return found.flatMap((s) => {
    const code = codes.find((c) => c.id === s.code_id);
    return code ? [{ code, label: code.path, score: s.score, via: "/suggest/accept" }] : [];
  });
}

/** The picker's list items with the first `hints.length` (the suggestions) in a group labelled "Suggested". */
export function grouped(items, hints) {
  if (!hints.length) return items;
  const inner = el("ul", { role: "none" });
  hints.forEach((hint, i) => {
    items[i].classList.add("suggested");
    items[i].append(el("span", { class: "score", title: SCORE_HELP, text: `score ${hint.score.toFixed(1)}` }));
    inner.append(items[i]);
  });
  const group = el("li", { role: "group", class: "suggestions", "aria-labelledby": "pick-suggested" },
    el("div", { id: "pick-suggested", class: "group-label", text: "Suggested" }), inner);
  return [group, ...items.slice(hints.length)];
}
