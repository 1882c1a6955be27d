/* The live room: turns the transcript page into a live debate over the WebSocket protocol
   (docs/protocol.md). Without this script the page stays a transcript with plain forms.
   Translated strings come from the page (#room-strings); nothing is loaded from elsewhere. */
(function () {
  "use strict";

  var room = document.getElementById("room");
  if (!room || !("WebSocket" in window)) return;

  var S = JSON.parse(document.getElementById("room-strings").textContent);
  var $ = function (id) { return document.getElementById(id); };
  var lang = document.documentElement.lang || "fr";
  var state = {
    lastSeq: parseInt(room.dataset.lastSeq, 10) || 0,
    userId: parseInt(room.dataset.userId, 10) || null,
    role: room.dataset.role,
    socket: null,
    attempt: 0,
    you: null,
    floor: null,
    draftId: null,
    confirm: false,
    pendingAfterCharter: false,
    countdown: null,
    dialogTarget: null,
    opener: null,
  };

  function fmt(text, values) {
    return text.replace(/\{(\w+)\}/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : match;
    });
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  function time(iso) {
    return new Date(iso).toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit" });
  }

  function setStatus(text) {
    var status = $("connection-status");
    status.hidden = false;
    status.textContent = text;
  }

  function notice(text, kind) {
    var box = $("composer-notice");
    box.textContent = "";
    if (!text) return;
    var p = document.createElement("p");
    p.className = "notice " + (kind === "info" ? "notice--info" : "notice--warning");
    p.textContent = text;
    box.appendChild(p);
  }

  function send(frame) {
    if (state.socket && state.socket.readyState === WebSocket.OPEN) {
      state.socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  // --- connection, with back-off and resume ---------------------------------------------------

  function connect() {
    setStatus(S.connecting);
    var scheme = location.protocol === "https:" ? "wss:" : "ws:";
    var socket = new WebSocket(scheme + "//" + location.host + room.dataset.wsPath);
    state.socket = socket;
    socket.addEventListener("open", function () {
      send({ type: "resume", since: state.lastSeq });
      setStatus(S.live);
      $("room-live").hidden = false;
    });
    socket.addEventListener("message", function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      if (frame.type === "room.state") {
        // Truly in the room (a socket accepted then closed at once keeps backing off).
        state.attempt = 0;
        sessionStorage.removeItem("room-reloaded");
      }
      handle(frame);
    });
    socket.addEventListener("close", function (event) {
      if (state.socket !== socket) return;
      state.socket = null;
      if (event.code === 4404) return;
      if (event.code === 4401) {
        // The session ended (logged out elsewhere, account closed, second factor required):
        // the page itself must be loaded again, once; the server says what comes next.
        if (!sessionStorage.getItem("room-reloaded")) {
          sessionStorage.setItem("room-reloaded", "1");
          location.reload();
        }
        return;
      }
      // 1 s, 2 s, 4 s… up to 30 s, with full jitter: after a restart, a thousand readers spread
      // their return over the whole interval instead of arriving together. A changed role
      // (4403) reconnects at once, still spread over a second.
      var ceiling = event.code === 4403 ? 1 : Math.min(30, Math.pow(2, state.attempt));
      var delay = ceiling * (0.2 + 0.8 * Math.random());
      if (event.code !== 4403) state.attempt += 1;
      var prefix = event.code === 4429 ? S.closedSlow + " " : "";
      setStatus(prefix + fmt(S.reconnecting, { seconds: Math.ceil(delay) }));
      setTimeout(connect, delay * 1000);
    });
  }

  // --- frames from the server -------------------------------------------------------------------

  var handlers = {
    "room.state": function (f) {
      state.you = f.you;
      showMode(f.room);
      renderQueue(f.queue);
      renderFloor(f.floor);
      if (f.held) {
        $("held").textContent = "";
        f.held.forEach(addHeld);
        updateHeldEmpty();
      }
      var modeForm = $("mode-form");
      if (modeForm) modeForm.hidden = false;
      var form = $("message-form");
      if (form && f.you.verified) {
        form.hidden = false;
        var inline = $("charter-inline");
        if (inline) inline.hidden = true;
      }
      var hand = $("hand-button");
      if (hand) hand.hidden = !(f.you.verified && f.room.status === "open");
      var handForm = $("hand-form");
      if (handForm) handForm.hidden = true;
      if (f.you.charter_accepted && state.pendingAfterCharter) {
        state.pendingAfterCharter = false;
        submitMessage();
      }
    },
    "message.new": function (f) { addMessage(f.message); },
    "message.hidden": function (f) {
      tombstone(f.message_id, f.by, f.reason);
      removeHeld(f.message_id);
    },
    "message.ack": function (f) {
      if (f.client_id === state.draftId) resetComposer();
      if (f.status === "held") notice(S.held, "info");
    },
    "message.nudge": function (f) {
      if (f.client_id !== state.draftId) return;
      state.confirm = true;
      var text = f.explanation + (f.suggestion ? " " + S.suggestion + " " + f.suggestion : "");
      notice(text, "warning");
      $("send-button").textContent = S.sendAnyway;
    },
    "message.held": function (f) { addHeld(f.message, f.rule); updateHeldEmpty(); },
    "message.reviewed": function (f) { removeHeld(f.message_id); },
    "message.rejected": function (f) { notice(fmt(S.rejected, { reason: f.reason }), "warning"); },
    "queue.updated": function (f) { renderQueue(f.queue); },
    "floor.changed": function (f) { renderFloor(f.floor); },
    "mode.changed": function (f) {
      showMode(f);
      setStatus(fmt(S.modeChanged, { mode: f.status === "open" ? S.modes[f.mode] : $("room-status-badge").textContent }));
    },
    "presence": function (f) { $("presence").textContent = fmt(S.presence, { count: f.count }); },
    "participant.muted": function (f) {
      notice(fmt(S.muted, { time: time(f.until), reason: f.reason }), "warning");
    },
    "moderation.reminder": function (f) { notice(fmt(S.reminder, { reason: f.reason }), "warning"); },
    "participant.excluded": function (f) {
      notice(fmt(S.excluded, { reason: f.reason }), "warning");
      // The server refuses any further post; the composer says so instead of failing later.
      var composer = $("composer");
      if (composer) composer.querySelectorAll("textarea, button").forEach(function (el) { el.disabled = true; });
    },
    "report.ack": function () { notice(S.reportSent, "info"); },
    "ping": function (f) { send({ type: "pong", n: f.n }); },
    "error": function (f) {
      if (f.code === "CHARTER_REQUIRED") {
        state.pendingAfterCharter = true;
        openDialog($("charter-dialog"));
        return;
      }
      var text = f.detail || S.error;
      if (f.retry_after) text += " " + fmt(S.retryAfter, { seconds: f.retry_after });
      notice(text, "warning");
    },
  };

  function handle(frame) {
    if (typeof frame.seq === "number") {
      // The server sends each event once and in order; after a reload the page already shows
      // what came before data-last-seq.
      if (frame.seq <= state.lastSeq) return;
      state.lastSeq = frame.seq;
    }
    var handler = handlers[frame.type];
    if (handler) handler(frame);
  }

  // --- messages -----------------------------------------------------------------------------------

  function addMessage(m) {
    if ($("message-" + m.id)) return;
    var item = $("message-template").content.firstElementChild.cloneNode(true);
    item.id = "message-" + m.id;
    item.dataset.id = m.id;
    item.dataset.authorId = m.author.id;
    var article = item.querySelector("article");
    var author = item.querySelector(".room-message__author");
    author.id = "message-" + m.id + "-author";
    author.textContent = m.author.display_name;
    article.setAttribute("aria-labelledby", author.id);
    item.querySelector(".room-message__role").hidden = m.author.role !== "facilitator";
    // The <time> is made here: an empty one in the template would be invalid HTML.
    var when = document.createElement("time");
    when.dateTime = m.created_at.replace(/\.\d+/, "");  // HTML allows at most 3 fraction digits
    when.textContent = time(m.created_at);
    item.querySelector(".room-message__when").appendChild(when);
    if (m.reply_to) {
      var link = item.querySelector(".room-message__reply-to");
      link.href = "#message-" + m.reply_to;
      link.hidden = false;
    }
    if (m.reformulation) {
      item.querySelector(".room-message__reformulation").hidden = false;
      item.querySelector(".room-message__reformulation-text").textContent = m.reformulation;
    }
    // body_html is sanitised by the server (escaped text and links only).
    item.querySelector(".room-message__body").innerHTML = m.body_html;
    item.querySelector(".room-message__reply").href = "?reply_to=" + m.id + "#composer";
    addActions(item);
    item.classList.add("room-message--new");
    $("messages").appendChild(item);
    $("messages-empty").hidden = true;
  }

  function button(label, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "link-button";
    b.dataset.action = action;
    b.textContent = label;
    return b;
  }

  function addActions(item) {
    var actions = item.querySelector(".room-message__actions");
    if (!actions || item.classList.contains("room-message--hidden") || actions.dataset.ready) return;
    actions.dataset.ready = "1";
    // The live room offers its own buttons instead of the page's plain links and forms.
    actions.querySelectorAll(".room-message__nojs").forEach(function (el) { el.remove(); });
    var own = state.userId && String(state.userId) === item.dataset.authorId;
    if (state.userId && !own) actions.appendChild(button(S.report, "report"));
    if (state.role === "facilitator") {
      actions.appendChild(button(S.hide, "hide"));
      if (!own) {
        var name = item.querySelector(".room-message__author").textContent;
        actions.appendChild(button(fmt(S.mute, { name: name }), "mute"));
      }
    }
  }

  function tombstone(id, by, reason) {
    var item = $("message-" + id);
    if (!item) return;
    item.classList.add("room-message--hidden");
    var article = item.querySelector("article");
    ["room-message__reformulation", "room-message__body", "room-message__actions"].forEach(function (name) {
      var part = article.querySelector("." + name);
      if (part) part.remove();
    });
    var p = document.createElement("p");
    p.className = "room-message__tombstone";
    p.textContent = (by === "automatic" ? S.hiddenAutomatic : S.hiddenFacilitator) + (reason ? " — " + reason : "");
    article.appendChild(p);
  }

  $("messages").addEventListener("click", function (event) {
    var target = event.target.closest("[data-action]");
    if (!target) return;
    var item = target.closest(".room-message");
    var id = parseInt(item.dataset.id, 10);
    var action = target.dataset.action;
    if (action === "reply") {
      if (!$("message-form") || $("message-form").hidden) return;
      event.preventDefault();
      startReply(id, item.querySelector(".room-message__author").textContent);
    } else if (action === "report") {
      state.dialogTarget = { id: id };
      openDialog($("report-dialog"), target);
    } else if (action === "hide") {
      askReason("hide", S.hideTitle, { message_id: id }, target);
    } else if (action === "mute") {
      askReason("mute", S.muteTitle, { user_id: parseInt(item.dataset.authorId, 10) }, target);
    }
  });

  // --- composer -----------------------------------------------------------------------------------

  var form = $("message-form");
  var body = form ? form.querySelector("[name=body]") : null;

  function startReply(id, name) {
    form.querySelector("[name=reply_to]").value = id;
    $("reply-text").textContent = fmt(S.replyingTo, { name: name });
    $("reply-indicator").hidden = false;
    body.focus();
  }

  function resetComposer() {
    form.reset();
    form.querySelector("[name=reply_to]").value = "";
    $("reply-indicator").hidden = true;
    state.draftId = null;
    state.confirm = false;
    $("send-button").textContent = S.send;
    notice("");
    updateCounter();
  }

  function updateCounter() {
    var max = parseInt(room.dataset.maxLength, 10);
    $("body-counter").textContent = fmt(S.charactersLeft, { count: max - body.value.length });
  }

  function submitMessage() {
    if (!state.draftId) state.draftId = uuid();
    var replyTo = parseInt(form.querySelector("[name=reply_to]").value, 10);
    var reformulation = form.querySelector("[name=reformulation]");
    var frame = {
      type: "message.post",
      client_id: state.draftId,
      body: body.value,
      reformulation: reformulation ? reformulation.value : "",
      confirm: state.confirm,
    };
    if (replyTo) frame.reply_to = replyTo;
    return send(frame);
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      if (!state.socket || state.socket.readyState !== WebSocket.OPEN) return; // plain form post
      event.preventDefault();
      if (state.you && !state.you.charter_accepted && state.you.role !== "facilitator") {
        state.pendingAfterCharter = true;
        openDialog($("charter-dialog"), $("send-button"));
        return;
      }
      submitMessage();
    });
    body.addEventListener("input", function () {
      // An edited text is a new proposal: the pipeline looks at it again.
      if (state.confirm) {
        state.confirm = false;
        $("send-button").textContent = S.send;
      }
      updateCounter();
    });
    $("reply-cancel").addEventListener("click", function () {
      form.querySelector("[name=reply_to]").value = "";
      $("reply-indicator").hidden = true;
      body.focus();
    });
    updateCounter();
  }

  // --- charter, report and reason dialogs --------------------------------------------------------

  function openDialog(dialog, opener) {
    state.opener = opener || document.activeElement;
    if (!dialog.open) dialog.showModal();
  }

  document.querySelectorAll(".room-dialog").forEach(function (dialog) {
    dialog.addEventListener("click", function (event) {
      if (event.target.closest("[data-close]")) dialog.close();
    });
    dialog.addEventListener("close", function () {
      if (state.opener && state.opener.focus) state.opener.focus();
    });
  });

  $("charter-accept").addEventListener("click", function () {
    send({ type: "charter.accept" });
    $("charter-dialog").close();
  });

  $("report-form").addEventListener("submit", function () {
    if (!state.dialogTarget) return;
    send({
      type: "report.create",
      message_id: state.dialogTarget.id,
      reason: $("report-reason").value,
      detail: $("report-detail").value,
    });
    $("report-form").reset();
  });

  var reasonForm = $("reason-form");

  function askReason(kind, title, target, opener) {
    state.dialogTarget = { kind: kind, target: target };
    $("reason-dialog-title").textContent = title;
    $("minutes-field").hidden = kind !== "mute";
    openDialog($("reason-dialog"), opener);
    $("reason-text").focus();
  }

  if (reasonForm) {
    reasonForm.addEventListener("submit", function () {
      var pending = state.dialogTarget;
      var reason = $("reason-text").value.trim();
      // A reason template, the facilitator's own words, or both (moderation's reason templates).
      var code = $("reason-code") ? $("reason-code").value : "";
      if (!pending || (!reason && !code)) return;
      var frame = { reason: reason };
      if (code) frame.reason_code = code;
      Object.keys(pending.target).forEach(function (key) { frame[key] = pending.target[key]; });
      if (pending.kind === "hide") frame.type = "message.hide";
      if (pending.kind === "reject") frame.type = "message.reject";
      if (pending.kind === "mute") {
        frame.type = "participant.mute";
        frame.minutes = parseInt($("reason-minutes").value, 10) || 10;
      }
      send(frame);
      reasonForm.reset();
    });
    $("mode-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var frame = { type: "room.set_mode", mode: $("mode-select").value };
      var seconds = parseInt($("slow-seconds").value, 10);
      if (frame.mode === "slow" && seconds) frame.slow_seconds = seconds;
      send(frame);
    });
  }

  // --- held messages (facilitators) --------------------------------------------------------------

  function addHeld(m, rule) {
    var list = $("held");
    if (!list || $("held-" + m.id)) return;
    var li = document.createElement("li");
    li.id = "held-" + m.id;
    var who = document.createElement("strong");
    who.textContent = m.author.display_name;
    var text = document.createElement("div");
    text.className = "room-message__body";
    text.innerHTML = m.body_html;
    li.appendChild(who);
    if (rule) li.appendChild(document.createTextNode(" · " + fmt(S.heldRule, { rule: rule })));
    li.appendChild(text);
    var approve = button(S.approve, "approve");
    var reject = button(S.reject, "reject");
    approve.addEventListener("click", function () { send({ type: "message.approve", message_id: m.id }); });
    reject.addEventListener("click", function () { askReason("reject", S.rejectTitle, { message_id: m.id }, reject); });
    var actions = document.createElement("p");
    actions.className = "room-message__actions";
    actions.appendChild(approve);
    actions.appendChild(reject);
    li.appendChild(actions);
    list.appendChild(li);
  }

  function removeHeld(id) {
    var li = $("held-" + id);
    if (li) li.remove();
    updateHeldEmpty();
  }

  function updateHeldEmpty() {
    if ($("held")) $("held-empty").hidden = $("held").children.length > 0;
  }

  // --- facilitation state -------------------------------------------------------------------------

  function showMode(room_) {
    if (room_.mode && S.modes[room_.mode]) $("room-mode").textContent = S.modes[room_.mode];
    if (room_.status && room_.status !== "open") {
      var form_ = $("message-form");
      if (form_) form_.hidden = true;
    }
  }

  function renderQueue(queue) {
    var list = $("queue");
    list.textContent = "";
    var mine = false;
    queue.forEach(function (entry) {
      var li = document.createElement("li");
      li.textContent = entry.display_name + " ";
      if (entry.user_id === state.userId) mine = true;
      if (state.role === "facilitator") {
        var give = button(fmt(S.giveFloor, { name: entry.display_name }), "give");
        give.addEventListener("click", function () { send({ type: "floor.give", user_id: entry.user_id }); });
        li.appendChild(give);
      }
      list.appendChild(li);
    });
    $("queue-empty").hidden = queue.length > 0;
    var hand = $("hand-button");
    if (hand) {
      hand.setAttribute("aria-pressed", mine ? "true" : "false");
      hand.textContent = mine ? S.lowerHand : S.raiseHand;
    }
  }

  var handButton = $("hand-button");
  if (handButton) {
    handButton.addEventListener("click", function () {
      send({ type: handButton.getAttribute("aria-pressed") === "true" ? "hand.lower" : "hand.raise" });
    });
  }

  function renderFloor(floor) {
    state.floor = floor;
    var box = $("floor");
    clearInterval(state.countdown);
    if (!floor) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    var yours = floor.user_id === state.userId;
    $("floor-label").textContent = yours ? S.floorYou : fmt(S.floorOther, { name: floor.display_name });
    $("floor-end").hidden = !(yours || state.role === "facilitator");
    var until = new Date(floor.until).getTime();
    var tick = function () {
      var left = Math.max(0, Math.round((until - Date.now()) / 1000));
      var text = Math.floor(left / 60) + ":" + ("0" + (left % 60)).slice(-2);
      $("floor-countdown").textContent = left > 0 ? fmt(S.timeLeft, { time: text }) : S.floorEnded;
      if (left <= 0) clearInterval(state.countdown);
    };
    tick();
    state.countdown = setInterval(tick, 1000);
  }

  $("floor-end").addEventListener("click", function () { send({ type: "floor.end" }); });

  document.querySelectorAll("#messages .room-message").forEach(addActions);
  connect();
})();
