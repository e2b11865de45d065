// The reader's dialogs (code picker, coding panel, correction box): while one is open Tab stays inside
// it and Escape closes it, and on closing, focus goes back where it was (the turn, the coding) rather
// than falling to the page's body.

const open = new Map();  // dialog element -> { back, onClose }

const FOCUSABLE = "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

function focusables(box) {
  return [...box.querySelectorAll(FOCUSABLE)].filter((n) => n.offsetParent !== null || n === document.activeElement);
}

function onKey(event) {
  const box = event.currentTarget;
  if (event.key === "Escape") {
    event.preventDefault();
    event.stopPropagation();
    closeDialog(box);
  } else if (event.key === "Tab") {
    const items = focusables(box);
    if (!items.length) { event.preventDefault(); return; }
    const first = items[0], last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
    else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
  }
}

/**
 * Show `box` and focus `initial`. `back` (an element, or a function giving one when the dialog closes)
 * is where focus returns; by default what had focus before. `onClose` runs once when it closes.
 */
export function openDialog(box, { initial, back = null, onClose = null } = {}) {
  const had = document.activeElement;
  const previous = open.get(box);
  const before = had && had !== document.body && !box.contains(had) ? had : null;
  open.set(box, { back: previous?.back ?? back ?? before, onClose });
  if (!previous) box.addEventListener("keydown", onKey);
  box.hidden = false;
  (initial ?? focusables(box)[0])?.focus();
}

/** Hide `box`; focus goes back unless `restore` is false (the user clicked somewhere else). */
export function closeDialog(box, { restore = true } = {}) {
  const entry = open.get(box);
  box.hidden = true;
  if (!entry) return;
  open.delete(box);
  box.removeEventListener("keydown", onKey);
  entry.onClose?.();
  const back = typeof entry.back === "function" ? entry.back() : entry.back;
  if (restore && back?.isConnected) back.focus({ preventScroll: true });
}

export function isOpen(box) { return open.has(box); }
