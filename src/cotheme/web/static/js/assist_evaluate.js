// The codebook page's "How far to trust the coding suggestions": runs the assistant's evaluation on the
// project's own codings (POST /api/v1/assist/evaluate) and shows the figures per code.

import { api, el, toast } from "./api.js";
import { counted } from "./common.js";

const button = document.getElementById("assist-eval-run");
const summary = document.getElementById("assist-eval-summary");
const table = document.getElementById("assist-eval-table");

const share = (v) => (v === null ? "-" : `${Math.round(v * 100)}%`);
const number = (v) => (v === null ? "-" : v.toFixed(2));

button?.addEventListener("click", async () => {
  button.disabled = true;
  summary.textContent = "Evaluating…";
  try {
    const e = await api("POST", "/assist/evaluate");
    const hidden = e.folds === e.passages ? "one at a time" : `in ${e.folds} groups`;
    summary.textContent = `${counted(e.passages, "coded passage")} hidden ${hidden}; first suggestion right for ` +
      `${share(e.top1)}, among the first three for ${share(e.top3)}; mean kappa per code ${number(e.kappa)} (${e.model}).`;
    const body = table.querySelector("tbody");
    body.replaceChildren(...e.per_code.map((a) => el("tr", {},
      el("th", { scope: "row", text: a.code }), el("td", { text: String(a.examples) }),
      el("td", { text: String(a.tested) }), el("td", { text: share(a.top1) }), el("td", { text: share(a.top3) }),
      el("td", { text: number(a.kappa) }), el("td", { text: a.suggestible ? "yes" : "no" }))));
    table.hidden = false;
  } catch (error) {
    summary.textContent = "";
    toast(error.message, true);
  } finally {
    button.disabled = false;
  }
});
