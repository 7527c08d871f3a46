// Steunkring: small progressive enhancements. Every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Move focus to the first error message, so screen-reader users hear it at once.
  const alert = document.querySelector(".alert[role=alert]");
  if (alert) {
    alert.setAttribute("tabindex", "-1");
    alert.focus();
  }
});
