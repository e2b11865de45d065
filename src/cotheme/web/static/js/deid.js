// De-identification: scan, review by string (j/k move, a accept, r reject, e edit the placeholder,
// u undo; each decision reaches every transcript and is announced in the status line), the reject list,
// applying, and the residual risk summary.

import { api, el, toast } from "./api.js";
import { counted } from "./common.js";
import { closeDialog, isOpen, openDialog } from "./dialog.js";

const status = document.getElementById("scan-status");
const announce = document.getElementById("review-status");
const box = document.getElementById("placeholder-box");
const LABELS = { open: "undecided", proposed: "proposed", accepted: "accepted", rejected: "rejected", mixed: "partly decided" };
const undoStack = [];

async function scan(useModel) {
  status.textContent = useModel ? "Scanning with the language model; this takes a few seconds a transcript…" : "Scanning…";
  try {
    const report = await api("POST", "/deid/scan", { use_model: useModel });
    status.textContent = `Scanned ${report.words} words in ${report.seconds.toFixed(1)} s. ${report.note ?? ""}`;
    location.reload();
  } catch (error) {
    status.textContent = "";
    toast(error.message, true);
  }
}
document.getElementById("scan-quick").addEventListener("click", () => scan(false));
document.getElementById("scan-full").addEventListener("click", () => scan(true));

// -- review by string ---------------------------------------------------------------------------------
const groups = () => [...document.querySelectorAll("#groups > li.group")];

function say(message) {
  // Emptied first so the same sentence twice is announced twice.
  announce.textContent = "";
  requestAnimationFrame(() => { announce.textContent = message; });
}

function focusGroup(item) {
  if (!item) return;
  for (const other of groups()) other.tabIndex = other === item ? 0 : -1;
  item.focus();
  item.scrollIntoView({ block: "nearest" });
}

function show(item, groupStatus, placeholder) {
  item.dataset.status = groupStatus;
  item.className = `group status-${groupStatus}`;
  item.querySelector(".state").textContent = LABELS[groupStatus] ?? groupStatus;
  item.dataset.placeholder = placeholder;
  item.querySelector(".placeholder").textContent = groupStatus === "rejected" ? "left as it is" : placeholder;
}

async function decide(item, decision, placeholder = null, remember = true) {
  const before = { status: item.dataset.status, placeholder: item.dataset.placeholder };
  try {
    const result = await api("POST", "/deid/groups", { string: item.dataset.string, decision, placeholder });
    if (decision === "undo") show(item, "open", item.dataset.default);
    else show(item, decision === "accept" ? "accepted" : "rejected", result.placeholder ?? item.dataset.placeholder);
    if (remember) undoStack.push({ item, before });
    if (decision === "reject") addRejected(result.string);
    if (decision !== "reject") removeRejected(result.string);
    say(result.message);
    return result;
  } catch (error) {
    say(error.message);
    toast(error.message, true);
    return null;
  }
}

async function undo() {
  const last = undoStack.pop();
  if (!last) { say("Nothing to undo."); return; }
  const { item, before } = last;
  focusGroup(item);
  const result = await decide(item, "undo", null, false);
  if (!result) return;
  if (before.status === "accepted") await decide(item, "accept", before.placeholder, false);
  else if (before.status === "rejected") await decide(item, "reject", null, false);
  say(`Undone: '${item.dataset.string}' is ${LABELS[item.dataset.status] ?? item.dataset.status} again.`);
}

function editPlaceholder(item) {
  const input = document.getElementById("placeholder-input");
  document.getElementById("placeholder-string").textContent = item.dataset.string;
  input.value = item.dataset.placeholder;
  openDialog(box, { initial: input, back: item });
  input.select();
}

async function savePlaceholder() {
  const item = groups().find((g) => g.tabIndex === 0);
  const value = document.getElementById("placeholder-input").value;
  closeDialog(box);
  if (item) await decide(item, "accept", value);
}
document.getElementById("placeholder-save").addEventListener("click", savePlaceholder);
document.getElementById("placeholder-cancel").addEventListener("click", () => closeDialog(box));
document.getElementById("placeholder-input").addEventListener("keydown", (event) => {
  if (event.key === "Enter") { event.preventDefault(); savePlaceholder(); }
});

for (const item of groups()) {
  item.querySelector(".accept").addEventListener("click", () => { focusGroup(item); decide(item, "accept"); });
  item.querySelector(".reject").addEventListener("click", () => { focusGroup(item); decide(item, "reject"); });
  item.querySelector(".edit").addEventListener("click", () => { for (const g of groups()) g.tabIndex = g === item ? 0 : -1; editPlaceholder(item); });
  item.addEventListener("focusin", () => { for (const g of groups()) g.tabIndex = g === item ? 0 : -1; });
}

