// BackCoach: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js").catch(function () {});
  }
  // Read aloud with the browser's own speech synthesis.
  document.querySelectorAll("[data-read-aloud]").forEach(function (button) {
    if (!("speechSynthesis" in window)) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      if (speechSynthesis.speaking) { speechSynthesis.cancel(); button.textContent = "Read aloud"; return; }
      var target = document.getElementById(button.getAttribute("data-read-aloud"));
      var utterance = new SpeechSynthesisUtterance(target ? target.innerText : "");
      utterance.onend = function () { button.textContent = "Read aloud"; };
      speechSynthesis.speak(utterance);
      button.textContent = "Stop reading";
    });
  });
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var field = document.getElementById(button.getAttribute("data-copy"));
      navigator.clipboard.writeText(field.value).then(function () { button.textContent = "Copied"; });
    });
  });
  document.querySelectorAll("[data-action=print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  document.querySelectorAll("[data-setting=voice]").forEach(function (box) {
    box.checked = localStorage.getItem("bc.voice") !== "off";
    box.addEventListener("change", function () { localStorage.setItem("bc.voice", box.checked ? "on" : "off"); });
  });
  // Session feedback saved while offline is sent when the connection is back.
  function sendPending() {
    var pending = localStorage.getItem("bc.pending");
    if (!pending || !navigator.onLine) return;
    fetch("/session", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: pending, credentials: "same-origin" })
      .then(function (response) { if (response.ok) localStorage.removeItem("bc.pending"); })
      .catch(function () {});
  }
  window.addEventListener("online", sendPending);
  sendPending();
})();
