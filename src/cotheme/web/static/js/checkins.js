// The Check-ins page: download a working copy, upload one to check it in, and decide queued items.

import { api, postForm, toast } from "./api.js";

const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? "";

document.getElementById("checkout-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const documents = [...form.querySelectorAll('input[name="documents"]:checked')].map((box) => box.value);
  const member = form.querySelector("#checkout-member")?.value;
  const response = await fetch("/api/v1/checkout", {
    method: "POST", credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
    body: JSON.stringify({ member, documents }),
  });
  if (!response.ok) {
    let data = null;
    try { data = await response.json(); } catch { data = null; }
    toast(data?.error ?? `The server answered ${response.status}.`, true);
    return;
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "working-copy.cotheme";
  const link = Object.assign(document.createElement("a"), { href: URL.createObjectURL(await response.blob()), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  toast(`Downloaded ${name}: open it with cotheme serve to code offline, then check it in here.`);
});

document.getElementById("checkin-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const result = document.getElementById("checkin-result");
  try {
    const summary = await postForm("/checkin", new FormData(event.currentTarget));
    const count = (what) => Object.entries(what).map(([kind, n]) => `${n} ${kind}`).join(", ") || "nothing";
    result.textContent = `Checked in ${summary.member}'s copy. Added: ${count(summary.added)}. Changed: ${count(summary.changed)}. `
      + `Deleted: ${count(summary.deleted)}.` + (summary.queued.length ? ` ${summary.queued.length} item(s) wait for a lead below.` : "");
    if (summary.queued.length) setTimeout(() => window.location.reload(), 1500);
  } catch (error) {
    result.textContent = error.message;
    toast(error.message, true);
  }
});

document.getElementById("merge-items")?.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-decide]");
  if (!button) return;
  const item = button.closest("[data-item-id]");
  const accept = button.dataset.decide === "accept";
  const moveTo = item.querySelector("[data-move-to]")?.value || null;
  try {
    const decided = await api("POST", `/merge-items/${item.dataset.itemId}`, { accept, move_to: moveTo });
    toast(`${decided.status === "accepted" ? "Accepted" : "Rejected"}: ${decided.sentence}`);
    item.remove();
    const list = document.getElementById("merge-items");
    if (!list.children.length) list.replaceWith(Object.assign(document.createElement("p"), { textContent: "Nothing waits for a decision." }));
  } catch (error) {
    toast(error.message, true);
  }
});
