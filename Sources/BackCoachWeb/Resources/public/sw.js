// BackCoach service worker: assets and exercise figures from the cache (their URLs change when they do); pages
// from the network, falling back to the last copy, so today's session and the player keep working without a
// connection. Saving the session page also saves its figures, so the player can still show them offline.
var CACHE = "backcoach-v1";
self.addEventListener("install", function (event) { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });
self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  var url = new URL(request.url);
  if (url.pathname.indexOf("/assets/") === 0 || url.pathname.indexOf("/figures/") === 0) {
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return cache.match(request).then(function (hit) {
        return hit || fetch(request).then(function (response) { cache.put(request, response.clone()); return response; });
      });
    }));
  } else if (request.mode === "navigate" && (url.pathname === "/today" || url.pathname === "/session" || url.pathname === "/plan")) {
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
