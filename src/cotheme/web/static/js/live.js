// The live feed (/api/v1/events): server-sent events, resumed by the browser with Last-Event-ID after a
// dropped line; after repeated failures (a proxy that will not hold a stream open) the same address is
// polled for JSON batches instead. Handlers get each event's JSON ({id, kind, action, row_id,
// document_id, code_id, actor, announce}) and, for a page with a transcript open, who else has it open.

import { api, toast } from "./api.js";

const KINDS = ["coding", "memo", "code", "theme", "document"];
const POLL_MS = 3000;

const me = document.querySelector('meta[name="cotheme-member"]')?.content ?? "";
// The feed's end when the server drew the page: following starts there, so a change made while the
// page loaded is not lost before the stream opens.
const drawnAt = document.querySelector('meta[name="cotheme-live-from"]')?.content ?? "";

/** Say an event's sentence when someone else made the change: a person's own change is confirmed by
 *  the page they made it on, and announcing it again would replace that confirmation. */
export function announce(event) {
  if (event.announce && event.actor !== me) toast(event.announce);
}

export function followLive({ documentId = null, onEvent = () => {}, onPresence = () => {} } = {}) {
  let cursor = /^\d+$/.test(drawnAt) ? Number(drawnAt) : null;
  let failures = 0;
  let source = null;
  const query = documentId ? `document=${documentId}` : "";
  const from = cursor === null ? "" : `after=${cursor}`;
  const token = Math.random().toString(36).slice(2) + Date.now().toString(36);

  function handle(message) {
    if (message.lastEventId) cursor = Number(message.lastEventId);
    try { onEvent(JSON.parse(message.data)); } catch (error) { console.error(error); }
  }

  function stream() {
    const first = [from, query].filter(Boolean).join("&");
    source = new EventSource(`/api/v1/events${first ? `?${first}` : ""}`);
    for (const kind of KINDS) source.addEventListener(kind, handle);
    source.addEventListener("presence", (message) => onPresence(JSON.parse(message.data)));
    source.addEventListener("open", () => { failures = 0; });
    source.addEventListener("error", () => {
      failures += 1;
      if (failures >= 3) { source.close(); poll(); }
    });
  }

  async function poll() {
    try {
      const after = cursor === null ? "" : `after=${cursor}&`;
      const batch = await api("GET", `/events?${after}${query}${query ? "&" : ""}token=${token}`);
      for (const event of batch.events) {
        try { onEvent(event); } catch (error) { console.error(error); }
      }
      cursor = batch.cursor;
      if (documentId) onPresence(batch.present);
    } catch { /* the server is away: try again at the next tick */ }
    setTimeout(poll, POLL_MS);
  }

  if ("EventSource" in window) stream(); else poll();
  return { close: () => source?.close() };
}
