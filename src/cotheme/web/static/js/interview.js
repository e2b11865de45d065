// The transcript's interview details (date, mode, duration, interviewer, setting, field notes): saved
// with PATCH /api/v1/documents/{id}; an emptied field clears that detail.
import { api, toast } from "./api.js";

const form = document.getElementById("interview-form");
if (form) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const value = (id) => document.getElementById(id).value;
    const body = {
      date: value("iv-date"), mode: value("iv-mode"), duration: value("iv-duration"),
      interviewer: value("iv-interviewer"), setting: value("iv-setting"), notes: value("iv-notes"),
    };
    try {
      const saved = await api("PATCH", `/documents/${form.dataset.documentId}`, body);
      document.getElementById("iv-mode").value = saved.mode;
      toast("Interview details saved.");
    } catch (error) {
      toast(error.message, true);
    }
  });
}
