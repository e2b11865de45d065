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

document.addEventListener("keydown", (event) => {
  if (event.key === "/" && !typing(event) && !event.ctrlKey && !event.metaKey) {
    event.preventDefault();
    document.getElementById("global-search")?.focus();
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
