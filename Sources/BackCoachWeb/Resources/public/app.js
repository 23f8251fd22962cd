// BackCoach on every page: the service worker, and the queue that keeps a check-in or session made offline until it
// can be sent. Every page works without this file.
(function () {
  "use strict";
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js").catch(function () {});
  }
  // Forms marked data-queue (a session, a check-in) are kept on this phone when there is no connection, each with
  // the day it is for, and sent in order when the connection is back; she is told what was sent and what changed.
  var QUEUE = "bc.queue", main = document.getElementById("main");
  function queued() { try { return JSON.parse(localStorage.getItem(QUEUE) || "[]"); } catch (e) { return []; } }
  function keep(items) { localStorage.setItem(QUEUE, JSON.stringify(items)); }
  function tell(text, waiting, refused) {
    if (!main) return;
    var note = document.createElement("p");
    if (waiting) note.setAttribute("data-waiting", "");
    note.className = refused ? "error" : "success"; note.setAttribute("role", "status"); note.textContent = text;
    main.insertBefore(note, main.firstChild);
  }
  function day(iso) { return new Date(iso + "T12:00:00").toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long" }); }
  function queue(path, body) {
    var params = new URLSearchParams(body), date = params.get("date");
    // When she wrote it: a check-in sent later never replaces a newer one from another device.
    if (!params.get("writtenAt")) { params.set("writtenAt", String(Date.now())); body = params.toString(); }
    var what = (path === "/session" ? "your session" : "your check-in") + (date ? " for " + day(date) : "");
    keep(queued().concat([{ path: path, body: body, what: what }]));
    tell("No connection. Saved on this phone: " + what + ". It will be sent when you are back online.", true);
  }
  // The service worker's page for a form sent without a connection carries the form.
  if (main && main.dataset.queueBody) queue(main.dataset.queuePath, main.dataset.queueBody);
  document.querySelectorAll("form[data-queue]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (navigator.onLine) return;
      event.preventDefault();
      queue(form.getAttribute("action"), new URLSearchParams(new FormData(form)).toString());
      window.scrollTo(0, 0);
    });
  });
  var sending = false;
  function send() {
    var items = queued(), item = items[0];
    if (!item || !navigator.onLine || sending) return;
    sending = true;
    // Signed in again since? This page's token is the one that counts now.
    var body = new URLSearchParams(item.body), token = document.querySelector("input[name=_csrf]");
    if (token) body.set("_csrf", token.value);
    // A URLSearchParams body is sent as a form (application/x-www-form-urlencoded).
    fetch(item.path, { method: "POST", body: body, credentials: "same-origin" })
      .then(function (response) {
        var landed = new URL(response.url).pathname;
        if (landed === "/signin") { tell("Sign in again to send " + item.what + "."); return false; }
        if (response.status >= 500) return false;
        keep(queued().filter(function (other) { return other.body !== item.body; }));
        // Sent (or refused for good): the "saved on this phone" notes are out of date once nothing waits.
        if (!queued().length) document.querySelectorAll("[data-waiting]").forEach(function (note) { note.remove(); });
        return response.text().then(function (html) {
          var page = new DOMParser().parseFromString(html, "text/html"), refused = page.querySelector("#main .error");
          var changes = [].map.call(page.querySelectorAll(".decisions li"), function (li) { return li.textContent.trim(); });
          // Refused (a newer check-in, one session a day…): the page's own reason.
          if (!response.ok || landed !== item.path) tell("Not saved: " + item.what + ". " + (refused ? refused.textContent : "Please enter it again."), 0, 1);
          else tell("Sent " + item.what + "." + (changes.length ? " Next time: " + changes.join(" ") : ""));
          return true;
        });
      }, function () { return false; })
      .then(function (more) { sending = false; if (more) send(); });
  }
  window.addEventListener("online", send);
  send();
})();
