// The Calibration page: start a session, reveal it, close it with the decisions made.

import { api, toast } from "./api.js";

document.getElementById("calibration-start")?.addEventListener("submit", async (event) => {
  event.preventDefault();
  try {
    const session = await api("POST", "/calibrations", { document: event.currentTarget.document.value });
    toast(`Calibration on ${session.document} started: ${session.coders.join(", ")} code it blind.`);
    window.location.reload();
  } catch (error) { toast(error.message, true); }
});

document.getElementById("calibrations")?.addEventListener("click", async (event) => {
  const item = event.target.closest("[data-document-id]");
  if (!item) return;
  const id = item.dataset.documentId;
  try {
    if (event.target.closest("[data-reveal]")) {
      await api("POST", `/calibrations/${id}/reveal`);
      window.location.assign(`/documents/${id}#lanes`);
    } else if (event.target.closest("[data-close]")) {
      const decisions = item.querySelector("[data-decisions]").value;
      await api("POST", `/calibrations/${id}/close`, { decisions });
      toast("Session closed; the decisions are kept with it and as a memo on the transcript.");
      window.location.reload();
    }
  } catch (error) { toast(error.message, true); }
});
