// The codebook page: the code tree, create, rename, edit, move (by drag or "Move to"), colours, counts.

import { api, el, toast } from "./api.js";
import { counted } from "./common.js";
import { refreshOn } from "./live_pages.js";
import { mountMemoBox } from "./memobox.js";

const tree = document.getElementById("code-tree");
const editor = document.getElementById("editor");
const form = document.getElementById("edit-code");
const fields = ["name", "definition", "inclusion", "exclusion", "example"];
let codes = [];
let selected = null;

async function load() {
  codes = await api("GET", "/codes");
  render();
  if (selected) select(codes.find((c) => c.id === selected.id) ?? null);
}

// "3 extracts · 2 participants"; a code with sub-codes shows its own figures and those with them.
function countText(code, joiner = " · ") {
  const own = `${counted(code.extracts, "extract")}${joiner}${counted(code.participants, "participant")}`;
  if (!code.subcodes) return own;
  return `${own} own; ${counted(code.extracts_with_subcodes, "extract")}${joiner}` +
    `${counted(code.participants_with_subcodes, "participant")} with sub-codes`;
}

function children(parentId) { return codes.filter((c) => c.parent_id === parentId); }

function item(code) {
  const swatch = el("span", { class: "swatch" });
  swatch.style.backgroundColor = code.colour;
  const name = el("button", { type: "button", class: "code-name", text: code.name, title: code.path });
  name.addEventListener("click", () => {
    select(code);
    // The tree is drawn anew: keep focus on the chosen code rather than letting it fall to the page.
    tree.querySelector(`li[data-code-id="${code.id}"] > .code-name`)?.focus();
  });
  const counts = el("span", { class: "muted", text: ` ${countText(code)}` });
  // A nested list, not an ARIA tree: its items hold buttons, and the list's nesting already tells a
  // screen reader each code's level; the button's name is exactly its visible text.
  const node = el("li", { draggable: true }, swatch, name, counts);
  node.dataset.codeId = code.id;
  if (selected?.id === code.id) name.setAttribute("aria-current", "true");
  const kids = children(code.id);
  if (kids.length) node.append(el("ul", {}, ...kids.map(item)));
  node.addEventListener("dragstart", (event) => { event.stopPropagation(); event.dataTransfer.setData("text/plain", String(code.id)); });
  node.addEventListener("dragover", (event) => event.preventDefault());
  node.addEventListener("drop", (event) => {
    event.preventDefault();
    event.stopPropagation();
    move(Number(event.dataTransfer.getData("text/plain")), code.id);
  });
  return node;
}

function render() {
  tree.replaceChildren(...children(null).map(item));
}

tree.addEventListener("dragover", (event) => event.preventDefault());
tree.addEventListener("drop", (event) => {
  event.preventDefault();
  move(Number(event.dataTransfer.getData("text/plain")), null);
});

function descendants(id) {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of codes) if (c.parent_id !== null && out.has(c.parent_id) && !out.has(c.id)) { out.add(c.id); grew = true; }
  }
  return out;
}

function select(code) {
  selected = code;
  editor.hidden = !code;
  if (!code) return;
  editor.dataset.codeId = String(code.id);
  for (const f of fields) document.getElementById(`ec-${f}`).value = code[f];
  document.getElementById("ec-colour").value = code.colour.toLowerCase();
  describeColour();
  const blocked = descendants(code.id);
  const parent = document.getElementById("ec-parent");
  parent.replaceChildren(
    el("option", { value: "", text: "(top level)", selected: code.parent_id === null }),
    ...codes.filter((c) => !blocked.has(c.id)).map((c) => el("option", { value: String(c.id), text: c.path, selected: c.id === code.parent_id })),
  );
  document.getElementById("ec-counts").textContent = `${countText(code, " from ")}.`;
  document.getElementById("ec-retrieve").href = `/retrieve?code=${code.id}`;
  document.getElementById("ec-page").href = `/codes/${code.id}`;
  mountMemoBox(document.getElementById("ec-memos"), "code", code.id).catch((error) => toast(error.message, true));
  render();
}

async function move(id, parentId) {
  if (!id || id === parentId) return;
  try {
    await api("POST", `/codes/${id}/move`, { parent_id: parentId });
    toast("Code moved.");
    await load();
  } catch (error) {
    toast(error.message, true);
  }
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const body = Object.fromEntries(fields.map((f) => [f, document.getElementById(`ec-${f}`).value]));
  body.colour = document.getElementById("ec-colour").value;
  // The version this page loaded: a save over someone else's newer change is refused (409), not lost.
  body.version = selected.version;
  try {
    await api("PATCH", `/codes/${selected.id}`, body);
    const parentValue = document.getElementById("ec-parent").value;
    const parentId = parentValue === "" ? null : Number(parentValue);
    if (parentId !== selected.parent_id) await api("POST", `/codes/${selected.id}/move`, { parent_id: parentId });
    toast("Code saved.");
    await load();
  } catch (error) {
    toast(error.message, true);
  }
});

async function create(name, parentId) {
  try {
    const code = await api("POST", "/codes", { name, parent_id: parentId });
    selected = code;
    toast(`Created ${code.path}.`);
    await load();
  } catch (error) {
    toast(error.message, true);
  }
}

document.getElementById("new-code").addEventListener("submit", async (event) => {
  event.preventDefault();
  const input = document.getElementById("new-code-name");
  if (input.value.trim()) await create(input.value.trim(), null);
  input.value = "";
});
document.getElementById("ec-child").addEventListener("click", async () => {
  const input = document.getElementById("new-code-name");
  const name = input.value.trim() || "New code";
  input.value = "";
  await create(name, selected.id);
});

load().then(() => { tree.dataset.ready = "true"; }).catch((error) => toast(error.message, true));

// WCAG contrast on white, as cotheme.domain.palette computes it: a stripe or swatch needs 3:1 to be seen.
function contrastOnWhite(hex) {
  const linear = (c) => { const v = c / 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const [r, g, b] = [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16)));
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

function describeColour() {
  const ratio = contrastOnWhite(document.getElementById("ec-colour").value);
  document.getElementById("ec-colour-note").textContent = ratio >= 3
    ? `Contrast on white ${ratio.toFixed(1)}:1.`
    : `Contrast on white ${ratio.toFixed(1)}:1: too light to see reliably; choose a darker colour (at least 3:1).`;
}
document.getElementById("ec-colour").addEventListener("input", describeColour);

// Someone else's change to the codebook (or its counts) redraws the tree; the code being edited is
// refreshed in the editor only when nobody is typing in it (a save over a changed code is refused).
refreshOn(["code", "coding"], async ({ busy }) => {
  codes = await api("GET", "/codes");
  render();
  if (selected && !busy) select(codes.find((c) => c.id === selected.id) ?? null);
});
