// The coding panel: memos on the coding, change its code (chosen, then confirmed with "Change code":
// moving through the menu with the arrow keys changes nothing), extend or shrink it by a word, delete
// it, find it in Retrieve. A dialog (dialog.js): Escape closes it and focus returns to the coding.

import { api, el, toast } from "./api.js";
import { closeDialog, openDialog } from "./dialog.js";
import { mountMemoBox } from "./memobox.js";
import { placeOf } from "./positions.js";
import { state, turnAt } from "./reader.js";
import { draw } from "./stripes.js";
import { refreshSidebar } from "./sidebar.js";

const panel = document.getElementById("coding-panel");
const codeSelect = document.getElementById("cp-code");
const recode = document.getElementById("cp-recode");
let coding = null;

function show(c) {
  coding = c;
  panel.dataset.codingId = String(c.id);  // player.js shows where in the recording it was said
  document.getElementById("cp-title").textContent = `Coding: ${c.code_path}`;
  document.getElementById("cp-text").textContent = c.text;
  document.getElementById("cp-meta").textContent =
    [placeOf(c.start, c.end), c.coder ? `coded by ${c.coder}` : "coder unknown"].join(" · ");
  document.getElementById("cp-retrieve").href = `/retrieve?code=${c.code_id}`;
  codeSelect.replaceChildren(...state.codes.map((code) =>
    el("option", { value: String(code.id), text: code.path, selected: code.id === c.code_id })));
  recode.disabled = true;
}

export function openPanel(c) {
  show(c);
  // Focus comes back to the coding's entry in its turn's list when it was opened from there (the
  // keyboard's way), else to the turn (a click on a stripe, which is for the eye only).
  const fromList = Boolean(document.activeElement?.dataset?.openCoding);
  const back = () => (fromList && document.querySelector(`[data-open-coding="${c.id}"]`)) || turnAt(c.start).section;
  const holder = document.getElementById("cp-memos");
  mountMemoBox(holder, "coding", c.id).catch((error) => toast(error.message, true));
  // Focus starts in the memo field: writing a memo is what one most often opens a coding for.
  openDialog(panel, { initial: holder.querySelector("textarea"), back });
}

function replace(updated) {
  const index = state.codings.findIndex((c) => c.id === updated.id);
  const before = state.codings[index];
  state.codings[index] = updated;
  if (before.code_id !== updated.code_id) {
    state.codes.forEach((code) => {
      if (code.id === before.code_id) code.extracts -= 1;
      if (code.id === updated.code_id) code.extracts += 1;
    });
    refreshSidebar();
  }
  show(updated);
  draw();
}

async function patch(body) {
  try {
    replace(await api("PATCH", `/codings/${coding.id}`, body));
    toast("Coding changed.");
  } catch (error) {
    toast(error.message, true);
  }
}

/**
 * Move code point `cp` within its turn by one word in `direction` (-1 or +1): extending skips the gap
 * then the word; shrinking skips the word then the gap, so a span never starts or ends in a space.
 */
function wordStep(cp, direction, extend) {
  const turn = turnAt(direction < 0 ? Math.max(cp - 1, 0) : cp);
  const chars = [...turn.text.data];
  let i = Math.min(Math.max(cp - turn.start, 0), chars.length);
  const isWord = (ch) => /[\p{L}\p{N}'’]/u.test(ch);
  const at = () => chars[direction < 0 ? i - 1 : i];
  const skip = (wanted) => {
    while (at() !== undefined && isWord(at()) === wanted) i += direction;
  };
  if (extend) { skip(false); skip(true); } else { skip(true); skip(false); }
  return turn.start + i;
}

codeSelect.addEventListener("change", () => { recode.disabled = Number(codeSelect.value) === coding.code_id; });
recode.addEventListener("click", () => patch({ code_id: Number(codeSelect.value) }));
function step(edge, direction, extend) {
  const value = wordStep(coding[edge], direction, extend);
  const start = edge === "start" ? value : coding.start;
  const end = edge === "end" ? value : coding.end;
  if (end > start && value !== coding[edge]) patch({ [edge]: value });
}

document.getElementById("cp-start-minus").addEventListener("click", () => step("start", -1, true));
document.getElementById("cp-start-plus").addEventListener("click", () => step("start", 1, false));
document.getElementById("cp-end-minus").addEventListener("click", () => step("end", -1, false));
document.getElementById("cp-end-plus").addEventListener("click", () => step("end", 1, true));
document.getElementById("cp-delete").addEventListener("click", async () => {
  try {
    const gone = coding;
    await api("DELETE", `/codings/${gone.id}`);
    state.codings = state.codings.filter((c) => c.id !== gone.id);
    const code = state.codes.find((c) => c.id === gone.code_id);
    if (code) code.extracts -= 1;
    closeDialog(panel, { restore: false });
    draw();
    refreshSidebar();
    turnAt(gone.start).section.focus({ preventScroll: true });
    toast("Coding deleted.");
  } catch (error) {
    toast(error.message, true);
  }
});
document.getElementById("cp-close").addEventListener("click", () => closeDialog(panel));
