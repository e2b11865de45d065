// The coding panel: change the code, extend or shrink by a word, delete, memos on the coding.

import { api, el, toast } from "./api.js";
import { mountMemoBox } from "./memobox.js";
import { draw, state, turnAt } from "./reader.js";

const panel = document.getElementById("coding-panel");
const codeSelect = document.getElementById("cp-code");
let coding = null;

function show(c) {
  coding = c;
  document.getElementById("cp-id").textContent = `#${c.id}`;
  document.getElementById("cp-text").textContent = c.text;
  document.getElementById("cp-meta").textContent =
    `${c.code_path} · ${c.coder ?? "unknown coder"} · ${c.speaker ?? ""} · ${c.start}–${c.end}`;
  codeSelect.replaceChildren(...state.codes.map((code) =>
    el("option", { value: String(code.id), text: code.path, selected: code.id === c.code_id })));
}

export function openPanel(c) {
  show(c);
  panel.hidden = false;
  mountMemoBox(document.getElementById("cp-memos"), "coding", c.id).catch((error) => toast(error.message, true));
  codeSelect.focus();
}

function replace(updated) {
  const index = state.codings.findIndex((c) => c.id === updated.id);
  state.codings[index] = updated;
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

codeSelect.addEventListener("change", () => patch({ code_id: Number(codeSelect.value) }));
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
    await api("DELETE", `/codings/${coding.id}`);
    state.codings = state.codings.filter((c) => c.id !== coding.id);
    panel.hidden = true;
    draw();
    toast("Coding deleted.");
  } catch (error) {
    toast(error.message, true);
  }
});
document.getElementById("cp-close").addEventListener("click", () => { panel.hidden = true; });
