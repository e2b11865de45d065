// Retrieval: extracts of the chosen codes, with chosen attributes, filtered by attribute values.

import { api, el, toast } from "./api.js";
import { counted } from "./common.js";

const form = document.getElementById("retrieve-form");
const results = document.getElementById("results");
const count = document.getElementById("result-count");
const PAGE = 300;  // rows drawn at once; more on request, so 10k extracts stay responsive

function query() {
  const params = new URLSearchParams();
  for (const box of form.querySelectorAll('input[name="code"]:checked')) params.append("code", box.value);
  params.set("mode", form.querySelector('input[name="mode"]:checked').value);
  for (const select of form.querySelectorAll('select[name="where"]')) {
    if (select.value) params.append("where", `${select.dataset.attribute}=${select.value}`);
  }
  for (const box of form.querySelectorAll('input[name="show"]:checked')) params.append("show", box.value);
  if (!document.getElementById("subcodes").checked) params.set("subcodes", "false");
  return params;
}

function row(item) {
  const e = item.extract;
  const place = item.turn ? `${e.document}, turn ${item.turn}` : e.document;  // never character offsets
  const link = el("a", { href: `/documents/${e.document_id}#o=${e.start}-${e.end}`, text: place });
  const attributes = Object.entries(item.attributes).map(([k, v]) => `${k}: ${v}`).join(" · ");
  const meta = [e.case_pid ?? "no case", e.speaker, e.coder && `coded by ${e.coder}`, attributes].filter(Boolean).join(" · ");
  const extra = item.overlapping.length ? ` (with ${item.overlapping.join(", ")})` : "";
  const codes = (item.codes.length ? item.codes : [e.code_path]).join("; ");
  const article = el("article", { class: "extract" },
    el("p", { class: "meta" }, el("strong", { text: codes + extra }), " · ", link),
    el("blockquote", { text: e.text }),
    el("p", { class: "meta", text: meta }));
  if (item.memos.length) {
    article.append(el("section", { class: "extract-memos", "aria-label": counted(item.memos.length, "memo") },
      ...item.memos.map((m) => el("p", { class: "memo-note" },
        el("strong", { text: `Memo${m.author ? ` by ${m.author}` : ""}: ` }), m.text))));
  }
  return article;
}

function show(items, from) {
  const slice = items.slice(from, from + PAGE);
  results.append(...slice.map(row));
  document.getElementById("more")?.remove();
  if (from + PAGE < items.length) {
    const more = el("button", { type: "button", id: "more", text: `Show ${Math.min(PAGE, items.length - from - PAGE)} more` });
    more.addEventListener("click", () => show(items, from + PAGE));
    results.append(more);
  }
}

async function run() {
  const params = query();
  if (!params.getAll("code").length) { count.textContent = "Choose at least one code."; return; }
  try {
    const items = await api("GET", `/extracts?${params}`);
    results.replaceChildren();
    const people = new Set(items.map((i) => i.extract.case_pid).filter(Boolean));
    count.textContent = `${counted(items.length, "extract")} from ${counted(people.size, "participant")}.`;
    show(items, 0);
    history.replaceState(null, "", `/retrieve?${params}`);
  } catch (error) {
    toast(error.message, true);
  }
}

form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
if (new URLSearchParams(location.search).getAll("code").length) run();
