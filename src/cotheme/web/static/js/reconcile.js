// Reconciliation: two coders' codings of one transcript side by side; accept, merge or reject each into
// the consensus layer. The comparison comes as JSON and is drawn again after every decision.

import { api, el, readJson, toast } from "./api.js";

const data = readJson("reconcile-data");
const items = document.getElementById("rc-items");
const pendingOnly = document.getElementById("rc-pending-only");
const codes = new Map((data.codes ?? []).map((c) => [c.id, c]));
const KIND = { agree: "agree", differ: "differ", only: "only one coded" };
let comparison = data.comparison;

async function refresh() {
  const query = new URLSearchParams({ doc: data.doc, coders: data.coders });
  comparison = await api("GET", `/reconcile?${query}`);
  draw();
}

// The list is drawn anew after a decision: focus goes back to the same item (its next pending button,
// or the item itself), or to the next item when the decided one is hidden, never to the page.
function restoreFocus(itemId, order) {
  let article = items.querySelector(`article[data-item-id="${itemId}"]`);
  if (!article) article = order.map((id) => items.querySelector(`article[data-item-id="${id}"]`)).find(Boolean);
  if (!article) return;
  const button = article.querySelector("button");
  if (button) return button.focus();
  article.setAttribute("tabindex", "-1");
  article.focus();
}

async function act(call, done) {
  const itemId = document.activeElement?.closest("article[data-item-id]")?.dataset.itemId;
  const ids = [...items.querySelectorAll("article[data-item-id]")].map((a) => a.dataset.itemId);
  const after = itemId ? ids.slice(ids.indexOf(itemId) + 1) : [];
  try {
    await call();
    await refresh();
    if (itemId) restoreFocus(itemId, after);
    toast(done);
  } catch (error) {
    toast(error.message, true);
  }
}

function swatch(codeId) {
  const span = el("span", { class: "swatch", "aria-hidden": "true" });
  span.style.backgroundColor = codes.get(codeId)?.colour ?? "#999999";
  return span;
}

function coding(side, coder) {
  const c = side.coding;
  const box = el("div", { class: `rc-coding ${side.decision}`, "data-coding-id": String(c.id) });
  box.append(el("p", { class: "meta" }, swatch(c.code_id), el("strong", { text: c.code_path }),
    ` · coding ${c.id} · ${c.start}–${c.end}`));
  box.append(el("blockquote", { text: c.text }));
  if (side.decision === "pending") {
    const row = el("div", { class: "row" });
    const label = `${coder}'s coding ${c.id} (${c.code_path})`;
    const accept = el("button", { type: "button", class: "accept", text: "Accept", "aria-label": `Accept ${label}` });
    accept.addEventListener("click", () => act(() => api("POST", "/reconcile/accept", { coding_id: c.id }),
      `Coding ${c.id} accepted into the consensus.`));
    const reject = el("button", { type: "button", class: "small reject", text: "Reject", "aria-label": `Reject ${label}` });
    reject.addEventListener("click", () => act(() => api("POST", "/reconcile/reject", { coding_id: c.id }),
      `Coding ${c.id} left out of the consensus.`));
    row.append(accept, reject);
    box.append(row);
  } else {
    const made = side.consensus_ids.length ? ` → consensus coding ${side.consensus_ids.join(", ")}` : "";
    box.append(el("p", { class: "decision badge", text: `${side.decision}${made}` }));
  }
  return box;
}

function mergeControls(item) {
  const pending = [...item.first, ...item.second].filter((s) => s.decision === "pending");
  if (pending.length < 2) return null;
  const ids = pending.map((s) => s.coding.id);
  const kinds = [...new Set(pending.map((s) => s.coding.code_id))];
  const row = el("div", { class: "row rc-merge" });
  let select = null;
  if (kinds.length > 1) {
    const id = `merge-code-${item.id}`;
    select = el("select", { id });
    for (const k of kinds) select.append(el("option", { value: String(k), text: codes.get(k)?.path ?? String(k) }));
    row.append(el("label", { for: id, text: "Code of the merged coding" }), select);
  }
  const button = el("button", { type: "button", class: "merge", text: "Merge (union of spans)",
    "aria-label": `Merge codings ${ids.join(", ")} into one consensus coding` });
  button.addEventListener("click", () => act(() => api("POST", "/reconcile/merge",
    { coding_ids: ids, code_id: select ? Number(select.value) : null }), `Codings ${ids.join(", ")} merged.`));
  row.append(button);
  return row;
}

function draw() {
  const [first, second] = comparison.coders;
  const n = comparison.counts;
  document.getElementById("rc-summary").textContent =
    `${n.agree} agree, ${n.differ} differ, ${n.only_first} only ${first}, ${n.only_second} only ${second}; ` +
    `${n.resolved} resolved, ${n.pending} pending.`;
  items.replaceChildren();
  for (const item of comparison.items) {
    if (pendingOnly?.checked && item.resolved) continue;
    const article = el("article", { class: `rc-item ${item.kind}${item.resolved ? " resolved" : ""}`,
      "data-item-id": item.id, "aria-label": `${KIND[item.kind]}, characters ${item.start} to ${item.end}` });
    article.append(el("p", { class: "meta" }, el("span", { class: "badge", text: KIND[item.kind] }),
      ` characters ${item.start}–${item.end}${item.resolved ? " · resolved" : ""}`));
    const columns = el("div", { class: "columns" });
    const left = el("div", { "aria-label": first, role: "group" });
    const right = el("div", { "aria-label": second, role: "group" });
    for (const s of item.first) left.append(coding(s, first));
    for (const s of item.second) right.append(coding(s, second));
    if (!item.first.length) left.append(el("p", { class: "muted", text: `${first} did not code this.` }));
    if (!item.second.length) right.append(el("p", { class: "muted", text: `${second} did not code this.` }));
    columns.append(left, right);
    article.append(columns);
    const merge = mergeControls(item);
    if (merge) article.append(merge);
    items.append(article);
  }
  const list = document.getElementById("rc-consensus");
  list.replaceChildren();
  for (const c of comparison.consensus) {
    list.append(el("li", { class: "extract", "data-consensus-id": String(c.id) },
      el("p", { class: "meta" }, swatch(c.code_id), el("strong", { text: c.code_path }), ` · coding ${c.id} · ${c.start}–${c.end}`),
      el("blockquote", { text: c.text })));
  }
  if (!comparison.consensus.length) list.append(el("li", { class: "muted", text: "No consensus codings yet." }));
  items.dataset.ready = "true";
}

if (comparison) {
  pendingOnly?.addEventListener("change", draw);
  draw();
}
