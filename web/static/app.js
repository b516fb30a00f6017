// What htmx leaves to the page: a request that failed outright is said, not silently dropped.
// (A refused form or a conflict comes back as HTML with its messages, which htmx swaps in and
// focuses; see the htmx-config in templates/base.html.)
(function () {
  "use strict";

  function say(text) {
    var line = document.getElementById("request-failed");
    if (!line) return;
    line.textContent = text;
    line.hidden = false;
    line.focus();
  }

  function clear() {
    var line = document.getElementById("request-failed");
    if (line) line.hidden = true;
  }

  // Back on a board after an action opened from one of its cards: the card has the focus again.
  document.addEventListener("DOMContentLoaded", function () {
    var card = location.hash && document.getElementById(location.hash.slice(1));
    if (card && card.getAttribute("tabindex") === "-1") card.focus();
  });

  // An action opened from a board card is done: the board again, fresh, with the focus on that card.
  document.body.addEventListener("returnToCard", function (event) {
    var url = new URL(event.detail.url, location.href);
    url.hash = event.detail.card;
    if (url.pathname === location.pathname && url.search === location.search) {
      location.hash = event.detail.card;
      location.reload();
    } else {
      location.assign(url.href);
    }
  });

  // An action opened from a board card shows in a dialog over the board, where the person is looking;
  // when it closes (Close, Cancel or Escape) the card that opened it has the focus again.
  var opener = null;
  document.addEventListener("htmx:beforeRequest", function (event) {
    var slot = event.detail.target;
    if (slot && slot.id === "board-action-slot" && !slot.contains(event.detail.elt)) {
      opener = event.detail.elt.closest("[tabindex='-1']") || event.detail.elt;
    }
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    var dialog = event.detail.target.closest && event.detail.target.closest("dialog");
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    var first = dialog.querySelector("[autofocus]") || dialog.querySelector("input:not([type=hidden]), select, textarea");
    if (first) first.focus();
  });
  document.addEventListener("close", function (event) {
    if (event.target.id !== "board-action") return;
    document.getElementById("board-action-slot").innerHTML = "";
    if (opener && document.contains(opener)) opener.focus();
  }, true);
  document.addEventListener("click", function (event) {
    var dismiss = event.target.closest && event.target.closest("dialog [data-dismiss]");
    if (!dismiss) return;
    event.preventDefault();
    dismiss.closest("dialog").close();
  });

  document.addEventListener("htmx:beforeRequest", clear);
  document.addEventListener("htmx:sendError", function () {
    var line = document.getElementById("request-failed");
    if (line) say(line.dataset.offline);
  });
  document.addEventListener("htmx:responseError", function (event) {
    var line = document.getElementById("request-failed");
    if (line) say(line.dataset.failed.replace("{status}", event.detail.xhr.status));
  });
})();
