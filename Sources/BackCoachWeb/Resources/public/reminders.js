// BackCoach reminders in this browser: the permission prompt is asked only when she presses "Get reminders on this
// phone or computer", never on page load. Without JavaScript, or in a browser without push, the page's own words say
// so and point to the calendar link.
(function () {
  "use strict";
  var box = document.querySelector("[data-push]");
  var unsupported = document.querySelector("[data-push-unsupported]");
  if (!box || !("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) return;
  box.hidden = false;
  if (unsupported) unsupported.hidden = true;
  var status = box.querySelector("[data-push-status]");
  var subscribe = box.querySelector("[data-push-subscribe]");
  var unsubscribe = box.querySelector("[data-push-unsubscribe]");
  var csrf = (document.querySelector("input[name=_csrf]") || {}).value || "";
  function say(text) { status.textContent = text; }
  // On here or not: one button or the other.
  function showOn(on) { subscribe.hidden = on; unsubscribe.hidden = !on; }
  function post(path, fields) {
    var body = new URLSearchParams(fields);
    body.set("_csrf", csrf);
    return fetch(path, { method: "POST", body: body, credentials: "same-origin", headers: { "Accept": "application/json" } }).catch(function () {
      throw new Error("There is no connection just now. Please try again when you are online.");
    }).then(function (response) {
      return response.json().then(function (answer) {
        if (!response.ok) throw new Error(answer.detail || "That did not work. Please try again.");
        return answer;
      });
    });
  }
  // A browser whose push service can't be reached may never answer; after a while, say so instead of waiting.
  function within(ms, promise) {
    return Promise.race([promise, new Promise(function (resolve, reject) { setTimeout(function () { reject(new Error("timeout")); }, ms); })]);
  }
  function keyBytes(text) {
    var padded = (text + "===".slice((text.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(padded), bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }
  function current() {
    return navigator.serviceWorker.getRegistration("/").then(function (registration) {
      return registration ? registration.pushManager.getSubscription() : null;
    });
  }
  current().then(function (subscription) { showOn(!!subscription); }).catch(function () {});
  subscribe.addEventListener("click", function () {
    say("Turning on reminders…");
    Notification.requestPermission().then(function (permission) {
      if (permission !== "granted") throw new Error("Notifications are blocked for BackCoach in this browser. You can allow them in the browser's site settings.");
      return navigator.serviceWorker.register("/sw.js").then(function () { return navigator.serviceWorker.ready; });
    }).then(function (registration) {
      return registration.pushManager.getSubscription().then(function (existing) {
        return existing || within(15000, registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(box.getAttribute("data-push-key")) }));
      }).catch(function () {
        // The browser's own push service refused or can't be reached: say so in plain words.
        throw new Error("This browser could not turn on reminders just now. Please try again later, or use the calendar link below.");
      });
    }).then(function (subscription) {
      var json = subscription.toJSON();
      return post("/settings/reminders/subscribe", { endpoint: json.endpoint, p256dh: json.keys.p256dh, auth: json.keys.auth });
    }).then(function (answer) {
      showOn(true);
      say("Reminders are on for this phone or computer." + (answer.devices > 1 ? " " + answer.devicesText : ""));
    }).catch(function (error) { say(error.message); });
  });
  unsubscribe.addEventListener("click", function () {
    current().then(function (subscription) {
      if (!subscription) return { devicesText: null };
      var endpoint = subscription.endpoint || subscription.toJSON().endpoint;
      return subscription.unsubscribe().then(function () { return post("/settings/reminders/unsubscribe", { endpoint: endpoint }); });
    }).then(function (answer) {
      showOn(false);
      say("Reminders are off for this phone or computer." + (answer.devicesText ? " " + answer.devicesText : ""));
    }).catch(function (error) { say(error.message); });
  });
  box.querySelector("[data-push-test]").addEventListener("click", function () {
    post("/settings/reminders/test", {}).then(function (answer) {
      say(answer.delivered > 0 ? "A test reminder is on its way." : "The test reminder could not be delivered. Try turning reminders on again on this phone or computer.");
    }).catch(function (error) { say(error.message); });
  });
})();
