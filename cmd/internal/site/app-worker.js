// Symptom Guide service worker, version {{.Version}}.
//
// It precaches every file the guide needs, so the guide opens and works with
// no network once it has loaded once. Pages are served from the cache for
// their path whatever their query string: the app reads the answers from the
// URL, so after the first visit a reload or a deep link sends no answers over
// the network at all.
"use strict";

const prefix = "symptom-guide-";
const cacheName = prefix + "{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};

self.addEventListener("install", (event) => {
  // waitUntil makes a failed precache fail the install, visibly, instead of
  // leaving a worker with an empty cache.
  event.waitUntil(
    caches.open(cacheName)
      .then((cache) => cache.addAll(resourcesToCache))
      .then(() => self.skipWaiting())
  );
});

// Activation deletes the caches of older versions. It does not claim pages
// that loaded without a worker: they have everything they need, the next
// page load is served from the cache, and go-app would take a first claim
// for an update and show the update notice on a first visit.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(
      keys.filter((key) => key.startsWith(prefix) && key !== cacheName).map((key) => caches.delete(key))
    ))
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(navigate(request, url));
    return;
  }
  event.respondWith(
    caches.match(request, { cacheName }).then((cached) => cached || fetch(request))
  );
});

// navigate answers a page load. A question form sent before the app started
// (it carries next=1) asks the server for the next page while online; any
// other page, with any query string, is the cached page for its path.
async function navigate(request, url) {
  const cache = await caches.open(cacheName);
  if (url.searchParams.has("next")) {
    try {
      return await fetch(request);
    } catch (err) {
      // Offline: the cached page below, where the app takes over.
    }
  }
  // A static export stores each page as path.html.
  const cached = (await cache.match(url.pathname)) || (await cache.match(url.pathname + ".html"));
  if (cached) {
    return cached;
  }
  try {
    return await fetch(request);
  } catch (err) {
    return (await cache.match("/")) || Response.error();
  }
}
