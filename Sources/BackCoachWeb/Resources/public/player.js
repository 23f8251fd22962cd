// BackCoach guided session: turns the checklist into a step-by-step player with timers, voice cues,
// a screen kept awake, and resume after an interruption. Without JavaScript the checklist still works.
(function () {
  "use strict";
  var player = document.getElementById("player");
  var form = document.getElementById("checklist");
  if (!player || !form) return;
  var cards = Array.prototype.slice.call(form.querySelectorAll("fieldset.exercise"));
  if (!cards.length) return;
  var speed = Math.max(1, Number(player.getAttribute("data-speed")) || 1);
  var storeKey = "bc.session." + form.elements.date.value;
  var el = function (name) { return player.querySelector("[data-player=" + name + "]"); };
  var toggle = player.querySelector("[data-action=toggle]");
  var voiceBox = player.querySelector("[data-action=voice]");

  // Each exercise becomes a list of timed phases: get ready, then moves and holds per rep, rest between sets.
  function phasesFor(card) {
    var d = card.dataset, phases = [{ label: "Get ready", seconds: 5, say: title(card) + ". " + cue(card) }];
    var sets = +d.sets, reps = +d.reps, hold = +d.hold, tempo = +d.tempo, sides = "perSide" in d ? ["left side", "right side"] : [""];
    for (var set = 1; set <= sets; set++) {
      sides.forEach(function (side) {
        for (var rep = 1; rep <= reps; rep++) {
          var name = "Rep " + rep + " of " + reps + (side ? ", " + side : "") + (sets > 1 ? ", set " + set : "");
          phases.push({ label: name, seconds: tempo, say: rep === 1 ? (side ? side + ". " : "") + "Begin" : "" });
          if (hold > 0) phases.push({ label: name + " · hold", seconds: hold, say: "Hold" });
        }
      });
      if (set < sets && +d.rest > 0) phases.push({ label: "Rest", seconds: +d.rest, say: "Rest" });
    }
    return phases;
  }

  function title(card) { return card.querySelector("legend").textContent; }
  function cue(card) { var first = card.querySelector(".cues li"); return first ? first.textContent : ""; }

  var state = JSON.parse(localStorage.getItem(storeKey) || "null") || { index: 0, done: [], skipped: [] };
  var phases = [], phase = 0, left = 0, timer = null, lock = null;

  function save() { localStorage.setItem(storeKey, JSON.stringify(state)); }
  function voiceOn() { return voiceBox.checked && "speechSynthesis" in window; }
  function say(text) { if (text && voiceOn()) { speechSynthesis.cancel(); speechSynthesis.speak(new SpeechSynthesisUtterance(text)); } }
  function keepAwake(on) {
    if (on && "wakeLock" in navigator && !lock) navigator.wakeLock.request("screen").then(function (l) { lock = l; }).catch(function () {});
    if (!on && lock) { lock.release(); lock = null; }
  }
  function show() {
    var card = cards[state.index];
    el("position").textContent = "Exercise " + (state.index + 1) + " of " + cards.length;
    el("title").textContent = title(card);
    el("cue").textContent = cue(card);
    var img = card.querySelector(":scope>img"), fig = el("figure");
    if (img && fig.src != img.src) ["src", "alt", "width", "height"].forEach(function (a) { fig.setAttribute(a, img.getAttribute(a)); });
    fig.hidden = !img;
    el("phase").textContent = phases[phase] ? phases[phase].label : "";
    el("timer").textContent = left + "s";
    toggle.textContent = timer ? "Pause" : (phase > 0 || left < (phases[0] || {}).seconds ? "Resume" : "Start");
  }
  function load(index) {
    state.index = index; save();
    phases = phasesFor(cards[index]); phase = 0; left = phases[0].seconds;
    stop(); show();
  }
  function stop() { if (timer) clearInterval(timer); timer = null; keepAwake(false); }
  function tick() {
    left -= 1;
    if (left <= 0) {
      phase += 1;
      if (phase >= phases.length) { complete(); return; }
      left = phases[phase].seconds; say(phases[phase].say);
    }
    show();
  }
  function start() {
    if (timer) { stop(); show(); return; }
    if (phase === 0 && left === phases[0].seconds) say(phases[0].say);
    timer = setInterval(tick, 1000 / speed); keepAwake(true); show();
  }
  function complete() {
    stop();
    if (state.done.indexOf(state.index) < 0) state.done.push(state.index);
    say("Well done");
    next();
  }
  function next() {
    if (state.index + 1 < cards.length) { load(state.index + 1); start(); } else finish();
  }
  function finish() {
    stop(); save();
    player.hidden = true; form.hidden = false;
    state.done.forEach(function (i) { var box = form.querySelector("[name='done." + i + "']"); if (box) box.checked = true; });
    var heading = document.createElement("p");
    heading.className = "success"; heading.setAttribute("role", "status");
    heading.textContent = "Session finished. Tell us how each exercise felt, then save.";
    form.insertBefore(heading, form.firstChild);
    heading.scrollIntoView(); say("Session finished");
  }

  toggle.addEventListener("click", start);
  player.querySelector("[data-action=skip]").addEventListener("click", function () {
    if (state.skipped.indexOf(state.index) < 0) state.skipped.push(state.index);
    stop(); next();
  });
  player.querySelector("[data-action=back]").addEventListener("click", function () { load(Math.max(0, state.index - 1)); });
  voiceBox.checked = localStorage.getItem("bc.voice") !== "off";
  voiceBox.addEventListener("change", function () { localStorage.setItem("bc.voice", voiceBox.checked ? "on" : "off"); });
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "visible" && timer) keepAwake(true); });
  form.addEventListener("submit", function (event) {
    localStorage.removeItem(storeKey);
    if (navigator.onLine) return;
    event.preventDefault();
    localStorage.setItem("bc.pending", new URLSearchParams(new FormData(form)).toString());
    form.insertAdjacentHTML("afterbegin", '<p class="success" role="status">Saved on this phone. It will be sent when you are back online.</p>');
  });

  player.hidden = false; form.hidden = true;
  load(Math.min(state.index, cards.length - 1));
})();
