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
