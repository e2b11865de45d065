// Themes list and one theme's review: create themes, set status and definition, link codes, exemplars.

import { api, toast } from "./api.js";

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

for (const button of document.querySelectorAll("button.exemplar")) {
  button.addEventListener("click", async () => {
    const on = button.getAttribute("aria-pressed") === "true";
    const path = `/themes/${button.dataset.themeId}/exemplars`;
    const ok = await act(() => on
      ? api("DELETE", `${path}/${button.dataset.codingId}`)
      : api("POST", path, { coding_id: Number(button.dataset.codingId) }));
    if (!ok) return;
    button.setAttribute("aria-pressed", String(!on));
    button.textContent = on ? "☆ mark as exemplar" : "★ exemplar";
    toast(on ? "No longer an exemplar." : "Marked as an exemplar quote.");
  });
}
