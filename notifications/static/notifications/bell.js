// The header's bell: window.vdlBell(count, text) shows the new unread count and says it
// politely to screen readers. The room's socket calls it; pages without a socket show the
// count the server rendered.
(function () {
  "use strict";
  window.vdlBell = function (count, text) {
    var counter = document.querySelector("[data-notifications-count]");
    var live = document.querySelector("[data-notifications-live]");
    if (!counter || typeof count !== "number") return;
    var previous = parseInt(counter.textContent, 10) || 0;
    counter.textContent = String(count);
    counter.parentNode.hidden = count === 0;
    if (live && count > previous && text) live.textContent = text;
  };
})();
