// The « Print » button of the private link's slip: shown only when scripts run (the browser's
// own print command works without it).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
