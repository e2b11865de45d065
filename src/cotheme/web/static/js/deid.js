// De-identification review: scan, accept (with an edited replacement) or reject, then apply.

import { api, counted, toast } from "./api.js";

const status = document.getElementById("scan-status");

async function scan(useModel) {
  status.textContent = useModel ? "Scanning with the language model; this takes a few seconds a transcript…" : "Scanning…";
  try {
    const report = await api("POST", "/deid/scan", { use_model: useModel });
    status.textContent = `Scanned ${report.words} words in ${report.seconds.toFixed(1)} s. ${report.note ?? ""}`;
    location.reload();
  } catch (error) {
    status.textContent = "";
    toast(error.message, true);
  }
}
document.getElementById("scan-quick").addEventListener("click", () => scan(false));
document.getElementById("scan-full").addEventListener("click", () => scan(true));

for (const row of document.querySelectorAll("tr[data-candidate-id]")) {
  const decide = async (decision) => {
    const replacement = row.querySelector(".replacement").value;
    try {
      const result = await api("POST", `/deid/candidates/${row.dataset.candidateId}`, {
        decision, replacement: decision === "accept" ? replacement : null, everywhere: true,
      });
      row.querySelector(".state").textContent = result.candidate.status;
      row.className = `status-${result.candidate.status}`;
      toast(result.same_string ? `${decision === "accept" ? "Accepted" : "Rejected"} here and in ${counted(result.same_string, "other place")}.` : "Saved.");
    } catch (error) {
      toast(error.message, true);
    }
  };
  row.querySelector(".accept").addEventListener("click", () => decide("accept"));
  row.querySelector(".reject").addEventListener("click", () => decide("reject"));
}

document.getElementById("apply").addEventListener("submit", async (event) => {
  event.preventDefault();
  const passphrase = document.getElementById("passphrase").value;
  try {
    const report = await api("POST", "/deid/apply", { passphrase });
    toast(`Applied: ${JSON.stringify(report).length > 0 ? "new revisions written" : ""}.`);
    location.reload();
  } catch (error) {
    toast(error.message, true);
  }
});
