// Agreement page: the lead's switch for reflexive mode (scores hidden, differences only).

import { api, toast } from "./api.js";

const toggle = document.getElementById("reflexive-toggle");
toggle?.addEventListener("click", async () => {
  const on = document.getElementById("reflexive-state").dataset.on !== "true";
  try {
    await api("PUT", "/settings/reflexive-mode", { on });
    location.reload();
  } catch (error) {
    toast(error.message, true);
  }
});
