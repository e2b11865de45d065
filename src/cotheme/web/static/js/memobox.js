// A memo box: the memos on one target (document, code or coding) and a field to add one.

import { api, el, toast } from "./api.js";

export function mountMemoBox(holder, target, targetId) {
  const list = el("div", { class: "memo-list" });
  const id = `memo-${target}-${Math.random().toString(36).slice(2, 8)}`;
  const area = el("textarea", { id, rows: 3 });
  const save = el("button", { type: "button", text: "Save memo" });
  holder.replaceChildren(list, el("label", { for: id, text: `New memo on this ${target} (Markdown)` }), area, save);

  async function load() {
    const memos = await api("GET", `/memos?target=${target}&target_id=${targetId}`);
    list.replaceChildren(...memos.map((m) => {
      const body = el("div", { class: "md" });
      body.innerHTML = m.html;  // rendered server-side from Markdown with raw HTML escaped
      return el("article", { class: "memo" },
        el("p", { class: "meta", text: `${m.author ?? "Unknown"} · ${m.created_at.slice(0, 16).replace("T", " ")}` }), body);
    }));
    if (!memos.length) list.replaceChildren(el("p", { class: "muted", text: "No memos yet." }));
  }

  area.addEventListener("keydown", (event) => {  // Ctrl+Enter saves, as in most editors
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); save.click(); }
  });
  save.addEventListener("click", async () => {
    if (!area.value.trim()) return;
    try {
      await api("POST", "/memos", { text: area.value, target, target_id: targetId });
      area.value = "";
      await load();
      toast("Memo saved.");
    } catch (error) {
      toast(error.message, true);
    }
  });
  return load();
}
