// The review queue: place a coding at its suggested place (or confirm it), or remove it.

import { api, removeKeepingFocus, toast } from "./api.js";

for (const item of document.querySelectorAll(".review-item")) {
  const id = item.dataset.codingId;
  item.querySelector(".place")?.addEventListener("click", async () => {
    try {
      await api("POST", `/review/${id}/place`, {});
      removeKeepingFocus(item, "button");
      toast("Coding placed.");
    } catch (error) {
      toast(error.message, true);
    }
  });
  item.querySelector(".remove").addEventListener("click", async () => {
    try {
      await api("DELETE", `/review/${id}`);
      removeKeepingFocus(item, "button");
      toast("Coding removed.");
    } catch (error) {
      toast(error.message, true);
    }
  });
}
