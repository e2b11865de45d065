// Themes list and one theme's review: create themes, set status and definition, link codes, exemplars
// (one at a time or a selection at once), group the review's extracts and show a group's hidden ones.

import { api, toast } from "./api.js";
import { counted } from "./common.js";
import { reloadWhenIdle } from "./live_pages.js";

reloadWhenIdle();

async function act(call, done) {
  try {
    await call();
    if (done) toast(done);
    return true;
  } catch (error) {
    toast(error.message, true);
    return false;
  }
}

document.getElementById("new-theme")?.addEventListener("submit", async (event) => {
  event.preventDefault();
  const parent = document.getElementById("theme-parent").value;
  const body = { name: document.getElementById("theme-name").value, parent_id: parent ? Number(parent) : null };
  if (await act(() => api("POST", "/themes", body))) location.reload();
});

for (const select of document.querySelectorAll("select.status")) {
  select.addEventListener("change", () =>
    act(() => api("PATCH", `/themes/${select.dataset.themeId}`, { status: select.value }), "Status saved."));
}

const edit = document.getElementById("theme-edit");
edit?.addEventListener("submit", (event) => {
  event.preventDefault();
  const definition = document.getElementById("theme-definition").value;
  act(() => api("PATCH", `/themes/${edit.dataset.themeId}`, { definition }), "Definition saved.");
});

const link = document.getElementById("link-code");
link?.addEventListener("submit", async (event) => {
  event.preventDefault();
  const codeId = Number(document.getElementById("link-code-select").value);
  if (await act(() => api("POST", `/themes/${link.dataset.themeId}/codes`, { code_ids: [codeId] }))) location.reload();
});

function showExemplar(button, on) {
  button.setAttribute("aria-pressed", String(on));
  button.textContent = on ? "★ exemplar" : "☆ mark as exemplar";
}

for (const button of document.querySelectorAll("button.exemplar")) {
  button.addEventListener("click", async () => {
    const on = button.getAttribute("aria-pressed") === "true";
    const path = `/themes/${button.dataset.themeId}/exemplars`;
    const ok = await act(() => on
      ? api("DELETE", `${path}/${button.dataset.codingId}`)
      : api("POST", path, { coding_id: Number(button.dataset.codingId) }));
    if (!ok) return;
    showExemplar(button, !on);
    toast(on ? "No longer an exemplar." : "Marked as an exemplar quote.");
  });
}

// Grouping: choosing another grouping reloads the page grouped that way (the button does it without script).
const groupBy = document.getElementById("group-by");
groupBy?.addEventListener("change", () => groupBy.form.submit());

// A group shows its first passages; "Show all N" reveals the rest and moves focus to the first revealed.
for (const button of document.querySelectorAll("button.show-all")) {
  button.addEventListener("click", () => {
    const hidden = [...button.parentElement.querySelectorAll("article[data-more]")];
    for (const article of hidden) article.hidden = false;
    button.remove();
    hidden[0]?.querySelector("input.pick")?.focus();
  });
}

// Several extracts at once: tick them, then mark or unmark them as exemplars in one change.
const passages = document.querySelector("section.passages");
if (passages) {
  const picks = () => [...passages.querySelectorAll("input.pick:checked")];
  const count = document.getElementById("picked-count");
  const mark = document.getElementById("mark-exemplars");
  const unmark = document.getElementById("unmark-exemplars");
  const refresh = () => {
    const n = picks().length;
    count.textContent = `${n} selected`;
    mark.disabled = unmark.disabled = n === 0;
  };
  passages.addEventListener("change", (event) => { if (event.target.matches("input.pick")) refresh(); });
  const bulk = async (remove) => {
    const chosen = picks();
    const ids = chosen.map((box) => Number(box.value));
    let result = null;
    const ok = await act(async () => {
      result = await api("POST", `/themes/${passages.dataset.themeId}/exemplars/bulk`, { coding_ids: ids, remove });
    });
    if (!ok) return;
    const now = new Set(result.exemplar_ids);
    for (const box of chosen) {
      box.checked = false;
      const button = box.closest("article").querySelector("button.exemplar");
      if (button) showExemplar(button, now.has(Number(box.value)));
    }
    refresh();
    const n = result.changed;
    const some = counted(n, "extract");
    toast(remove ? `${some} ${n === 1 ? "is no longer an exemplar" : "are no longer exemplars"}.`
      : `${some} marked as ${n === 1 ? "an exemplar" : "exemplars"}.`);
  };
  mark.addEventListener("click", () => bulk(false));
  unmark.addEventListener("click", () => bulk(true));
}
