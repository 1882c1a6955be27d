/* The hall screen: follows the room over the WebSocket protocol (docs/protocol.md) as a reader.
   It sends only resume and pong. Without this script the screen shows the page as it was. */
(function () {
  "use strict";

  var hall = document.getElementById("hall");
  if (!hall || !("WebSocket" in window)) return;
  var S = JSON.parse(document.getElementById("hall-strings").textContent);
  var $ = function (id) { return document.getElementById(id); };
  var lastSeq = parseInt(hall.dataset.lastSeq, 10) || 0;
  var keep = parseInt(hall.dataset.keep, 10) || 6;
  var countdown = null;
  var attempt = 0;

  function fmt(text, values) {
    return text.replace(/\{(\w+)\}/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : match;
    });
  }

  function renderFloor(floor) {
    clearInterval(countdown);
    $("hall-countdown").textContent = "";
    if (!floor) {
      $("hall-floor").textContent = S.noFloor;
      return;
    }
    var name = floor.display_name + (floor.hall_id ? " (" + S.present + ")" : "");
    $("hall-floor").textContent = fmt(S.floorOther, { name: name });
    startCountdown(floor.until);
  }

  function startCountdown(iso) {
    clearInterval(countdown);
    var until = new Date(iso).getTime();
    var tick = function () {
      var left = Math.max(0, Math.round((until - Date.now()) / 1000));
      var text = Math.floor(left / 60) + ":" + ("0" + (left % 60)).slice(-2);
      $("hall-countdown").textContent = left > 0 ? fmt(S.timeLeft, { time: text }) : S.floorEnded;
      if (left <= 0) clearInterval(countdown);
    };
    tick();
    countdown = setInterval(tick, 1000);
  }

  function renderQueue(queue) {
    var list = $("hall-queue");
    list.textContent = "";
    queue.forEach(function (entry) {
      var li = document.createElement("li");
      li.textContent = entry.display_name;
      if (entry.present) {
        var span = document.createElement("span");
        span.className = "hall__present";
        span.textContent = " (" + S.present + ")";
        li.appendChild(span);
      }
      list.appendChild(li);
    });
    $("hall-queue-empty").hidden = queue.length > 0;
  }

  function addMessage(m) {
    if ($("hall-message-" + m.id)) return;
    var li = document.createElement("li");
    li.id = "hall-message-" + m.id;
    var who = document.createElement("p");
    who.className = "hall__author";
    who.textContent = m.author.display_name;
    var body = document.createElement("div");
    body.className = "hall__body";
    body.innerHTML = m.body_html; // sanitised by the server
    if (m.lang && m.lang !== document.documentElement.lang) body.setAttribute("lang", m.lang);
    li.appendChild(who);
    li.appendChild(body);
    var list = $("hall-messages");
    list.appendChild(li);
    while (list.children.length > keep) list.removeChild(list.firstElementChild);
  }

  function hide(f) {
    var li = $("hall-message-" + f.message_id);
    if (!li) return;
    var body = li.querySelector(".hall__body");
    body.textContent = f.by === "automatic" ? S.hiddenAutomatic : S.hiddenFacilitator;
    body.classList.add("hall__tombstone");
  }

  var handlers = {
    "room.state": function (f) {
      renderFloor(f.floor);
      renderQueue(f.queue);
      $("hall-mode").textContent = f.room.status === "open" ? S.modes[f.room.mode] : $("hall-mode").textContent;
    },
    "message.new": function (f) { addMessage(f.message); },
    "message.hidden": hide,
    "queue.updated": function (f) { renderQueue(f.queue); },
    "floor.changed": function (f) { renderFloor(f.floor); },
    "mode.changed": function (f) { if (f.status === "open") $("hall-mode").textContent = S.modes[f.mode]; },
  };

  function connect() {
    var scheme = location.protocol === "https:" ? "wss:" : "ws:";
    var socket = new WebSocket(scheme + "//" + location.host + hall.dataset.wsPath);
    socket.addEventListener("open", function () {
      attempt = 0;
      socket.send(JSON.stringify({ type: "resume", since: lastSeq }));
    });
    socket.addEventListener("message", function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      if (frame.type === "ping") { socket.send(JSON.stringify({ type: "pong", n: frame.n })); return; }
      if (typeof frame.seq === "number") {
        if (frame.seq <= lastSeq) return;
        lastSeq = frame.seq;
      }
      if (handlers[frame.type]) handlers[frame.type](frame);
    });
    socket.addEventListener("close", function (event) {
      if (event.code === 4404) return;
      var delay = Math.min(30, Math.pow(2, attempt)) * (0.5 + Math.random() / 2);
      attempt += 1;
      setTimeout(connect, delay * 1000);
    });
  }

  var first = $("hall-floor").dataset.until;
  if (first) startCountdown(first);
  connect();
})();
