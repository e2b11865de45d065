// Calls to /api/v1 with the CSRF token, and the status line that reports their outcome.

const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? "";

export async function api(method, path, body) {
  const options = { method, credentials: "same-origin", headers: { "X-CSRF-Token": csrf } };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(`/api/v1${path}`, options);
  if (response.status === 204) return null;
  let data = null;
  try { data = await response.json(); } catch { data = null; }
  if (!response.ok) throw new Error(data?.error ?? `The server answered ${response.status}.`);
  return data;
}

/** POST a multipart form (an uploaded file and its choices) to /api/v1; errors as ``api``'s. */
export async function postForm(path, form) {
  const response = await fetch(`/api/v1${path}`, {
    method: "POST", body: form, credentials: "same-origin", headers: { "X-CSRF-Token": csrf },
  });
  let data = null;
  try { data = await response.json(); } catch { data = null; }
  if (!response.ok) throw new Error(data?.error ?? `The server answered ${response.status}.`);
  return data;
}

let timer = null;
export function toast(message, isError = false) {
  const box = document.getElementById("toast");
  if (!box) return;
  box.textContent = message;
  box.classList.toggle("error", isError);
  box.classList.add("shown");
  clearTimeout(timer);
  timer = setTimeout(() => box.classList.remove("shown"), isError ? 6000 : 2500);
}

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("data-") || key.startsWith("aria-") || key === "role" || key === "for") node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children) node.append(child);
  return node;
}

export function readJson(id) {
  return JSON.parse(document.getElementById(id).textContent);
}

/** Remove `item` (a row or card the user just acted on) without letting focus fall to the page: focus
 * goes to the next item's first control, else the previous one's, else the page's heading. */
export function removeKeepingFocus(item, selector = "button, a, input, select, textarea") {
  const had = item.contains(document.activeElement);
  const next = item.nextElementSibling ?? item.previousElementSibling;
  item.remove();
  if (!had) return;
  const target = next?.querySelector(selector) ?? document.querySelector("main h1");
  if (target && !target.matches(selector)) target.setAttribute("tabindex", "-1");
  target?.focus();
}
