// BackCoach service worker: assets and exercise figures from the cache (their URLs change when they do); pages
// from the network, falling back to the last copy, so today's session, the player, the check-in and progress keep
// working without a connection. Saving the session page also saves its figures, so the player can still show them
// offline. A check-in or session sent when the connection is gone (even with the phone saying it is online) gets a
// page that hands the form to app.js, which keeps it and sends it later.
var CACHE = "backcoach-v3";
self.addEventListener("install", function (event) { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  // An older cache holds pages and assets of an older version: only this one is kept.
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== CACHE; }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});
self.addEventListener("fetch", function (event) {
  var request = event.request, url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && request.mode === "navigate" && (url.pathname === "/checkin" || url.pathname === "/session")) {
    event.respondWith(savedOffline(request, url));
    return;
  }
  if (request.method !== "GET") return;
  if (url.pathname.indexOf("/assets/") === 0 || url.pathname.indexOf("/figures/") === 0) {
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return cache.match(request).then(function (hit) {
        return hit || fetch(request).then(function (response) { cache.put(request, response.clone()); return response; });
      });
    }));
  } else if (request.mode === "navigate" && ["/today", "/session", "/plan", "/checkin", "/progress"].indexOf(url.pathname) >= 0) {
    event.respondWith(fetch(request).then(function (response) {
      var copy = response.clone(), page = response.clone();
      caches.open(CACHE).then(function (cache) {
        cache.put(request, copy);
        if (url.pathname === "/session") page.text().then(function (html) {
          var figures = (html.match(/\/figures\/[^"]+/g) || []).map(function (src) { return src.replace(/&amp;/g, "&"); });
          return Promise.all(figures.map(function (src) { return cache.match(src).then(function (hit) { return hit || cache.add(src); }); }));
        }).catch(function () {});
      });
      return response;
    }).catch(function () { return caches.match(request); }));
  }
});

function savedOffline(request, url) {
  var copy = request.clone();
  return fetch(request).catch(function () {
    return Promise.all([copy.text(), caches.open(CACHE).then(function (cache) { return cache.keys(); })]).then(function (found) {
      var keys = found[1].map(function (key) { return key.url; });
      var asset = function (name) { return keys.filter(function (key) { return key.indexOf("/assets/" + name) >= 0; })[0] || "/assets/" + name; };
      var escape = function (text) { return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;"); };
      var html = '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
        '<title>Saved on this phone · BackCoach</title><link rel="stylesheet" href="' + asset("app.css") + '"></head><body>' +
        '<main id="main" data-queue-path="' + url.pathname + '" data-queue-body="' + escape(found[0]) + '"><h1>No connection</h1>' +
        '<p><a class="button" href="/today">Back to Today</a></p></main><script src="' + asset("app.js") + '"></script></body></html>';
      return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
    });
  });
}

// A reminder: its text and where a tap goes come from the server (encrypted for this browser). The text never
// carries health details; a tap opens Today (only a path on this site is followed).
self.addEventListener("push", function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (error) { data = {}; }
  // Whatever the text says, a tap stays on this site: the address is read as a browser reads it ("/\\x" included).
  var path = "/today";
  try {
    var target = new URL(typeof data.url === "string" ? data.url : "/today", self.location.origin);
    if (target.origin === self.location.origin) path = target.pathname + target.search;
  } catch (error) { path = "/today"; }
  event.waitUntil(self.registration.showNotification(data.title || "BackCoach", {
    body: data.body || "", icon: "/assets/icon.svg", tag: "backcoach-reminder", data: { path: path }
  }));
});
self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var url = new URL((event.notification.data && event.notification.data.path) || "/today", self.location.origin).href;
  event.waitUntil(self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (windows) {
    for (var i = 0; i < windows.length; i++) {
      if (new URL(windows[i].url).origin === self.location.origin && "focus" in windows[i]) {
        var target = windows[i];
        return target.navigate(url).then(function (client) { return (client || target).focus(); });
      }
    }
    return self.clients.openWindow(url);
  }));
});
