// The reader kept live: another member's codings appear in (and leave) the margin as they are made,
// a change to the codebook is announced and redrawn, and the page says who else has the transcript open.
// Codings come through the ordinary read path (GET /codings/{id}), so what a member may see is the
// server's decision, as for everything else on the page.

import { api } from "./api.js";
import { announce, followLive } from "./live.js";
import { state } from "./reader.js";
import { refreshSidebar } from "./sidebar.js";
import { draw } from "./stripes.js";

const reader = document.getElementById("reader");
const me = Number(reader.dataset.memberId);
const presence = document.getElementById("presence");

function loadedUpTo() {
  const last = state.turns[state.turns.length - 1];
  return last ? last.end : 0;
}

async function codingChanged(event) {
  const index = state.codings.findIndex((c) => c.id === event.row_id);
  if (event.action === "delete") {
    if (index >= 0) state.codings.splice(index, 1);
    else if (state.hiddenCodings > 0) state.hiddenCodings -= 1;  // it lay in turns not loaded yet
    return;
  }
  let coding;
  try { coding = await api("GET", `/codings/${event.row_id}`); } catch { return; }  // gone again, or not ours to see
  if (coding.document_id !== state.documentId) return;
  if (index >= 0) state.codings[index] = coding;
  else if (coding.start < loadedUpTo()) state.codings.push(coding);
  else state.hiddenCodings += 1;
  if (coding.coder && state.codings.some((c) => c.coder && c.coder !== coding.coder)) state.manyCoders = true;
}

async function codesChanged(event) {
  const codes = await api("GET", "/codes");
  state.codes.splice(0, state.codes.length, ...codes);
  for (const coding of state.codings) {
    const code = codes.find((c) => c.id === coding.code_id);
    if (code) { coding.code = code.name; coding.code_path = code.path; }
  }
  announce(event);
}

let pending = Promise.resolve();
function onEvent(event) {
  // One at a time, in the feed's order: a coding made and deleted at once must end deleted.
  pending = pending.then(async () => {
    if (event.kind === "coding" && event.document_id === state.documentId) await codingChanged(event);
    else if (event.kind === "code") await codesChanged(event);
    else return;
    draw();
    refreshSidebar();
  }).catch((error) => console.error(error));
}

function onPresence(people) {
  const others = people.filter((p) => p.member_id !== me);
  presence.hidden = others.length === 0;
  presence.textContent = others.length === 0 ? "" : `Also here: ${others.map((p) =>
    `${p.name} (${p.role_label || p.permission})`).join(", ")}`;
}

followLive({ documentId: state.documentId, onEvent, onPresence });

// Lanes by coder: everyone's codings side by side (a revealed calibration transcript opens with #lanes).
const lanes = document.getElementById("lanes-toggle");
function showLanes(on) {
  state.lanesByCoder = on;
  lanes.setAttribute("aria-pressed", String(on));
  draw();
}
lanes.addEventListener("click", () => showLanes(!state.lanesByCoder));
if (state.lanesByCoder) showLanes(true);
