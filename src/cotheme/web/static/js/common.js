// On every page: who is coding, the "/" shortcut to search, colour swatches.

// Changing who is coding reloads the page, so it needs a deliberate choice: a pick with the pointer, or
// Enter. Arrow keys on the closed menu (which the browser turns into "change" events) only move the
// choice; Enter confirms it.
const select = document.getElementById("member-select");
const chosenMember = select?.value;
let keyed = false;
function actAs() {
  if (select.value === chosenMember) return;
  document.cookie = `cotheme_member=${encodeURIComponent(select.value)}; path=/; SameSite=Strict`;
  location.reload();
}
select?.addEventListener("keydown", (event) => {
  if (event.key === "Enter") { event.preventDefault(); actAs(); } else keyed = true;
});
select?.addEventListener("pointerdown", () => { keyed = false; });
select?.addEventListener("change", () => { if (!keyed) actAs(); });

export function typing(event) {
  const t = event.target;
  return t instanceof HTMLElement && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));
}

document.documentElement.classList.add("js");

// The compact menu of narrow screens: a disclosure button; Escape closes it and focus returns to it.
const toggle = document.querySelector(".menu-toggle");
const menu = document.getElementById("site-menu");
function setMenu(open) {
  toggle.setAttribute("aria-expanded", String(open));
  menu.classList.toggle("open", open);
}
toggle?.addEventListener("click", () => setMenu(toggle.getAttribute("aria-expanded") !== "true"));
menu?.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true" && getComputedStyle(toggle).display !== "none") {
    setMenu(false);
    toggle.focus();
  }
});

document.addEventListener("keydown", (event) => {
  if (event.key === "/" && !typing(event) && !event.ctrlKey && !event.metaKey) {
    event.preventDefault();
    const search = document.getElementById("global-search");
    if (search && !search.checkVisibility() && toggle) setMenu(true); // the closed menu of a narrow screen
    search?.focus();
  }
});

for (const swatch of document.querySelectorAll("[data-colour]")) {
  swatch.style.backgroundColor = swatch.dataset.colour;
}

// A count with its noun, "1 extract" / "2 extracts": the twin of cotheme.domain.plural.counted.
const IRREGULAR = { child: "children", person: "people", analysis: "analyses" };

export function plural(noun, n) {
  if (n === 1) return noun;
  if (IRREGULAR[noun]) return IRREGULAR[noun];
  if (noun.endsWith("y") && !"aeiou".includes(noun.at(-2) ?? "a")) return `${noun.slice(0, -1)}ies`;
  return noun + (/(s|x|ch|sh)$/.test(noun) ? "es" : "s");
}

export function counted(n, noun) {
  return `${n} ${plural(noun, n)}`;
}

// Wide tables scroll inside their own frame rather than the whole page sideways (reflow at 320 px).
// A frame that scrolls becomes a named, focusable region so keyboard users can scroll it too; one that
// fits stays out of the tab order.
function tableName(table) {
  const caption = table.querySelector("caption");
  if (caption) return caption.textContent.trim();
  let before = table.parentElement?.previousElementSibling ?? table.previousElementSibling;
  while (before && !/^H[1-6]$/.test(before.tagName)) before = before.previousElementSibling;
  return before ? `${before.textContent.trim()} (table)` : "Table";
}

function markScrollable(frame) {
  const scrolls = frame.scrollWidth > frame.clientWidth + 1;
  if (scrolls) {
    frame.setAttribute("tabindex", "0");
    frame.setAttribute("role", "region");
    if (!frame.hasAttribute("aria-label") && !frame.hasAttribute("aria-labelledby")) {
      frame.setAttribute("aria-label", frame.dataset.name);
    }
  } else if (frame.dataset.name) {
    frame.removeAttribute("tabindex");
    frame.removeAttribute("role");
    if (frame.getAttribute("aria-label") === frame.dataset.name) frame.removeAttribute("aria-label");
  }
}

const frames = new ResizeObserver((entries) => {
  for (const entry of entries) markScrollable(entry.target.closest(".scroll") ?? entry.target);
});
for (const table of document.querySelectorAll("main table")) {
  let frame = table.parentElement.closest(".scroll");
  if (!frame) {
    frame = document.createElement("div");
    frame.className = "scroll table-frame";
    table.before(frame);
    frame.append(table);
  }
  if (frame.hasAttribute("tabindex")) continue; // the page names and manages this frame itself
  frame.dataset.name ??= tableName(table);
  frames.observe(frame);
  frames.observe(table);
}
