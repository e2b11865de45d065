// Correcting the transcript in the reader: the selection is replaced by the typed text as a new
// revision; the server carries every coding and refuses the edit if someone changed the text first.

import { api, toast } from "./api.js";
import { counted } from "./common.js";
import { selectedSpan, state } from "./reader.js";

const box = document.getElementById("editor-box");
const area = document.getElementById("edit-text");
const reason = document.getElementById("edit-reason");
const reader = document.getElementById("reader");
let span = null;

export function openEditor() {
  span = selectedSpan();
  if (!span) { toast("Select the text to correct first.", true); return; }
  const rect = window.getSelection().getRangeAt(0).getBoundingClientRect();
  area.value = window.getSelection().toString();
  reason.value = "";
  box.hidden = false;
  box.style.top = `${window.scrollY + rect.bottom + 6}px`;
  box.style.left = `${Math.max(window.scrollX + rect.left, 8)}px`;
  area.focus();
}

document.getElementById("edit-cancel").addEventListener("click", () => { box.hidden = true; });
document.getElementById("edit-save").addEventListener("click", async () => {
  try {
    const result = await api("POST", `/documents/${state.documentId}/edit`, {
      start: span.start, end: span.end, text: area.value, reason: reason.value,
      expected_revision: Number(reader.dataset.revision),
    });
    const review = result.review.length ? ` ${counted(result.review.length, "coding")} wait in the review queue.` : "";
    toast(`Saved as revision ${result.revision}.${review}`);
    setTimeout(() => location.reload(), 600);
  } catch (error) {
    toast(error.message, true);
  }
});
