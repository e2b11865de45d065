// The "Codings sheet" part of the import page: choose a .csv/.xlsx of codings, see each row as it
// would be coded (or the sentence refusing the sheet, naming its row), then add all of them or none.
import { el, postForm, toast } from "./api.js";
import { counted } from "./common.js";

const $ = (id) => document.getElementById(id);
let sheet = null;

function sheetForm() {
  const form = new FormData();
  form.append("file", sheet, sheet.name);
  const coder = $("codings-coder")?.value ?? "";
  if (coder) form.append("coder", coder);
  if ($("codings-create")?.checked) form.append("create", "true");
  return form;
}

async function previewCodings() {
  const table = $("codings-preview");
  const status = $("codings-status");
  table.hidden = true;
  $("import-codings").disabled = true;
  $("codings-summary").textContent = "";
  status.textContent = `Reading ${sheet.name}…`;
  try {
    const preview = await postForm("/codings/import/preview", sheetForm());
    if (preview.error) { status.textContent = preview.error; return; }
    status.textContent = "";
    table.querySelector("tbody").replaceChildren(...preview.rows.map((r) => el("tr", {},
      el("td", { class: "num", text: String(r.row) }), el("td", { text: r.document }), el("td", { text: r.code }),
      el("td", { class: "num", text: `${r.start}-${r.end}` }), el("td", { text: r.text }),
      el("td", { text: r.coder }), el("td", { text: r.memo ?? "" }))));
    table.hidden = false;
    $("codings-summary").textContent = `${sheet.name}: ${counted(preview.rows.length, "coding")}`
      + (preview.memos ? ` and ${counted(preview.memos, "memo")}` : "") + " to add.";
    $("import-codings").disabled = false;
  } catch (error) {
    status.textContent = error.message;
  }
}

async function importCodings() {
  $("import-codings").disabled = true;
  try {
    const result = await postForm("/codings/import", sheetForm());
    $("codings-status").textContent = result.sentence;
    toast("Codings added.");
  } catch (error) {
    $("codings-status").textContent = error.message;
    $("import-codings").disabled = false;
  }
}

$("codings-file").addEventListener("change", (event) => {
  sheet = event.target.files[0] ?? null;
  if (sheet) previewCodings();
});
$("codings-coder")?.addEventListener("change", () => { if (sheet) previewCodings(); });
$("codings-create")?.addEventListener("change", () => { if (sheet) previewCodings(); });
$("import-codings").addEventListener("click", importCodings);
