// Memos page: a new journal entry, and filtering the list as you type.

import { api, toast } from "./api.js";

document.getElementById("new-memo").addEventListener("submit", async (event) => {
  event.preventDefault();
  const area = document.getElementById("memo-text");
  try {
    await api("POST", "/memos", { text: area.value, target: "project" });
    location.reload();
  } catch (error) {
    toast(error.message, true);
  }
});

document.getElementById("memo-filter").addEventListener("input", (event) => {
  const needle = event.target.value.trim().toLowerCase();
  for (const memo of document.querySelectorAll("#memo-list .memo")) {
    memo.hidden = Boolean(needle) && !memo.dataset.text.includes(needle);
  }
});
