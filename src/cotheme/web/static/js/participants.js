// The participants page: edit each attribute's label, category order (up/down buttons or the text
// field), description and whether Table 1 shows it; import a sheet of definitions.

import { api, toast } from "./api.js";
import { counted } from "./common.js";

const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? "";

// "a, b, \"c, d\"" -> ["a", "b", "c, d"]: commas separate, double quotes keep a comma.
function parseOrder(text) {
  const out = [];
  let cell = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      if (quoted && text[i + 1] === '"') { cell += '"'; i++; } else quoted = !quoted;
    } else if (ch === "," && !quoted) { out.push(cell.trim()); cell = ""; } else cell += ch;
  }
  out.push(cell.trim());
  return out.filter((c) => c);
}

function orderText(order) {
  return order.map((c) => (c.includes(",") || c.includes('"') ? `"${c.replaceAll('"', '""')}"` : c)).join(", ");
}

function listed(form) {
  return [...form.querySelectorAll("ol.categories li")].map((li) => li.dataset.category);
}

// The list follows the text field: categories it names first, in its order, the others after.
function sortList(form, order) {
  const list = form.querySelector("ol.categories");
  const rank = new Map(order.map((c, i) => [c.toLowerCase(), i]));
  const items = [...list.children];
  items.sort((a, b) => (rank.get(a.dataset.category.toLowerCase()) ?? 1e9) - (rank.get(b.dataset.category.toLowerCase()) ?? 1e9));
  for (const li of items) list.append(li);
}

for (const form of document.querySelectorAll("form.attribute-def")) {
  const text = form.querySelector(".def-order");
  text.value = orderText(listed(form));
  text.addEventListener("change", () => sortList(form, parseOrder(text.value)));
  form.querySelector("ol.categories").addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    const li = button.closest("li");
    if (button.classList.contains("up") && li.previousElementSibling) li.previousElementSibling.before(li);
    if (button.classList.contains("down") && li.nextElementSibling) li.nextElementSibling.after(li);
    text.value = orderText(listed(form));
    button.focus();
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = {
      name: form.dataset.name,
      label: form.querySelector(".def-label").value,
      description: form.querySelector(".def-description").value,
      shown: form.querySelector(".def-shown").checked,
      order: parseOrder(text.value),
    };
    try {
      const saved = await api("PATCH", "/attributes", body);
      text.value = orderText(saved.order.length ? saved.order : listed(form));
      toast(`Saved ${saved.name}: shown as "${saved.display}".`);
    } catch (error) {
      toast(error.message, true);
    }
  });
}

document.getElementById("defs-import")?.addEventListener("submit", async (event) => {
  event.preventDefault();
  const file = document.getElementById("defs-file").files[0];
  if (!file) return;
  const form = new FormData();
  form.append("file", file);
  const response = await fetch("/api/v1/attributes/import", {
    method: "POST", credentials: "same-origin", headers: { "X-CSRF-Token": csrf }, body: form,
  });
  let data = null;
  try { data = await response.json(); } catch { data = null; }
  if (!response.ok) { toast(data?.error ?? `The server answered ${response.status}.`, true); return; }
  toast(`Saved the definitions of ${counted(data.length, "attribute")}.`);
  setTimeout(() => location.reload(), 800);
});
