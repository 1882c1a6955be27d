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
    paused: false,
    blocked: false,
    unread: 0,
    mode: null,
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
    // The header's bell (notifications app): its count follows this socket, no polling.
    "notifications.unread": function (f) { if (window.vdlBell) window.vdlBell(f.count, f.text); },
    "room.state": function (f) {
      state.you = f.you;
      showMode(f.room);
      renderQueue(f.queue);
      renderFloor(f.floor);
      if (typeof f.presence === "number") showPresence(f.presence);
      if (f.held) {
        $("held").textContent = "";
        f.held.forEach(function (m) { addHeld(m, m.rule); });
        updateHeldEmpty();
      }
      if (f.reports && $("reports")) {
        $("reports").textContent = "";
        f.reports.forEach(addReport);
        updateReportsEmpty();
      }
      (f.you.pending || []).forEach(addPending);
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
      setComposer();
      if (f.you.charter_accepted && state.pendingAfterCharter) {
        state.pendingAfterCharter = false;
        submitMessage();
      }
    },
    "message.new": function (f) {
      var pending = $("pending-" + f.message.id);
      if (pending) pending.remove();
      addMessage(f.message);
      removeReport(f.message.id);
    },
    "message.hidden": function (f) {
      tombstone(f.message_id, f.by, f.reason);
      removeHeld(f.message_id);
      removeReport(f.message_id);
    },
    "message.ack": function (f) {
      if (f.client_id === state.draftId) resetComposer();
      if (f.status === "held") {
        if (f.message) addPending(f.message);
        notice(S.held, "info");
      }
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
    "message.rejected": function (f) {
      var pending = $("pending-" + f.message_id);
      if (pending) {
        pending.querySelector(".room-message__state").textContent = fmt(S.refusedMine, { reason: f.reason });
        pending.classList.add("room-message--refused");
        var help = pending.querySelector(".room-message__help");
        if (help) help.remove();
      }
      notice(fmt(S.rejected, { reason: f.reason }), "warning");
    },
    "queue.updated": function (f) { renderQueue(f.queue); },
    "floor.changed": function (f) { renderFloor(f.floor); },
    "mode.changed": function (f) {
      var wasPaused = state.paused;
      showMode(f);
      setStatus(fmt(S.modeChanged, { mode: f.status === "open" ? S.modes[f.mode] : $("room-status-badge").textContent }));
      setComposer();
      if (state.you && state.you.role !== "anonymous") {
        if (state.paused && !wasPaused) notice(S.paused, "warning");
        else if (!state.paused && wasPaused && f.status === "open") notice(S.resumed, "info");
      }
    },
    "presence": function (f) { showPresence(f.count); },
    "hand.state": function (f) {
      setHand(f.raised);
      notice(f.raised ? S.handRaised : S.handLowered, "info");
    },
    "report.created": function (f) { addReport(f); updateReportsEmpty(); },
    "participant.muted": function (f) {
      notice(fmt(S.muted, { time: time(f.until), reason: f.reason }), "warning");
    },
    "moderation.reminder": function (f) { notice(fmt(S.reminder, { reason: f.reason }), "warning"); },
    "participant.excluded": function (f) {
      notice(fmt(S.excluded, { reason: f.reason }), "warning");
      // The server refuses any further post; the composer says so instead of failing later.
      state.blocked = true;
      setComposer();
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

  function showPresence(count) {
    $("presence").textContent = count === 1 ? S.presenceOne : fmt(S.presence, { count: count });
  }

  // --- the conversation's scrolling region: keeps the reader's place ----------------------------

  var scroller = $("messages-scroll");
  var newButton = $("new-messages");

  function atBottom() {
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 48;
  }

  function toBottom() {
    scroller.scrollTop = scroller.scrollHeight;
    state.unread = 0;
    newButton.hidden = true;
  }

  function arrived(own) {
    // Called before a new message is added: a reader at the bottom follows the conversation,
    // one scrolled up keeps their place and is told how many came.
    var follow = own || atBottom();
    return function () {
      if (follow) { toBottom(); return; }
      state.unread += 1;
      newButton.textContent = state.unread === 1 ? S.newMessage : fmt(S.newMessages, { count: state.unread });
      newButton.hidden = false;
    };
  }

  scroller.addEventListener("scroll", function () {
    if (!newButton.hidden && atBottom()) {
      state.unread = 0;
      newButton.hidden = true;
    }
  });
  newButton.addEventListener("click", function () {
    toBottom();
    var items = $("messages").querySelectorAll(".room-message[data-id]");
    if (items.length) activate(items[items.length - 1], true);
  });

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
    // The badge is removed, not hidden: a class that sets display would show it again.
    if (m.author.role !== "facilitator") item.querySelector(".room-message__role").remove();
    else item.querySelector(".room-message__role").hidden = false;
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
    var body = item.querySelector(".room-message__body");
    body.innerHTML = m.body_html;
    markLanguage(body, m.lang);
    if (m.reformulation) markLanguage(item.querySelector(".room-message__reformulation-text"), m.lang);
    addActions(item);
    item.classList.add("room-message--new");
    var after = arrived(state.userId && m.author.id === state.userId);
    var list = $("messages");
    var firstPending = list.querySelector(".room-message--pending");
    list.insertBefore(item, firstPending);
    $("messages-empty").hidden = true;
    if (!list.querySelector(".room-message[data-id] .room-menu__button[tabindex='0']")) activate(item, false);
    else tabbable(item, false);
    after();
  }

  // Language of parts (docs/i18n.md): a message written in another language than the page's
  // says so, as the server-rendered messages do.
  function markLanguage(element, lang) {
    if (element && lang && lang !== document.documentElement.lang) element.setAttribute("lang", lang);
  }

  function addPending(m) {
    if ($("pending-" + m.id) || $("message-" + m.id)) return;
    var item = $("pending-template").content.firstElementChild.cloneNode(true);
    item.id = "pending-" + m.id;
    item.dataset.pendingId = m.id;
    var author = item.querySelector(".room-message__author");
    author.id = "pending-" + m.id + "-author";
    author.textContent = m.author.display_name;
    item.querySelector("article").setAttribute("aria-labelledby", author.id);
    item.querySelector(".room-message__body").innerHTML = m.body_html;
    markLanguage(item.querySelector(".room-message__body"), m.lang);
    var after = arrived(true);
    $("messages").appendChild(item);
    $("messages-empty").hidden = true;
    after();
  }

  function button(label, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "link-button";
    b.dataset.action = action;
    b.textContent = label;
    return b;
  }

  function menuItem(label, action) {
    var li = document.createElement("li");
    li.setAttribute("role", "none");
    var b = document.createElement("button");
    b.type = "button";
    b.setAttribute("role", "menuitem");
    b.tabIndex = -1;
    b.dataset.action = action;
    b.textContent = label;
    li.appendChild(b);
    return li;
  }

  // One menu per message (button + list of actions) instead of a row of links: one stop for the
  // keyboard, and the moderation tools (room_tools.js) add their items to the same list.
  function addActions(item) {
    var actions = item.querySelector(".room-message__actions");
    if (!actions || item.classList.contains("room-message--hidden") || actions.dataset.ready) return;
    actions.dataset.ready = "1";
    actions.textContent = "";
    var id = item.dataset.id;
    var name = item.querySelector(".room-message__author").textContent;
    var own = state.userId && String(state.userId) === item.dataset.authorId;
    var menu = document.createElement("div");
    menu.className = "room-menu";
    var opener = document.createElement("button");
    opener.type = "button";
    opener.className = "room-menu__button";
    opener.id = "menu-button-" + id;
    opener.setAttribute("aria-haspopup", "true");
    opener.setAttribute("aria-expanded", "false");
    opener.setAttribute("aria-controls", "menu-" + id);
    opener.setAttribute("aria-describedby", "messages-help");
    opener.textContent = S.actions;
    var label = document.createElement("span");
    label.className = "visually-hidden";
    label.textContent = " — " + fmt(S.actionsFor, { name: name });
    opener.appendChild(label);
    var list = document.createElement("ul");
    list.className = "room-menu__list";
    list.id = "menu-" + id;
    list.setAttribute("role", "menu");
    list.setAttribute("aria-labelledby", opener.id);
    list.hidden = true;
    list.appendChild(menuItem(S.reply, "reply"));
    if (state.userId && !own) list.appendChild(menuItem(S.report, "report"));
    if (state.role === "facilitator") {
      list.appendChild(menuItem(S.hide, "hide"));
      if (!own) list.appendChild(menuItem(fmt(S.mute, { name: name }), "mute"));
    }
    menu.appendChild(opener);
    menu.appendChild(list);
    actions.appendChild(menu);
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

  // --- the messages' menus and the keyboard -------------------------------------------------------

  function items() {
    return Array.prototype.slice.call($("messages").querySelectorAll(".room-message[data-id]"));
  }

  // Only one message's controls are in the tab order (the "active" one); the arrow keys on a
  // menu button move to the previous or next message, so the composer stays a few Tab presses
  // away however long the conversation is.
  function tabbable(item, yes) {
    item.querySelectorAll("a[href], button:not([role=menuitem])").forEach(function (el) {
      el.tabIndex = yes ? 0 : -1;
    });
  }

  function activate(item, focus) {
    items().forEach(function (other) { tabbable(other, other === item); });
    var opener = item.querySelector(".room-menu__button");
    if (focus && opener) {
      opener.focus();
      opener.scrollIntoView({ block: "nearest" });
    }
  }

  function menuOf(el) { return el.closest(".room-menu"); }

  function openMenu(menu, focusLast) {
    closeMenus(menu);
    var list = menu.querySelector(".room-menu__list");
    list.classList.remove("room-menu__list--up");
    list.hidden = false;
    // Near the bottom of the conversation's region, the list opens upwards to stay in view,
    // and the region scrolls if it must to show all of it.
    var box = list.getBoundingClientRect();
    var region = scroller.getBoundingClientRect();
    if (box.bottom > region.bottom) {
      var opener = menu.querySelector(".room-menu__button").getBoundingClientRect();
      if (opener.top - region.top > region.bottom - opener.bottom) list.classList.add("room-menu__list--up");
    }
    if (list.scrollIntoView) list.scrollIntoView({ block: "nearest" });
    menu.querySelector(".room-menu__button").setAttribute("aria-expanded", "true");
    var entries = list.querySelectorAll("[role=menuitem]");
    if (entries.length) entries[focusLast ? entries.length - 1 : 0].focus();
  }

  function closeMenu(menu, focusButton) {
    var list = menu.querySelector(".room-menu__list");
    if (list.hidden) return;
    list.hidden = true;
    var opener = menu.querySelector(".room-menu__button");
    opener.setAttribute("aria-expanded", "false");
    if (focusButton) opener.focus();
  }

  function closeMenus(except) {
    document.querySelectorAll(".room-menu").forEach(function (menu) {
      if (menu !== except) closeMenu(menu, false);
    });
  }

  document.addEventListener("click", function (event) {
    if (!event.target.closest(".room-menu")) closeMenus(null);
  });

  $("messages").addEventListener("keydown", function (event) {
    var target = event.target;
    var menu = menuOf(target);
    if (target.getAttribute("role") === "menuitem") {
      var entries = Array.prototype.slice.call(menu.querySelectorAll("[role=menuitem]"));
      var index = entries.indexOf(target);
      var next = null;
      if (event.key === "ArrowDown") next = entries[(index + 1) % entries.length];
      else if (event.key === "ArrowUp") next = entries[(index - 1 + entries.length) % entries.length];
      else if (event.key === "Home") next = entries[0];
      else if (event.key === "End") next = entries[entries.length - 1];
      else if (event.key === "Escape") { event.preventDefault(); closeMenu(menu, true); return; }
      else if (event.key === "Tab") { closeMenu(menu, false); return; }
      if (next) { event.preventDefault(); next.focus(); }
      return;
    }
    var item = target.closest(".room-message[data-id]");
    if (!item || !target.classList.contains("room-menu__button")) return;
    var all = items();
    var at = all.indexOf(item);
    var to = null;
    if (event.key === "ArrowUp") to = all[at - 1];
    else if (event.key === "ArrowDown") to = all[at + 1];
    else if (event.key === "Home") to = all[0];
    else if (event.key === "End") to = all[all.length - 1];
    if (event.key === "ArrowUp" || event.key === "ArrowDown" || event.key === "Home" || event.key === "End") {
      event.preventDefault();
      if (to) activate(to, true);
    }
  });

  $("messages").addEventListener("focusin", function (event) {
    var item = event.target.closest(".room-message[data-id]");
    if (item && event.target.tabIndex === -1 && event.target.getAttribute("role") !== "menuitem") activate(item, false);
  });

  $("messages").addEventListener("click", function (event) {
    var opener = event.target.closest(".room-menu__button");
    if (opener) {
      var menu = menuOf(opener);
      if (opener.getAttribute("aria-expanded") === "true") closeMenu(menu, true);
      else openMenu(menu, false);
      return;
    }
    var target = event.target.closest("[data-action], [data-moderation-tool]");
    if (!target) return;
    var item = target.closest(".room-message");
    var itemMenu = menuOf(target);
    var back = itemMenu ? itemMenu.querySelector(".room-menu__button") : target;
    if (itemMenu) closeMenu(itemMenu, !target.dataset.action || target.dataset.action === "reply" ? false : true);
    if (!target.dataset.action) { back.focus(); return; } // a moderation tool (room_tools.js)
    var id = parseInt(item.dataset.id, 10);
    var action = target.dataset.action;
    if (action === "reply") {
      if (!$("message-form") || $("message-form").hidden) return;
      event.preventDefault();
      startReply(id, item.querySelector(".room-message__author").textContent);
    } else if (action === "report") {
      state.dialogTarget = { id: id };
      openDialog($("report-dialog"), back);
    } else if (action === "hide") {
      askReason("hide", S.hideTitle, { message_id: id }, back);
    } else if (action === "mute") {
      askReason("mute", S.muteTitle, { user_id: parseInt(item.dataset.authorId, 10) }, back);
    }
  });

  // --- composer -----------------------------------------------------------------------------------

  var form = $("message-form");
  var body = form ? form.querySelector("[name=body]") : null;
  // The reformulation belongs to a reply: shown only while replying, to keep the composer small.
  var reformulationField = form && form.querySelector("[name=reformulation]");
  reformulationField = reformulationField ? reformulationField.closest(".field") || reformulationField : null;

  function showReformulation(yes) {
    if (reformulationField) reformulationField.hidden = !yes;
  }

  function startReply(id, name) {
    form.querySelector("[name=reply_to]").value = id;
    $("reply-text").textContent = fmt(S.replyingTo, { name: name });
    $("reply-indicator").hidden = false;
    showReformulation(true);
    body.focus();
  }

  function resetComposer() {
    form.reset();
    form.querySelector("[name=reply_to]").value = "";
    $("reply-indicator").hidden = true;
    showReformulation(false);
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

  // The composer follows the room live: closed while the room is paused (a facilitator's
  // pause, not an error on send) or when the participant is excluded, open again on resume.
  function setComposer() {
    var off = state.paused || state.blocked;
    var composer = $("composer");
    if (composer) {
      composer.querySelectorAll("textarea, #send-button").forEach(function (el) {
        el.disabled = off;
      });
    }
    var hand = $("hand-button");
    if (hand) hand.disabled = off;
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
    state.sentBody = body.value;
    return send(frame);
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      if (!state.socket || state.socket.readyState !== WebSocket.OPEN) return; // plain form post
      event.preventDefault();
      if (state.paused || state.blocked) return;
      if (state.you && !state.you.charter_accepted && state.you.role !== "facilitator") {
        state.pendingAfterCharter = true;
        openDialog($("charter-dialog"), $("send-button"));
        return;
      }
      submitMessage();
    });
    body.addEventListener("keydown", function (event) {
      // Ctrl+Enter (Cmd+Enter on a Mac) sends; Enter alone starts a new line.
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        if (form.requestSubmit) form.requestSubmit($("send-button"));
        else $("send-button").click();
      }
    });
    body.addEventListener("input", function () {
      // A text changed after it was sent is another message: it gets its own client_id (the
      // server would take the same id for a resend of the first one and store nothing).
      if (state.draftId && body.value !== state.sentBody) state.draftId = null;
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
      showReformulation(false);
      body.focus();
    });
    showReformulation(!!form.querySelector("[name=reply_to]").value || !!form.querySelector("[name=reformulation]").value);
    updateCounter();
  }

  // « Go to the message box »: straight into the text box when there is one.
  document.querySelectorAll('a.skip-link[href="#composer"]').forEach(function (link) {
    link.addEventListener("click", function (event) {
      var target = body && !form.hidden && !body.disabled ? body : $("composer");
      event.preventDefault();
      target.focus();
      target.scrollIntoView({ block: "nearest" });
    });
  });

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
    $("reason-code").focus();
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
    $("pause-button").addEventListener("click", function () {
      // Resuming goes back to open discussion; the mode list sets any other mode.
      send({ type: "room.set_mode", mode: state.paused ? "open" : "paused" });
    });
    $("hall-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var name = $("hall-name").value.trim();
      if (!name) { $("hall-name").focus(); return; }
      if (send({ type: "hall.add", name: name })) $("hall-form").reset();
    });
  }

  // --- the console (facilitators): held messages, reports ----------------------------------------

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
    markLanguage(text, m.lang);
    li.appendChild(who);
    if (rule) li.appendChild(document.createTextNode(" · " + fmt(S.heldRule, { rule: S.rules[rule] || rule })));
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

  function addReport(f) {
    var list = $("reports");
    if (!list) return;
    var li = $("report-" + f.message_id);
    if (!li) {
      li = document.createElement("li");
      li.id = "report-" + f.message_id;
      list.appendChild(li);
    }
    li.textContent = "";
    var source = $("message-" + f.message_id);
    var name = f.message ? f.message.author.display_name : (source ? source.querySelector(".room-message__author").textContent : "");
    var link = document.createElement("a");
    link.href = "#message-" + f.message_id;
    link.textContent = fmt(S.heldBy, { name: name });
    li.appendChild(link);
    li.appendChild(document.createTextNode(" · " + (S.reportReasons[f.reason] || f.reason) + " · " + fmt(S.reportCount, { count: f.count })));
    var hide = button(S.hide, "hide");
    hide.addEventListener("click", function () { askReason("hide", S.hideTitle, { message_id: f.message_id }, hide); });
    var actions = document.createElement("p");
    actions.className = "room-message__actions";
    actions.appendChild(hide);
    li.appendChild(actions);
  }

  function removeReport(id) {
    var li = $("report-" + id);
    if (li) li.remove();
    updateReportsEmpty();
  }

  function updateReportsEmpty() {
    if ($("reports")) $("reports-empty").hidden = $("reports").children.length > 0;
  }

  // --- facilitation state -------------------------------------------------------------------------

  function showMode(room_) {
    if (room_.mode && S.modes[room_.mode]) $("room-mode").textContent = S.modes[room_.mode];
    state.mode = room_.mode;
    state.paused = room_.status === "open" && room_.mode === "paused";
    if (room_.status && room_.status !== "open") {
      var form_ = $("message-form");
      if (form_) form_.hidden = true;
    }
    var select = $("mode-select");
    if (select && room_.mode) select.value = room_.status === "closed" ? "closed" : room_.mode;
    var pause = $("pause-button");
    if (pause) {
      pause.hidden = room_.status !== "open";
      pause.textContent = state.paused ? S.resume : S.pause;
    }
  }

  function setHand(raised) {
    var hand = $("hand-button");
    if (!hand) return;
    hand.setAttribute("aria-pressed", raised ? "true" : "false");
    hand.textContent = raised ? S.lowerHand : S.raiseHand;
  }

  function queueName(entry) {
    return entry.display_name + (entry.present ? " (" + S.present + ")" : "");
  }

  function renderQueue(queue) {
    var list = $("queue");
    list.textContent = "";
    var mine = false;
    queue.forEach(function (entry) {
      var li = document.createElement("li");
      li.textContent = queueName(entry);
      if (entry.user_id && entry.user_id === state.userId) mine = true;
      list.appendChild(li);
    });
    $("queue-empty").hidden = queue.length > 0;
    setHand(mine);
    var console_ = $("console-queue");
    if (!console_) return;
    console_.textContent = "";
    queue.forEach(function (entry) {
      var li = document.createElement("li");
      li.appendChild(document.createTextNode(queueName(entry) + " "));
      var give = button(fmt(S.giveFloor, { name: entry.display_name }), "give");
      give.addEventListener("click", function () {
        var frame = { type: "floor.give" };
        if (entry.hall_id) frame.hall_id = entry.hall_id; else frame.user_id = entry.user_id;
        var seconds = parseInt($("floor-seconds").value, 10);
        if (seconds) frame.seconds = seconds;
        send(frame);
      });
      li.appendChild(give);
      if (entry.hall_id) {
        li.appendChild(document.createTextNode(" "));
        var remove = button(fmt(S.remove, { name: entry.display_name }), "remove");
        remove.addEventListener("click", function () { send({ type: "hall.remove", hall_id: entry.hall_id }); });
        li.appendChild(remove);
      }
      console_.appendChild(li);
    });
    $("console-queue-empty").hidden = queue.length > 0;
  }

  var handButton = $("hand-button");
  if (handButton) {
    handButton.addEventListener("click", function () {
      send({ type: handButton.getAttribute("aria-pressed") === "true" ? "hand.lower" : "hand.raise" });
    });
  }

  function renderFloor(floor) {
    state.floor = floor;
    clearInterval(state.countdown);
    $("floor").classList.toggle("room__floor--active", !!floor);
    if (!floor) {
      $("floor-label").textContent = S.noFloor;
      $("floor-countdown").textContent = "";
      $("floor-end").hidden = true;
      return;
    }
    var yours = floor.user_id && floor.user_id === state.userId;
    $("floor-label").textContent = yours ? S.floorYou : fmt(S.floorOther, { name: queueName({ display_name: floor.display_name, present: !!floor.hall_id }) });
    $("floor-end").hidden = !(yours || state.role === "facilitator");
    var until = new Date(floor.until).getTime();
    var tick = function () {
      var left = Math.max(0, Math.round((until - Date.now()) / 1000));
      var text = Math.floor(left / 60) + ":" + ("0" + (left % 60)).slice(-2);
      // At zero the server ends the turn and says so (floor.changed); until then, the time left.
      $("floor-countdown").textContent = fmt(S.timeLeft, { time: text });
      if (left <= 0) clearInterval(state.countdown);
    };
    tick();
    state.countdown = setInterval(tick, 1000);
  }

  $("floor-end").addEventListener("click", function () { send({ type: "floor.end" }); });

  // --- phone: the facilitator's two views ---------------------------------------------------------

  var tabs = $("room-tabs");
  if (tabs) {
    tabs.hidden = false;
    var tabList = [$("tab-room"), $("tab-console")];
    var select = function (tab, focus) {
      tabList.forEach(function (t) {
        var on = t === tab;
        t.setAttribute("aria-selected", on ? "true" : "false");
        t.tabIndex = on ? 0 : -1;
      });
      room.dataset.view = tab === tabList[1] ? "console" : "room";
      if (focus) tab.focus();
    };
    tabList.forEach(function (tab, i) {
      tab.addEventListener("click", function () { select(tab, false); });
      tab.addEventListener("keydown", function (event) {
        if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
          event.preventDefault();
          select(tabList[1 - i], true);
        }
      });
    });
    select(tabList[0], false);
  }

  // Server-rendered messages: their menus, one tab stop, and the end of the conversation in view.
  var existing = items();
  existing.forEach(addActions);
  if (existing.length) activate(existing[existing.length - 1], false);
  if (!location.hash || location.hash === "#composer") {
    toBottom();
    // The live part of the page (live bar, conversation, composer) is sized to the screen:
    // bring it into view, the debate's title and description stay just above.
    var stage = document.querySelector(".room__stage");
    if (stage && !location.hash) window.scrollTo(0, stage.getBoundingClientRect().top + window.pageYOffset - 4);
  }
  connect();
})();
