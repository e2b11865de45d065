// The Study page: each section's form saves its fields with PATCH /api/v1/study (a lead), then the page
// reloads so the COREQ checklist shows what the change answered. The groups a researcher had open stay
// open across that reload, and a link to a field (#sf-name) opens the group that holds it.
import { api, toast } from "./api.js";

const OPEN_KEY = "cotheme-study-open";
const groups = [...document.querySelectorAll("details.study-group")];

function remembered() {
  try {
    return JSON.parse(sessionStorage.getItem(OPEN_KEY) ?? "null");
  } catch {
    return null;
  }
}

const wasOpen = remembered();
if (Array.isArray(wasOpen)) {
  for (const group of groups) group.open = wasOpen.includes(group.dataset.section);
  sessionStorage.removeItem(OPEN_KEY);
}

function openTarget() {
  const target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
  const group = target?.closest("details.study-group");
  if (group && !group.open) {
    group.open = true;
    target.scrollIntoView();
  }
}
openTarget();
window.addEventListener("hashchange", openTarget);

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
      const open = groups.filter((g) => g.open).map((g) => g.dataset.section);
      try {
        sessionStorage.setItem(OPEN_KEY, JSON.stringify(open));
      } catch {
        // Storage refused (private mode): the page reloads with its first group open, nothing is lost.
      }
      location.reload();
    } catch (error) {
      toast(error.message, true);
    }
  });
}
