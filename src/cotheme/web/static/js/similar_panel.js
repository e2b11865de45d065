// The codebook editor's "Passages like this code": passages not yet coded with the selected code that
// resemble its extracts and definition (GET /api/v1/similar), the sentence saying how many passages were
// considered, and "Code it" (POST /api/v1/similar/accept: a coding with provenance "similar").

import { api, el, toast } from "./api.js";

const editor = document.getElementById("editor");
const button = document.getElementById("ec-similar");
const interviewer = document.getElementById("ec-similar-interviewer");
const note = document.getElementById("ec-similar-note");
const list = document.getElementById("ec-similar-list");

function clear() {
  note.textContent = "";
  list.replaceChildren();
}

function item(codeId, passage) {
  const code = el("button", { type: "button", text: "Code it" });
  code.addEventListener("click", async () => {
    try {
      await api("POST", "/similar/accept", { passage_id: passage.passage_id, code_id: codeId });
      toast(`Coded in ${passage.document}.`);
      li.remove();
    } catch (error) {
      toast(error.message, true);
    }
  });
  const li = el("li", {}, el("span", { class: "muted", text: `${passage.document} · ` }),
    el("span", { text: passage.text }), " ", code);
  return li;
}

async function find() {
  const codeId = Number(editor.dataset.codeId);
  if (!codeId) return;
  button.disabled = true;
  try {
    const params = new URLSearchParams({ code_id: String(codeId), top: "10", include_interviewer: String(interviewer.checked) });
    const found = await api("GET", `/similar?${params}`);
    note.textContent = found.summary;
    list.replaceChildren(...found.passages.map((p) => item(codeId, p)));
  } catch (error) {
    clear();
    toast(error.message, true);
  } finally {
    button.disabled = false;
  }
}

button?.addEventListener("click", find);
// Another code chosen: the passages shown belonged to the last one.
new MutationObserver(clear).observe(editor, { attributes: true, attributeFilter: ["data-code-id"] });
