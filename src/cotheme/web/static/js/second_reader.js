// The second reader on a code's (or theme's) page: the misfits list, and a draft from the team's own
// language model, streamed, cancellable, accepted or rejected. Everything the model or a transcript
// says is put in the page as text (textContent, value), never as markup.

import { api, el, toast } from "./api.js";

const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? "";

async function loadMisfits(box) {
  const status = document.getElementById("misfits-status");
  const list = document.getElementById("misfits-list");
  try {
    const found = await api("GET", `/misfits?code_id=${box.dataset.codeId}&top=10`);
    list.replaceChildren(...found.map((m) => el("li", {},
      el("blockquote", { text: m.text }),
      el("p", { class: "meta", text: `${m.document} · score ${m.score.toFixed(2)} · ${m.reason}` }),
      el("a", { href: `/documents/${m.document_id}#o=${m.start}-${m.end}`, text: `Open in ${m.document}` }),
    )));
    status.textContent = found.length
      ? `${found.length} passage${found.length === 1 ? "" : "s"} to review, least fitting first.`
      : "Nothing to review: the code needs at least two codings you can see.";
  } catch (error) {
    status.textContent = error.message;
  }
}

function labelled(text) {
  // The "DEFINITION:"/"INCLUDE:"/"EXCLUDE:" parts, as the server reads them (plain string matching).
  const parts = {};
  let current = null;
  for (const line of text.split("\n")) {
    const m = /^[ \t]*[*#]*[ \t]*([A-Z]+)[ \t]*\**[ \t]*:[ \t]*\**[ \t]*(.*)$/.exec(line);
    if (m) { current = m[1]; parts[current] = m[2]; } else if (current) parts[current] += `\n${line}`;
  }
  return parts;
}

function setupDraft(box) {
  const start = document.getElementById("draft-start");
  if (!start) return;  // no endpoint set up, or not a lead: the page says so
  const cancel = document.getElementById("draft-cancel");
  const accept = document.getElementById("draft-accept");
  const reject = document.getElementById("draft-reject");
  const text = document.getElementById("draft-text");
  const status = document.getElementById("draft-status");
  const extracts = document.getElementById("draft-extracts");
  const extractsBox = document.getElementById("draft-extracts-box");
  const provenance = document.getElementById("draft-provenance");
  let controller = null;
  let draft = null;

  function idle(done) {
    start.disabled = false;
    cancel.disabled = true;
    accept.disabled = reject.disabled = !done;
    text.readOnly = !done;
    controller = null;
  }

  function handle(event) {
    if (event.type === "extracts") {
      extracts.replaceChildren(...event.extracts.map((e) => el("li", { text: `${e.code}: ${e.text}` })));
      extractsBox.hidden = false;
      status.textContent = `Given ${event.extracts.length} extracts; the model is writing…`;
    } else if (event.type === "text") {
      text.value += event.text;
    } else if (event.type === "draft") {
      draft = event;
      text.value = event.draft.text;
      const p = event.draft.provenance;
      provenance.textContent = `${p.model} at ${p.endpoint}; digest ${p.digest || "not reported"}; prompt ${p.prompt}; seed ${p.seed}.`
        + (event.draft.truncated ? " The answer was cut at the length limit." : "");
      status.textContent = "Draft ready: read it, edit it if you wish, then accept or reject it.";
    } else if (event.type === "error") {
      status.textContent = event.error;
    }
  }

  start.addEventListener("click", async () => {
    const target = Number(box.dataset.targetId);
    const body = box.dataset.kind === "theme" ? { theme_id: target }
      : box.dataset.kind === "candidate" ? { candidate: target, groups: box.dataset.groups ? Number(box.dataset.groups) : null }
      : { code_id: target };
    draft = null;
    text.value = "";
    provenance.textContent = "";
    controller = new AbortController();
    start.disabled = true;
    cancel.disabled = false;
    accept.disabled = reject.disabled = true;
    status.textContent = "Asking the model…";
    try {
      const response = await fetch("/api/v1/drafts/stream", {
        method: "POST", credentials: "same-origin", signal: controller.signal,
        headers: { "X-CSRF-Token": csrf, "Content-Type": "application/json" }, body: JSON.stringify(body),
      });
      if (!response.ok) {
        let data = null;
        try { data = await response.json(); } catch { data = null; }
        throw new Error(data?.error ?? `The server answered ${response.status}.`);
      }
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let pending = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        pending += decoder.decode(value, { stream: true });
        let cut;
        while ((cut = pending.indexOf("\n")) >= 0) {
          const line = pending.slice(0, cut);
          pending = pending.slice(cut + 1);
          if (line.trim()) handle(JSON.parse(line));
        }
      }
      idle(draft !== null);
    } catch (error) {
      status.textContent = error.name === "AbortError" ? "Cancelled; nothing was saved." : error.message;
      idle(false);
    }
  });

  cancel.addEventListener("click", () => controller?.abort());

  reject.addEventListener("click", () => {
    draft = null;
    text.value = "";
    provenance.textContent = "";
    status.textContent = "Rejected; nothing was saved.";
    idle(false);
  });

  accept.addEventListener("click", async () => {
    if (!draft) return;
    const edited = text.value.trim() !== draft.draft.text.trim();
    try {
      const saved = await api("POST", "/drafts/accept", { draft_id: draft.id, text: edited ? text.value : null });
      status.textContent = `Accepted${saved.edited ? " as edited" : ""} and saved, with its provenance.`;
      toast("Draft saved.");
      if (box.dataset.kind === "code") {
        const parts = labelled(saved.text);
        for (const [label, id] of [["DEFINITION", "code-definition"], ["INCLUDE", "code-inclusion"], ["EXCLUDE", "code-exclusion"]]) {
          const node = document.getElementById(id);
          if (node && parts[label] !== undefined) node.textContent = parts[label].trim() || "None yet.";
        }
      }
      draft = null;
      idle(false);
      if (box.dataset.kind === "candidate") setTimeout(() => window.location.reload(), 1200);  // the new theme
    } catch (error) {
      status.textContent = error.message;
    }
  });
}

const misfits = document.getElementById("misfits");
if (misfits) loadMisfits(misfits);
const draftBox = document.getElementById("draft");
if (draftBox) setupDraft(draftBox);
