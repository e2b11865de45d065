// On every page: who is coding, the "/" shortcut to search, colour swatches.

const select = document.getElementById("member-select");
select?.addEventListener("change", () => {
  document.cookie = `cotheme_member=${encodeURIComponent(select.value)}; path=/; SameSite=Strict`;
  location.reload();
});

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
