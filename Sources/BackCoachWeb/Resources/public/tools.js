// BackCoach page tools: read aloud, copy a link, print, the voice-cue setting. Loaded by the pages that offer them;
// each control stays hidden (or is a plain link) without JavaScript.
(function () {
  "use strict";
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
  // A printed plan shows every folded part.
  window.addEventListener("beforeprint", function () { document.querySelectorAll("details").forEach(function (d) { d.open = true; }); });
  document.querySelectorAll("[data-action=print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  document.querySelectorAll("[data-setting=voice]").forEach(function (box) {
    box.closest("[data-setting-row]").hidden = false;
    box.checked = localStorage.getItem("bc.voice") !== "off";
    box.addEventListener("change", function () { localStorage.setItem("bc.voice", box.checked ? "on" : "off"); });
  });
})();
