// BackCoach guided session: turns the checklist into a step-by-step player with timers, voice cues, a screen kept
// awake, and resume after an interruption or a reload. Each exercise waits for her tap unless she turns on
// auto-advance, so a session left running never plays to the end by itself. Without JavaScript the checklist works.
(function () {
  "use strict";
  var player = document.getElementById("player");
  var form = document.getElementById("checklist");
  if (!player || !form) return;
  var cards = [].slice.call(form.querySelectorAll("fieldset.exercise"));
  if (!cards.length) return;
  var speed = Math.max(1, Number(player.getAttribute("data-speed")) || 1);
  var storeKey = "bc.session." + form.elements.date.value;
  var el = function (name) { return player.querySelector("[data-player=" + name + "]"); };
  var button = function (name) { return player.querySelector("[data-action=" + name + "]"); };
  var toggle = button("toggle"), voiceBox = button("voice"), autoBox = button("auto");

  // Each exercise becomes timed phases: get ready, then each rep (counted aloud), its hold and a "let go", time to
  // switch sides, and rest between sets. data-dose is "sets reps hold rest secondsPerRep".
  function phasesFor(card) {
    var dose = card.dataset.dose.split(" ").map(Number), phases = [{ label: "Get ready", seconds: 5, say: title(card) + ". " + cue(card) }];
    var sets = dose[0], reps = dose[1], hold = dose[2], rest = dose[3], tempo = dose[4], sides = "perSide" in card.dataset ? ["left side", "right side"] : [""];
    for (var set = 1; set <= sets; set++) {
      sides.forEach(function (side, n) {
        if (n > 0) phases.push({ label: "Switch to your " + side, seconds: 5, say: "Switch sides" });
        for (var rep = 1; rep <= reps; rep++) {
          var name = "Rep " + rep + " of " + reps + (side ? ", " + side : "") + (sets > 1 ? ", set " + set : "");
          phases.push({ label: name, seconds: tempo, say: String(rep) });
          if (hold > 0) {
            phases.push({ label: name + " · hold", seconds: hold, say: "Hold" });
            phases.push({ label: "Let go and relax", seconds: 2, say: "Let go" });
          }
        }
      });
      if (set < sets && rest > 0) phases.push({ label: "Rest", seconds: rest, say: "Rest" });
    }
    return phases;
  }

  function title(card) { return card.querySelector("legend").textContent; }
  function cue(card) { var first = card.querySelector(".cues li"); return first ? first.textContent : ""; }

  var state = JSON.parse(localStorage.getItem(storeKey) || "null") || {};
  state.index = state.index || 0; state.done = state.done || []; state.values = state.values || {};
  var phases = [], phase = 0, left = 0, timer = null, lock = null, waiting = false;

  function save() { localStorage.setItem(storeKey, JSON.stringify(state)); }
  function say(text) { if (text && voiceBox.checked && window.speechSynthesis) { speechSynthesis.cancel(); speechSynthesis.speak(new SpeechSynthesisUtterance(text)); } }
  function keepAwake(on) {
    if (on && "wakeLock" in navigator && !lock) navigator.wakeLock.request("screen").then(function (l) { lock = l; }).catch(function () {});
    if (!on && lock) { lock.release(); lock = null; }
  }
  function show() {
    var card = cards[state.index];
    el("position").textContent = "Exercise " + (state.index + 1) + " of " + cards.length;
    el("title").textContent = title(card);
    el("cue").textContent = waiting ? "Tap Start when you are ready." : cue(card);
    var img = card.querySelector(":scope>img"), fig = el("figure");
    if (img && fig.src != img.src) ["src", "alt", "width", "height"].forEach(function (a) { fig.setAttribute(a, img.getAttribute(a)); });
    fig.hidden = !img;
    el("phase").textContent = phases[phase] ? phases[phase].label : "";
    el("timer").textContent = left + "s";
    toggle.textContent = timer ? "Pause" : (phase > 0 || left < phases[0].seconds ? "Resume" : "Start");
  }
  function load(index) {
    state.index = index; save(); el("how").hidden = true;
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
    waiting = false;
    if (timer) { stop(); show(); return; }
    if (phase === 0 && left === phases[0].seconds) say(phases[0].say);
    timer = setInterval(tick, 1000 / speed); keepAwake(true); show();
  }
  // Played to the end: only then is it ticked done.
  function complete() {
    stop();
    if (state.done.indexOf(state.index) < 0) state.done.push(state.index);
    if (state.index + 1 >= cards.length) { say("Well done. Session finished"); finish(); return; }
    say("Well done");
    load(state.index + 1);
    if (autoBox.checked) setTimeout(start, 2500 / speed); else { waiting = true; show(); }
  }
  function finish() {
    stop(); state.finished = true; save();
    player.hidden = true; form.hidden = false;
    if (state.typed) restore();
    else state.done.forEach(function (i) { var box = form.elements["done." + i]; if (box) box.checked = true; });
    var heading = document.createElement("p");
    heading.className = "success"; heading.setAttribute("role", "status");
    heading.textContent = "Finished. Check what is ticked, say how it went, then save.";
    form.insertBefore(heading, form.firstChild);
    heading.scrollIntoView();
  }
  // What she types in the form is kept with the session, so a reload or a closed tab loses nothing.
  function each(work) { [].forEach.call(form.elements, function (f) { if (/^(done|difficulty|pain|symptoms)/.test(f.name)) work(f, /box|radio/.test(f.type)); }); }
  function remember() {
    state.values = {}; state.typed = true;
    each(function (f, box) { if (box ? f.checked : f.value) (state.values[f.name] = state.values[f.name] || []).push(f.value); });
    save();
  }
  function restore() {
    each(function (f, box) { var kept = state.values[f.name] || []; if (box) f.checked = kept.indexOf(f.value) >= 0; else f.value = kept[0] || ""; });
  }
  // "How to do it" opens inside the player: the exercise page's start position, steps and mistakes.
  function howTo() {
    var link = cards[state.index].querySelector("a[href^='/exercises/']"), box = el("how");
    if (!box.hidden) { box.hidden = true; return; }
    fetch(link.href, { credentials: "same-origin" }).then(function (r) { return r.text(); }).then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html").querySelector(".prose");
      [].forEach.call(page.querySelectorAll("h1,.lead,.muted,.figure,a"), function (n) { n.remove(); });
      box.replaceChildren.apply(box, [].slice.call(page.childNodes)); box.hidden = false;
    }).catch(function () { location.href = link.href; });
  }

  toggle.addEventListener("click", start);
  button("skip").addEventListener("click", function () { stop(); if (state.index + 1 < cards.length) load(state.index + 1); else finish(); });
  button("back").addEventListener("click", function () { load(Math.max(0, state.index - 1)); });
  button("how").addEventListener("click", howTo);
  voiceBox.checked = localStorage.getItem("bc.voice") !== "off";
  autoBox.checked = localStorage.getItem("bc.auto") === "on";
  [["voice", voiceBox], ["auto", autoBox]].forEach(function (b) {
    b[1].addEventListener("change", function () { localStorage.setItem("bc." + b[0], b[1].checked ? "on" : "off"); });
  });
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "visible" && timer) keepAwake(true); });
  form.addEventListener("input", remember);
  // Sent, or queued on this phone by app.js when offline: either way the form's data has left the player.
  form.addEventListener("submit", function () { localStorage.removeItem(storeKey); });

  if (state.finished) { load(Math.min(state.index, cards.length - 1)); finish(); return; }
  player.hidden = false; form.hidden = true;
  load(Math.min(state.index, cards.length - 1));
})();
