// Participants' own tools in a debate room, next to room.js: mute someone for oneself (their
// messages collapse, live and on reload, each one can still be opened), and the appeal link on
// the tombstones of one's own messages. The room's messages are watched as room.js adds them.
(function () {
  "use strict";
  var config = document.getElementById("room-moderation");
  var room = document.getElementById("room");
  var list = document.getElementById("messages");
  if (!config || !room || !list) return;
  var S = JSON.parse(document.getElementById("moderation-strings").textContent);
  var muted = new Set(JSON.parse(document.getElementById("personal-mutes").textContent).map(String));
  var me = room.dataset.userId;

  function fmt(text, values) {
    return text.replace(/\{(\w+)\}/g, function (match, key) { return key in values ? values[key] : match; });
  }

  function csrf() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) return decodeURIComponent(match[1]);
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function say(text) {
    var box = document.getElementById("composer-notice");
    if (!box) return;
    box.textContent = "";
    var p = document.createElement("p");
    p.className = "notice notice--info";
    p.textContent = text;
    box.appendChild(p);
  }

  function nameOf(item) {
    var author = item.querySelector(".room-message__author");
    return author ? author.textContent : "";
  }

  function setMuted(authorId, mute) {
    var body = new URLSearchParams();
    body.set("user_id", authorId);
    if (mute) body.set("mute", "on");
    return fetch(config.dataset.mutesUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrf(), "Content-Type": "application/x-www-form-urlencoded" },
      body: body.toString(),
    }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      if (mute) muted.add(authorId); else muted.delete(authorId);
      list.querySelectorAll('.room-message[data-author-id="' + authorId + '"]').forEach(refresh);
    });
  }

  function toolButton(label, kind) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "link-button";
    b.dataset.moderationTool = kind;
    b.textContent = label;
    return b;
  }

  function collapse(item) {
    var article = item.querySelector("article");
    if (!article || item.querySelector(".room-message__muted")) return;
    item.classList.add("room-message--muted");
    var bar = document.createElement("p");
    bar.className = "room-message__muted";
    bar.appendChild(document.createTextNode(fmt(S.mutedMessage, { name: nameOf(item) }) + " "));
    var toggle = toolButton(S.show, "toggle");
    toggle.setAttribute("aria-expanded", "false");
    bar.appendChild(toggle);
    bar.appendChild(document.createTextNode(" "));
    bar.appendChild(toolButton(fmt(S.unmuteForMe, { name: nameOf(item) }), "unmute"));
    item.insertBefore(bar, article);
    article.hidden = true;
  }

  function expand(item) {
    var bar = item.querySelector(".room-message__muted");
    if (bar) bar.remove();
    item.classList.remove("room-message--muted");
    var article = item.querySelector("article");
    if (article) article.hidden = false;
  }

  function refresh(item) {
    var author = item.dataset.authorId;
    if (!author) return;
    var own = me && author === me;
    if (!own && muted.has(author)) collapse(item); else expand(item);
    var actions = item.querySelector(".room-message__actions");
    if (actions && me && !own && !actions.querySelector('[data-moderation-tool="mute"]')) {
      var tool = toolButton(fmt(S.muteForMe, { name: nameOf(item) }), "mute");
      // The live room gathers a message's actions in one menu (room.js): the tool joins it.
      var menu = actions.querySelector(".room-menu__list");
      if (menu) {
        var entry = document.createElement("li");
        entry.setAttribute("role", "none");
        tool.className = "";
        tool.setAttribute("role", "menuitem");
        tool.tabIndex = -1;
        entry.appendChild(tool);
        menu.appendChild(entry);
      } else if (!actions.querySelector(".room-message__nojs")) {
        actions.appendChild(tool);
      }
    }
    var tomb = item.querySelector(".room-message__tombstone");
    if (tomb && own && !tomb.querySelector("a")) {
      var link = document.createElement("a");
      link.href = config.dataset.appealUrl.replace(/\/0\/$/, "/" + item.dataset.id + "/");
      link.textContent = S.appeal;
      tomb.appendChild(document.createTextNode(" "));
      tomb.appendChild(link);
    }
  }

  list.addEventListener("click", function (event) {
    var target = event.target.closest("[data-moderation-tool]");
    if (!target) return;
    var item = target.closest(".room-message");
    var author = item.dataset.authorId;
    var name = nameOf(item);
    var kind = target.dataset.moderationTool;
    if (kind === "toggle") {
      var article = item.querySelector("article");
      article.hidden = !article.hidden;
      target.setAttribute("aria-expanded", String(!article.hidden));
      target.textContent = article.hidden ? S.show : S.hideAgain;
      return;
    }
    setMuted(author, kind === "mute")
      .then(function () { say(fmt(kind === "mute" ? S.mutedNow : S.unmutedNow, { name: name })); })
      .catch(function () { say(S.error); });
  });

  list.querySelectorAll(".room-message").forEach(refresh);
  new MutationObserver(function (records) {
    records.forEach(function (record) {
      record.addedNodes.forEach(function (node) {
        if (node.nodeType !== 1) return;
        var item = node.classList.contains("room-message") ? node : node.closest && node.closest(".room-message");
        if (item) refresh(item);
      });
    });
  }).observe(list, { childList: true, subtree: true });
})();
