// Where a passage is, told the way a researcher finds it: turn number, speaker and time
// ("turn 14 · P02 · 12:31"). Character offsets stay between the page and the server: never shown.

import { state, turnAt } from "./reader.js";

/** "turn 14 · P02 · 12:31" (or "turns 14–15 · P02 · 12:31") for code points start-end. */
export function placeOf(start, end) {
  const first = turnAt(start);
  const last = turnAt(Math.max(start, end - 1));
  const turns = first === last ? `turn ${first.number}` : `turns ${first.number}–${last.number}`;
  return [turns, first.speaker, first.time].filter(Boolean).join(" · ");
}

/** Initials of a coder's name ("Sam Okafor" -> "SO"), shown on stripes in team projects. */
export function initials(name) {
  if (!name) return "";
  return name.split(/\s+/).filter(Boolean).map((w) => [...w][0].toUpperCase()).slice(0, 3).join("");
}

/** Whether stripes name their coder: on a team server, or when more than one person coded here. */
export function showCoders() {
  return state.team || state.manyCoders || new Set(state.codings.map((c) => c.coder)).size > 1;
}
