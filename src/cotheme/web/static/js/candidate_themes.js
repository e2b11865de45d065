// Candidate themes on the themes page: group the codes with the local model, show each group's codes and
// the extracts that tie it, and choose a group for the draft panel (second_reader.js) to draft a name and
// definition for. Everything shown is put in the page as text.

import { api, el } from "./api.js";

const form = document.getElementById("candidate-form");
const list = document.getElementById("candidate-list");
const status = document.getElementById("candidate-status");
const panel = document.getElementById("draft");

function choose(group, groups) {
  panel.dataset.targetId = String(group.number);
  panel.dataset.groups = groups ? String(groups) : "";
  document.getElementById("draft-h").textContent = `Draft a name and definition for group ${group.number}`;
  for (const item of list.children) item.classList.toggle("chosen", item.dataset.number === String(group.number));
  (document.getElementById("draft-start") ?? panel).focus();
}

form?.addEventListener("submit", async (event) => {
  event.preventDefault();
  const groups = Number(document.getElementById("candidate-groups").value) || null;
  status.textContent = "Grouping the codes…";
  try {
    const found = await api("GET", `/assist/themes${groups ? `?groups=${groups}` : ""}`);
    list.replaceChildren(...found.map((group) => {
      const button = el("button", { type: "button", class: "secondary", text: `Draft for group ${group.number}` });
      button.addEventListener("click", () => choose(group, groups));
      const item = el("li", {},
        el("p", { text: `${group.codes.join(", ")} (cohesion ${group.cohesion.toFixed(2)})` }),
        el("ul", {}, ...group.extracts.map((x) => el("li", { class: "meta", text: `${x.code}: ${x.text}` }))),
        button);
      item.dataset.number = String(group.number);
      return item;
    }));
    status.textContent = found.length ? `${found.length} groups; choose one to draft for.` : "No groups: the codes need definitions or extracts first.";
    if (found.length) choose(found[0], groups);
  } catch (error) {
    status.textContent = error.message;
  }
});
