// The recording's player bar: a turn's time plays the recording from that turn; the turn being heard
// is marked (class "playing", aria-current="time") while it plays; Space plays or pauses and ←/→ go
// 5 s back or on (not while typing, nor while a dialog has the keys); the speed menu sets the rate.
// Also the Interview details' recording form (attach, replace, remove: PUT / DELETE
// /api/v1/documents/{id}/recording, the file itself as the body) and, in the coding panel, where in
// the recording the coding was said (GET /api/v1/codings/{id}/time).

import { toast } from "./api.js";

const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? "";
const media = document.getElementById("player-media");
const turns = document.getElementById("turns");
const timesNode = document.getElementById("turn-times");
const times = timesNode ? JSON.parse(timesNode.textContent) : [];  // [start ms, end ms] per turn index
const STEP_S = 5;

function clock(ms) {
  const s = Math.floor(ms / 1000), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  const two = (n) => String(n).padStart(2, "0");
  return h ? `${h}:${two(m)}:${two(r)}` : `${m}:${two(r)}`;
}

/** Turn the time of each turn into a button that plays from it (turns loaded later too). */
function buttons(root) {
  for (const span of root.querySelectorAll(".turn .speaker span.time")) {
    const index = Number(span.closest(".turn").dataset.index);
    const start = times[index]?.[0];
    if (start === null || start === undefined) continue;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "time play-from";
    button.dataset.ms = String(start);
    button.textContent = span.textContent;
    button.setAttribute("aria-label", `Play from ${span.textContent}`);  // the name holds the visible time
    span.replaceWith(button);
  }
}

export function playFrom(ms) {
  media.currentTime = ms / 1000;
  return media.play().catch((error) => toast(`The recording could not play: ${error.message}`, true));
}

// The timed turns' indices, in order of their start (a transcript's times run forward).
const timed = times.map((t, i) => i).filter((i) => times[i][0] !== null);

/** The index of the turn heard at `ms` (the last that starts at or before it, if not yet ended), or -1. */
function turnAtTime(ms) {
  let lo = 0, hi = timed.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (times[timed[mid]][0] <= ms) { found = timed[mid]; lo = mid + 1; } else { hi = mid - 1; }
  }
  if (found < 0) return -1;
  const end = times[found][1];
  return end === null || ms < end ? found : -1;
}

let playing = -1;
function mark() {
  const now = turnAtTime(media.currentTime * 1000);
  if (now === playing) return;
  const before = document.getElementById(`turn-${playing}`);
  before?.classList.remove("playing");
  before?.removeAttribute("aria-current");
  playing = now;
  const section = document.getElementById(`turn-${now}`);
  if (!section) return;
  section.classList.add("playing");
  section.setAttribute("aria-current", "time");
  if (!media.paused) section.scrollIntoView({ block: "nearest" });
}

/** Whether keys belong to where focus is: a field or the player's own controls. */
function typing(event) {
  const t = event.target;
  return t.isContentEditable || t === media || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName);
}

/** Whether Space activates what has focus (a button, a disclosure), so it is not play/pause there. */
function pressable(event) {
  const t = event.target;
  return ["BUTTON", "SUMMARY"].includes(t.tagName) || t.closest?.("[role=button]") !== null;
}

if (media) {
  buttons(turns);
  new MutationObserver(() => buttons(turns)).observe(turns, { childList: true });
  turns.addEventListener("click", (event) => {
    const button = event.target.closest?.("button.play-from");
    if (!button) return;
    event.preventDefault();
    playFrom(Number(button.dataset.ms));
  });
  media.addEventListener("timeupdate", mark);
  media.addEventListener("seeked", mark);
  document.getElementById("player-speed").addEventListener("change", (event) => {
    media.playbackRate = Number(event.target.value);
  });
  document.addEventListener("keydown", (event) => {
    if (typing(event) || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
    if (document.querySelector(".popover:not([hidden]), .panel:not([hidden])")) return;
    if (event.key === " " && !pressable(event)) {
      event.preventDefault();
      if (media.paused) media.play().catch((error) => toast(error.message, true)); else media.pause();
    } else if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      event.preventDefault();
      const step = event.key === "ArrowLeft" ? -STEP_S : STEP_S;
      media.currentTime = Math.max(0, Math.min(media.duration || Infinity, media.currentTime + step));
    }
  });
}

// -- attach, replace or remove the recording (Interview details) -------------------------------
const form = document.getElementById("recording-form");
if (form) {
  const url = `/api/v1/documents/${form.dataset.documentId}/recording`;
  const answer = async (response) => {
    if (response.ok) return;
    let data = null;
    try { data = await response.json(); } catch { data = null; }
    throw new Error(data?.error ?? `The server answered ${response.status}.`);
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const file = document.getElementById("recording-file").files[0];
    if (!file) { toast("Choose the recording's file first.", true); return; }
    try {
      toast(`Storing ${file.name}…`);
      const response = await fetch(`${url}?filename=${encodeURIComponent(file.name)}`, {
        method: "PUT", body: file, credentials: "same-origin",
        headers: { "X-CSRF-Token": csrf, "Content-Type": file.type || "application/octet-stream" },
      });
      await answer(response);
      window.location.reload();
    } catch (error) {
      toast(error.message, true);
    }
  });
  document.getElementById("recording-remove")?.addEventListener("click", async () => {
    try {
      await answer(await fetch(url, { method: "DELETE", credentials: "same-origin", headers: { "X-CSRF-Token": csrf } }));
      window.location.reload();
    } catch (error) {
      toast(error.message, true);
    }
  });
}

// -- where in the recording a coding was said (the coding panel) ---------------------------------
const when = document.getElementById("cp-time");
const panel = document.getElementById("coding-panel");
if (when && panel) {
  new MutationObserver(async () => {
    if (panel.hidden) return;
    const id = panel.dataset.codingId;
    if (!id || when.dataset.codingId === id) return;
    when.dataset.codingId = id;
    when.textContent = "";
    try {
      const response = await fetch(`/api/v1/codings/${id}/time`, { credentials: "same-origin" });
      const span = await response.json();
      if (!response.ok) throw new Error(span?.error ?? `The server answered ${response.status}.`);
      when.textContent = span.start_ms === null ? "No time in the recording (its turns have no times)."
        : `Said at ${clock(span.start_ms)}–${clock(span.end_ms)} in the recording.`;
    } catch (error) {
      when.textContent = error.message;
    }
  }).observe(panel, { attributes: true, attributeFilter: ["hidden", "data-coding-id"] });
}
