// Pages kept live without a reload: the codebook, the themes and the map redraw when someone else
// changes what they show, and a change to the codebook is announced in a sentence. A page's own
// unsaved work is never replaced: `refresh` is told whether the person is in the middle of a form.

import { announce, followLive } from "./live.js";

const WAIT_MS = 300;  // changes that come together (a merge of codes) redraw once

const me = document.querySelector('meta[name="cotheme-member"]')?.content ?? "";

/** Follow the live feed; after events of `kinds` (only other people's, with `othersOnly`), call
 *  `refresh({ busy })` once things settle. */
export function refreshOn(kinds, refresh, { othersOnly = false } = {}) {
  let timer = null;
  followLive({
    onEvent: (event) => {
      if (!kinds.includes(event.kind) || (othersOnly && event.actor === me)) return;
      announce(event);
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const active = document.activeElement;
        const busy = !!active?.closest("form, [contenteditable='true']") && active.matches("input, textarea, select");
        try { await refresh({ busy }); } catch (error) { console.error(error); }
      }, WAIT_MS);
    },
  });
}

/** For a page drawn by the server: redraw it in place when nobody is typing in it, keeping the scroll. */
export function reloadWhenIdle() {
  let waiting = false;
  const reload = () => { sessionStorage.setItem("cotheme-scroll", String(window.scrollY)); window.location.reload(); };
  refreshOn(["theme", "code"], ({ busy }) => {
    if (!busy) { reload(); return; }
    if (waiting) return;
    waiting = true;  // after the form is left, not while someone types in it
    document.addEventListener("focusout", () => setTimeout(reload, 0), { once: true });
  }, { othersOnly: true });
  const y = Number(sessionStorage.getItem("cotheme-scroll") ?? "");
  sessionStorage.removeItem("cotheme-scroll");
  if (y) window.scrollTo(0, y);
}
