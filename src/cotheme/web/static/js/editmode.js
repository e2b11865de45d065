// Correcting the transcript in the reader: the selection is replaced by the typed text as a new
// revision; the server carries every coding and refuses the edit if someone changed the text first.
// The exact characters selected are corrected (no snapping to words). A dialog (dialog.js).

import { api, toast } from "./api.js";
import { counted } from "./common.js";
import { closeDialog, openDialog } from "./dialog.js";
import { rawSpan, state, turnAt } from "./reader.js";

const box = document.getElementById("editor-box");
const area = document.getElementById("edit-text");
const reason = document.getElementById("edit-reason");
const reader = document.getElementById("reader");
let span = null;

export function openEditor() {
  span = rawSpan();
  if (!span) { toast("Select the text to correct first.", true); return; }
  const rect = window.getSelection().getRangeAt(0).getBoundingClientRect();
  area.value = window.getSelection().toString();
  reason.value = "";
  const width = Math.min(box.offsetWidth || 352, window.innerWidth - 16);
  box.style.top = `${window.scrollY + Math.min(rect.bottom + 6, Math.max(window.innerHeight - 260, 0))}px`;
  box.style.left = `${window.scrollX + Math.min(Math.max(rect.left, 8), Math.max(window.innerWidth - width - 8, 0))}px`;
  const turn = turnAt(span.start).section;
  openDialog(box, { initial: area, back: document.activeElement?.closest?.(".turn") ? null : turn });
}

document.getElementById("edit-cancel").addEventListener("click", () => closeDialog(box));
document.getElementById("edit-save").addEventListener("click", async () => {
  try {
    const result = await api("POST", `/documents/${state.documentId}/edit`, {
      start: span.start, end: span.end, text: area.value, reason: reason.value,
      expected_revision: Number(reader.dataset.revision),
    });
    const review = result.review.length ? ` ${counted(result.review.length, "coding")} ${result.review.length === 1 ? "waits" : "wait"} in the review queue.` : "";
    toast(`Saved as revision ${result.revision}.${review}`);
    setTimeout(() => location.reload(), 600);
  } catch (error) {
    toast(error.message, true);
  }
});
