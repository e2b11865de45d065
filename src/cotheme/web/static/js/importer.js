// The import page: choose or drop files, see what each would become (and any refusal next to it),
// rename speakers, then import all of them or none, with a progress bar while the batch uploads.
import { api, el, postForm, toast } from "./api.js";
import { counted } from "./common.js";

const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? "";
const $ = (id) => document.getElementById(id);
const state = { files: [], previews: [], renames: new Map(), sheet: null, codebook: null };

// -- sending forms ---------------------------------------------------------------------------------
// An XMLHttpRequest, not fetch: only it reports how far an upload has gone.
function postWithProgress(path, form, bar) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1${path}`);
    xhr.setRequestHeader("X-CSRF-Token", csrf);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) bar.value = Math.round((event.loaded / event.total) * 90);
    };
    xhr.upload.onload = () => { bar.value = 90; };
    xhr.onload = () => {
      let data = null;
      try { data = JSON.parse(xhr.responseText); } catch { data = null; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data);
      else reject(new Error(data?.error ?? `The server answered ${xhr.status}.`));
    };
    xhr.onerror = () => reject(new Error("The upload did not reach the server; nothing was imported."));
    xhr.send(form);
  });
}

function transcriptForm(withRenames) {
  const form = new FormData();
  for (const file of state.files) form.append("files", file, file.name);
  const caseId = $("import-case").value.trim();
  if (caseId) form.append("case", caseId);
  if ($("import-verbatim").checked) form.append("verbatim", "true");
  if ($("import-duplicates").checked) form.append("allow_duplicate", "true");
  if (withRenames) {
    for (const [old, renamed] of state.renames) if (renamed.trim()) form.append("speaker", `${old}=${renamed.trim()}`);
  }
  return form;
}

// -- transcripts -----------------------------------------------------------------------------------
function addFiles(list) {
  for (const file of list) {
    if (file.name.toLowerCase().endsWith(".qdc")) { chooseCodebook(file); continue; }
    if (!state.files.some((f) => f.name === file.name && f.size === file.size)) state.files.push(file);
  }
  previewTranscripts();
}

async function previewTranscripts() {
  const status = $("transcript-status");
  if (!state.files.length) { state.previews = []; renderTranscripts(); status.textContent = ""; return; }
  status.textContent = `Reading ${counted(state.files.length, "file")}…`;
  try {
    state.previews = await postForm("/imports/preview", transcriptForm(false));
    status.textContent = "";
  } catch (error) {
    state.previews = [];
    status.textContent = error.message;
  }
  renderTranscripts();
}

function renamed(speaker) {
  const value = (state.renames.get(speaker) ?? "").trim();
  return value || speaker;
}

function renderTranscripts() {
  const table = $("transcript-preview");
  const body = table.querySelector("tbody");
  body.replaceChildren();
  for (const p of state.previews) {
    const remove = el("button", { type: "button", class: "link", text: "Remove", "aria-label": `Remove ${p.file}` });
    remove.addEventListener("click", () => {
      state.files = state.files.filter((f) => f.name !== p.file);
      previewTranscripts();
    });
    const speakers = p.kind === "qdpx" && p.summary
      ? `REFI-QDA project: ${counted(p.summary.documents, "document")}, ${counted(p.summary.codes, "code")}, ${counted(p.summary.codings, "coding")}`
      : p.speakers.map(renamed).join(", ");
    const row = el("tr", { "data-file": p.file, class: p.error ? "refused" : "" },
      el("th", { scope: "row", text: p.file }), el("td", { text: p.format }), el("td", { text: speakers }),
      el("td", { class: "num", text: p.kind === "qdpx" || p.error ? "" : String(p.words) }),
      el("td", { class: "num", text: p.kind === "qdpx" || p.error ? "" : String(p.turns) }),
      el("td", { text: p.case_pid ?? "" }), el("td", { text: p.duplicate_of ?? "" }),
      el("td", { class: "problem", text: p.error ?? "" }), el("td", {}, remove));
    body.append(row);
  }
  table.hidden = state.previews.length === 0;
  renderSpeakers();
  const bad = state.previews.filter((p) => p.error).length;
  const button = $("import-transcripts");
  button.disabled = state.previews.length === 0 || bad > 0;
  button.textContent = state.previews.length ? `Import ${counted(state.previews.length, "file")}` : "Import transcripts";
  if (bad) $("transcript-status").textContent = `${counted(bad, "file")} cannot be imported as they are (see Problem); remove or fix them.`;
}

function renderSpeakers() {
  const speakers = [...new Set(state.previews.flatMap((p) => p.speakers ?? []))];
  const list = $("speaker-list");
  list.replaceChildren();
  speakers.forEach((speaker, i) => {
    const input = el("input", { type: "text", id: `rename-${i}`, value: state.renames.get(speaker) ?? "", maxLength: 200 });
    input.addEventListener("input", () => { state.renames.set(speaker, input.value); refreshSpeakerCells(); });
    list.append(el("div", { class: "rename" }, el("label", { for: `rename-${i}`, text: `Rename “${speaker}” to` }), input));
  });
  $("speaker-renames").hidden = speakers.length === 0;
}

function refreshSpeakerCells() {
  for (const p of state.previews) {
    if (p.kind === "qdpx") continue;
    const row = document.querySelector(`tr[data-file="${CSS.escape(p.file)}"]`);
    if (row) row.children[2].textContent = p.speakers.map(renamed).join(", ");
  }
}

function showRefusal(message) {
  // A refusal starts with the file it concerns ("P07.docx: ..."): show it in that file's row too.
  const row = [...document.querySelectorAll("#transcript-preview tbody tr")]
    .find((r) => message.startsWith(`${r.dataset.file}:`) || message.startsWith(`${r.dataset.file},`));
  if (row) { row.classList.add("refused"); row.querySelector(".problem").textContent = message; }
  $("transcript-status").textContent = message;
}

async function importTranscripts() {
  const bar = $("import-progress");
  const button = $("import-transcripts");
  button.disabled = true;
  bar.hidden = false;
  bar.value = 0;
  $("transcript-status").textContent = `Importing ${counted(state.files.length, "file")}…`;
  try {
    // With a recording: one transcript and its recording, the recording last (it streams into the store).
    const recording = $("import-recording").files[0];
    const form = transcriptForm(true);
    if (recording) form.append("recording", recording, recording.name);
    const result = await postWithProgress(recording ? "/imports/recorded" : "/imports", form, bar);
    bar.value = 100;
    const list = $("imported-list");
    for (const doc of result.documents) {
      list.append(el("li", {}, el("a", { href: `/documents/${doc.id}`, text: doc.title }),
        ` — ${doc.turns} turns${doc.case_pid ? `, case ${doc.case_pid}` : ""}`));
    }
    for (const project of result.projects) {
      list.append(el("li", { text: `${project.file}: merged (${Object.entries(project.created).map(([k, n]) => `${n} ${k}`).join(", ") || "nothing new"})` }));
    }
    const count = result.documents.length || result.projects.length;
    $("transcript-status").textContent = `Imported ${counted(count, "file")}.`;
    toast(`Imported ${counted(count, "file")}.`);
    state.files = []; state.previews = []; state.renames.clear();
    $("import-recording").value = "";
    renderTranscripts();
  } catch (error) {
    showRefusal(error.message);
    button.disabled = false;
  } finally {
    bar.hidden = true;
  }
}

// -- participants sheet ----------------------------------------------------------------------------
function sheetForm() {
  const form = new FormData();
  form.append("file", state.sheet, state.sheet.name);
  const column = $("id-column").value;
  if (column) form.append("id_column", column);
  return form;
}

async function previewSheet() {
  const status = $("sheet-status");
  const table = $("sheet-preview");
  table.hidden = true;
  $("import-sheet").disabled = true;
  $("sheet-summary").textContent = "";
  try {
    const preview = await postForm("/cases/import/preview", sheetForm());
    if (preview.error) { status.textContent = preview.error; return; }
    status.textContent = "";
    const select = $("id-column");
    select.replaceChildren(...preview.columns.map((c) => el("option", { value: c, text: c, selected: c === preview.id_column })));
    select.disabled = false;
    const body = table.querySelector("tbody");
    body.replaceChildren(...preview.rows.map((r) => el("tr", {},
      el("td", { class: "num", text: String(r.line) }), el("th", { scope: "row", text: r.pid }),
      el("td", { text: r.new ? "new" : "known" }),
      el("td", { text: r.transcripts.join(", ") || "no transcript yet" }),
      el("td", { class: r.empty.length ? "missing" : "", text: r.empty.join(", ") }))));
    table.hidden = false;
    const matched = preview.rows.filter((r) => r.transcripts.length).length;
    $("sheet-summary").textContent = `${preview.rows.length} rows, ${matched} matching transcripts; attributes: ${preview.attributes.join(", ") || "none"}`
      + (preview.details.length ? `; interview details: ${preview.details.join(", ")}` : "") + ".";
    $("import-sheet").disabled = false;
  } catch (error) {
    status.textContent = error.message;
  }
}

async function importSheet() {
  $("import-sheet").disabled = true;
  try {
    const result = await postForm("/cases/import", sheetForm());
    const linked = result.linked ? `, linked ${counted(result.linked, "transcript")}` : "";
    $("sheet-status").textContent = `Imported ${counted(result.created, "new participant")} and updated ${result.updated}${linked}.`;
    toast("Participants imported.");
  } catch (error) {
    $("sheet-status").textContent = error.message;
    $("import-sheet").disabled = false;
  }
}

// -- codebook --------------------------------------------------------------------------------------
function chooseCodebook(file) {
  state.codebook = file;
  previewCodebook();
}

async function previewCodebook() {
  const list = $("codebook-preview");
  const status = $("codebook-status");
  list.replaceChildren();
  $("import-codebook").disabled = true;
  const form = new FormData();
  form.append("file", state.codebook, state.codebook.name);
  try {
    const preview = await postForm("/codebook/import/preview", form);
    if (preview.error) { status.textContent = preview.error; return; }
    const added = preview.codes.filter((c) => c.new).length;
    status.textContent = `${state.codebook.name}: ${preview.codes.length} codes, ${added} new, ${preview.codes.length - added} already in the codebook.`;
    list.replaceChildren(...preview.codes.map((c) => el("li", { text: `${c.path}${c.new ? "" : " (already in the codebook)"}` })));
    $("import-codebook").disabled = false;
  } catch (error) {
    status.textContent = error.message;
  }
}

async function importCodebook() {
  $("import-codebook").disabled = true;
  const form = new FormData();
  form.append("file", state.codebook, state.codebook.name);
  try {
    const result = await postForm("/codebook/import", form);
    const counted = result.kind === "qdc"
      ? `merged ${Object.entries(result.created).map(([k, n]) => `${n} ${k}`).join(", ") || "nothing new"}`
      : `created ${result.created} codes and updated ${result.updated}`;
    $("codebook-status").textContent = `Imported ${result.file}: ${counted}.`;
    toast("Codebook imported.");
  } catch (error) {
    $("codebook-status").textContent = error.message;
    $("import-codebook").disabled = false;
  }
}

// -- wiring ----------------------------------------------------------------------------------------
$("transcript-files").addEventListener("change", (event) => { addFiles(event.target.files); event.target.value = ""; });
const zone = $("drop-zone");
zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("over"); });
zone.addEventListener("dragleave", () => zone.classList.remove("over"));
zone.addEventListener("drop", (event) => {
  event.preventDefault();
  zone.classList.remove("over");
  addFiles(event.dataTransfer.files);
});
for (const id of ["import-case", "import-verbatim", "import-duplicates"]) $(id).addEventListener("change", previewTranscripts);
$("import-transcripts").addEventListener("click", importTranscripts);
$("sheet-file").addEventListener("change", (event) => {
  state.sheet = event.target.files[0] ?? null;
  $("id-column").replaceChildren();
  if (state.sheet) previewSheet();
});
$("id-column").addEventListener("change", previewSheet);
$("import-sheet").addEventListener("click", importSheet);
$("codebook-file").addEventListener("change", (event) => { if (event.target.files[0]) chooseCodebook(event.target.files[0]); });
$("import-codebook").addEventListener("click", importCodebook);
$("coders-import")?.addEventListener("change", async (event) => {
  try {
    const answer = await api("PUT", "/settings/coders-import", { on: event.target.checked });
    toast(answer.on ? "Coders may now import." : "Only leads may import now.");
  } catch (error) {
    toast(error.message, true);
    event.target.checked = !event.target.checked;
  }
});
