// The import page's recording step: send a recording to be transcribed on this computer, show how far
// it has got and the time left (cancel stores nothing), then fix its speakers: rename one, merge two
// (give one the other's name), or split one by giving single turns to another speaker.
import { api, el, toast } from "./api.js";

const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? "";
const $ = (id) => document.getElementById(id);
const state = { job: null, timer: null, doc: null };

function clock(seconds) {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  return h ? `${h}:${String(m).padStart(2, "0")}:${String(r).padStart(2, "0")}` : `${m}:${String(r).padStart(2, "0")}`;
}

const STAGES = { waiting: "Waiting", decoding: "Decoding", loading: "Loading the model for", transcribing: "Transcribing",
                 speakers: "Telling speakers apart in", storing: "Storing" };

function describe(job) {
  if (job.state === "done") return `Transcribed ${job.file}: ${job.documents.map((d) => `${d.title}, ${d.turns} turns`).join("; ")}.`;
  if (job.state !== "running") return job.error;
  const what = `${STAGES[job.stage] ?? job.stage} ${job.file}`;
  if (job.stage !== "transcribing" || !job.total_s) return `${what}…`;
  const left = job.left_s == null ? "" : `, about ${clock(job.left_s)} left`;
  return `${what}: ${clock(job.done_s)} of ${clock(job.total_s)}${left}.`;
}

function upload(file) {
  // An XMLHttpRequest, not fetch: only it reports how far an upload has gone.
  const params = new URLSearchParams({ filename: file.name, speakers: $("recording-speakers").value || "2",
    model: $("recording-model").value, language: $("recording-language").value.trim() || "en" });
  const caseId = $("import-case")?.value.trim();
  if (caseId) params.set("case", caseId);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/transcriptions?${params}`);
    xhr.setRequestHeader("X-CSRF-Token", csrf);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        $("transcribe-progress").value = Math.round((event.loaded / event.total) * 100);
        $("transcribe-status").textContent = `Sending ${file.name}…`;
      }
    };
    xhr.onload = () => {
      let data = null;
      try { data = JSON.parse(xhr.responseText); } catch { data = null; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data);
      else reject(new Error(data?.error ?? `The server answered ${xhr.status}.`));
    };
    xhr.onerror = () => reject(new Error("The recording did not reach the server; nothing was imported."));
    xhr.send(file);
  });
}

function running(on) {
  $("transcribe").disabled = on || !$("recording-file").files.length;
  $("transcribe-cancel").hidden = !on;
  $("transcribe-progress").hidden = !on;
}

async function start() {
  const file = $("recording-file").files[0];
  if (!file) return;
  running(true);
  $("transcribe-speakers").hidden = true;
  $("transcribe-progress").value = 0;
  try {
    state.job = await upload(file);
    poll();
  } catch (error) {
    running(false);
    $("transcribe-status").textContent = error.message;
    toast(error.message, true);
  }
}

async function poll() {
  clearTimeout(state.timer);
  if (!state.job) return;
  let job;
  try { job = await api("GET", `/transcriptions/${state.job.id}`); } catch (error) {
    running(false); $("transcribe-status").textContent = error.message; return;
  }
  state.job = job;
  $("transcribe-status").textContent = describe(job);
  if (job.stage === "transcribing" && job.total_s) $("transcribe-progress").value = Math.round((job.done_s / job.total_s) * 100);
  if (job.state === "running") { state.timer = setTimeout(poll, 1000); return; }
  running(false);
  state.job = null;
  if (job.state === "done" && job.documents.length) showSpeakers(job.documents[0].id);
  else if (job.state === "failed") toast(job.error, true);
}

async function cancel() {
  if (!state.job) return;
  $("transcribe-cancel").disabled = true;
  try { await api("DELETE", `/transcriptions/${state.job.id}`); } finally { $("transcribe-cancel").disabled = false; }
  poll();
}

// -- speakers ----------------------------------------------------------------------------------------
async function showSpeakers(docId) {
  state.doc = await api("GET", `/documents/${docId}`);
  const doc = state.doc;
  $("transcribed-title").replaceChildren(el("a", { href: `/documents/${doc.id}`, text: doc.title }));
  const speakers = [...new Set(doc.turns.map((t) => t.speaker).filter(Boolean))];
  const list = $("transcribed-speakers");
  list.replaceChildren(...speakers.map((name, n) => {
    const id = `speaker-name-${n}`;
    const input = el("input", { id, type: "text", value: name, maxLength: 200, autocomplete: "off" });
    const button = el("button", { type: "button", text: "Rename" });
    button.addEventListener("click", () => rename(name, input.value.trim()));
    return el("div", { class: "row" }, el("label", { for: id, text: `${name} is` }), input, button);
  }));
  const chars = Array.from(doc.text);  // offsets count code points
  const body = $("transcribed-turns").querySelector("tbody");
  body.replaceChildren(...doc.turns.map((turn) => {
    const select = el("select", { "aria-label": `Speaker of turn ${turn.index + 1}` },
      ...speakers.map((s) => el("option", { value: s, text: s, selected: s === turn.speaker })),
      el("option", { value: "", text: "New speaker" }));
    select.addEventListener("change", () => moveTurn(turn.index, select.value || `Speaker ${speakers.length + 1}`));
    const words = chars.slice(turn.start, turn.end).join("");
    return el("tr", {}, el("td", { text: String(turn.index + 1) }),
      el("td", { text: turn.t_start_ms == null ? "" : clock(turn.t_start_ms / 1000) }), el("td", {}, select),
      el("td", { text: words.length > 120 ? `${words.slice(0, 120)}…` : words }));
  }));
  $("transcribe-speakers").hidden = false;
}

async function rename(old, renamed) {
  if (!renamed || renamed === old) return;
  try {
    const done = await api("PUT", `/documents/${state.doc.id}/speakers`, { old, new: renamed });
    $("transcribe-status").textContent = `Renamed ${old} to ${renamed} in ${done.changed} turns.`;
    showSpeakers(state.doc.id);
  } catch (error) { toast(error.message, true); }
}

async function moveTurn(index, speaker) {
  try {
    await api("PUT", `/documents/${state.doc.id}/turns/${index}/speaker`, { speaker });
    $("transcribe-status").textContent = `Turn ${index + 1} is now ${speaker}'s.`;
    showSpeakers(state.doc.id);
  } catch (error) { toast(error.message, true); }
}

$("recording-file").addEventListener("change", () => running(false));
$("transcribe").addEventListener("click", start);
$("transcribe-cancel").addEventListener("click", cancel);
