// The project home after first paint: the team's queue and progress (fetched, so the page never waits
// for a pass over every coding), and the transcripts list a page at a time, or filtered by title.

import { api, el, toast } from "./api.js";

const team = document.getElementById("team-home");
if (team) {
  api("GET", "/home/team").then((data) => {
    // Rendered by the server's autoescaped template (the same one the page used to include).
    team.innerHTML = data.html;
    team.removeAttribute("aria-busy");
  }).catch((error) => toast(error.message, true));
}

const table = document.getElementById("docs-table");
const body = table?.querySelector("tbody");
const more = document.getElementById("docs-more");
const filter = document.getElementById("docs-filter");
const shown = document.getElementById("docs-shown");
const PAGE = 50;
let query = "";
let loaded = body ? body.rows.length : 0;
let total = Number(table?.dataset.total ?? 0);

function row(d) {
  const share = d.turns ? d.coded_turns / d.turns : 0;
  const bar = el("progress", { value: d.coded_turns, max: d.turns || 1,
                               "aria-label": `${d.title}: ${d.coded_turns} of ${d.turns} turns coded` });
  return el("tr", {},
    el("td", {}, el("a", { href: `/documents/${d.id}`, text: d.title })),
    el("td", { text: d.case_pid ?? "" }),
    el("td", { class: "num", text: String(d.words) }),
    el("td", { text: d.speakers.join(", ") }),
    el("td", { class: "num", text: String(d.codings) }),
    el("td", {}, bar, ` ${Math.round(share * 100)}%`));
}

async function load(replace) {
  const offset = replace ? 0 : loaded;
  const params = new URLSearchParams({ offset: String(offset), limit: String(PAGE), q: query });
  const wanted = query;
  const page = await api("GET", `/home/documents?${params}`);
  if (wanted !== query) return;  // a newer search answered first
  const rows = page.documents.map(row);
  if (replace) body.replaceChildren(...rows); else body.append(...rows);
  loaded = offset + rows.length;
  total = page.total;
  if (rows.length === 0 && replace) body.append(el("tr", {}, el("td", { colSpan: 6, text: "No transcript matches." })));
  if (shown) shown.textContent = `${loaded} of ${total} shown`;
  if (more) more.hidden = loaded >= total;
}

more?.addEventListener("click", () => load(false).catch((error) => toast(error.message, true)));
let timer = null;
filter?.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    query = filter.value.trim();
    load(true).catch((error) => toast(error.message, true));
  }, 200);
});
