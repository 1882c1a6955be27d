// The facilitators' queue, live. The page works without this script (plain forms); with it,
// a socket tells the page when a debate's queue changed, and the page fetches the queue as the
// server renders it. The element that had the focus keeps it when it is still there, and the
// change is announced politely.
(function () {
  "use strict";
  var root = document.getElementById("moderation-queue");
  if (!root || !window.WebSocket || !window.fetch) return;
  var content = document.getElementById("queue-content");
  var status = document.getElementById("queue-status");
  var delay = 1000;
  var pending = null;

  function announce(text) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function busy() {
    // Never replace the queue under someone typing a reason: wait until they leave the field.
    var active = document.activeElement;
    return active && content.contains(active) && (active.tagName === "TEXTAREA" || active.tagName === "INPUT" || active.tagName === "SELECT");
  }

  function refresh() {
    if (busy()) {
      pending = true;
      return;
    }
    pending = null;
    var focusedId = document.activeElement && content.contains(document.activeElement) ? document.activeElement.id : "";
    fetch(root.dataset.partialUrl, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { if (!response.ok) throw new Error(String(response.status)); return response.text(); })
      .then(function (html) {
        // The person may have entered a field while the queue was on its way: keep what they
        // are choosing or typing, and refresh when they leave the field.
        if (busy()) {
          pending = true;
          return;
        }
        content.innerHTML = html;
        if (focusedId) {
          var again = document.getElementById(focusedId);
          if (again) again.focus();
        }
        announce(root.dataset.updated);
      })
      .catch(function () { announce(root.dataset.offline); });
  }

  content.addEventListener("focusout", function () {
    window.setTimeout(function () { if (pending && !busy()) refresh(); }, 100);
  });

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + root.dataset.wsPath);
    socket.addEventListener("open", function () {
      delay = 1000;
      root.dataset.connected = "true";
      announce(root.dataset.live);
    });
    socket.addEventListener("message", function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      if (frame.type === "queue.changed") refresh();
    });
    socket.addEventListener("close", function (event) {
      root.dataset.connected = "false";
      if (event.code === 4403) return;
      window.setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    });
  }
  connect();
})();
