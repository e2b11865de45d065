// The Study page: each section's form saves its fields with PATCH /api/v1/study (a lead), then the page
// reloads so the COREQ checklist shows what the change answered.
import { api, toast } from "./api.js";

for (const form of document.querySelectorAll("form.study-form")) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const fields = {};
    for (const input of form.querySelectorAll("input[name], textarea[name], select[name]")) {
      fields[input.name] = input.value;
    }
    try {
      await api("PATCH", "/study", { fields });
      toast(`${form.dataset.section} saved.`);
      location.reload();
    } catch (error) {
      toast(error.message, true);
    }
  });
}