document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || isOpen(box)) return;
  const target = event.target;
  if (target.closest?.("input, textarea, select, [contenteditable]")) return;
  const list = groups();
  if (!list.length) return;
  const inside = target.closest?.("li.group");
  const current = inside ?? list.find((g) => g.tabIndex === 0);
  const index = list.indexOf(current);
  const actions = {
    j: () => focusGroup(list[Math.min(index + 1, list.length - 1)] ?? list[0]),
    k: () => focusGroup(list[Math.max(index - 1, 0)] ?? list[0]),
    a: () => current && decide(current, "accept"),
    r: () => current && decide(current, "reject"),
    e: () => current && editPlaceholder(current),
    u: () => undo(),
  };
  const act = actions[event.key];
  if (!act) return;
  event.preventDefault();
  // From outside the list, j or k first lands on the string the list last had focus on.
  if ((event.key === "j" || event.key === "k") && !inside) { focusGroup(current ?? list[0]); return; }
  act();
});

// -- the reject list ----------------------------------------------------------------------------------
const rejectedList = document.getElementById("rejected");

function addRejected(string) {
  if ([...rejectedList.children].some((li) => li.dataset.string.toLowerCase() === string.toLowerCase())) return;
  const button = el("button", { type: "button", class: "small unreject", text: "Remove", "aria-label": `Take ${string} off the reject list` });
  const item = el("li", { "data-string": string }, el("span", { text: string }), " ", button);
  button.addEventListener("click", () => unreject(item));
  rejectedList.append(item);
  document.getElementById("rejected-empty").hidden = true;
}

function removeRejected(string) {
  for (const li of [...rejectedList.children]) if (li.dataset.string.toLowerCase() === string.toLowerCase()) li.remove();
  document.getElementById("rejected-empty").hidden = rejectedList.children.length > 0;
}

async function unreject(item) {
  try {
    const result = await api("DELETE", `/deid/rejected?string=${encodeURIComponent(item.dataset.string)}`);
    const next = item.nextElementSibling ?? item.previousElementSibling;
    removeRejected(item.dataset.string);
    (next?.querySelector("button") ?? document.getElementById("reject-new")).focus();
    say(result.message);
  } catch (error) {
    toast(error.message, true);
  }
}
for (const item of rejectedList.children) item.querySelector(".unreject").addEventListener("click", () => unreject(item));

document.getElementById("reject-add").addEventListener("submit", async (event) => {
  event.preventDefault();
  const input = document.getElementById("reject-new");
  try {
    const result = await api("POST", "/deid/rejected", { string: input.value });
    addRejected(result.term);
    input.value = "";
    say(result.message);
  } catch (error) {
    toast(error.message, true);
  }
});

// -- apply and the residual risk ----------------------------------------------------------------------
document.getElementById("apply").addEventListener("submit", async (event) => {
  event.preventDefault();
  const passphrase = document.getElementById("passphrase").value;
  try {
    const report = await api("POST", "/deid/apply", { passphrase });
    const made = report.documents.reduce((n, d) => n + d.replacements, 0);
    toast(`Applied ${counted(made, "replacement")} in ${counted(report.documents.length, "transcript")}.`);
    location.reload();
  } catch (error) {
    toast(error.message, true);
  }
});

const riskModel = document.getElementById("risk-model");
function riskLinks() {
  for (const link of document.querySelectorAll("a.risk-link")) {
    link.href = `/api/v1/deid/risk?format=${link.dataset.format}&use_model=${riskModel.checked}`;
  }
}
riskModel.addEventListener("change", riskLinks);
riskLinks();

document.getElementById("risk-show").addEventListener("click", async () => {
  const out = document.getElementById("risk-out");
  out.textContent = riskModel.checked ? "Checking every transcript with the language model; this takes a few seconds a transcript…" : "Checking every transcript…";
  try {
    const report = await api("GET", `/deid/risk?use_model=${riskModel.checked}`);
    out.textContent = "";
    if (report.note) out.append(el("p", { class: "muted", text: report.note }));
    for (const d of report.documents) {
      const replaced = Object.entries(d.replaced).map(([k, n]) => `${k} ${n}`).join(", ") || "none";
      const section = el("div", { class: "risk-doc" },
        el("h3", { text: d.document }),
        el("p", { text: `Revision ${d.revision}, ${d.deidentified ? "de-identified" : "not de-identified"}. Replaced: ${replaced}. Leftovers: ${d.leftovers.length}.` }));
      if (d.leftovers.length) {
        const list = el("ul", { class: "contexts" });
        for (const x of d.leftovers) list.append(el("li", {}, el("span", { class: "doc", text: `${x.kind.replace("_", " ")} (${x.score.toFixed(2)})` }), x.context));
        section.append(list);
      }
      out.append(section);
    }
  } catch (error) {
    out.textContent = "";
    toast(error.message, true);
  }
});
