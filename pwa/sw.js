// The News Annotator's service worker: once the app has loaded, it keeps working without a network.
//
// scripts/post-build.mjs writes this file to dist/sw.js with BUILD filled in: the build's version (a
// hash of every file it wrote), the page and every file of the build. So each build installs under a
// cache of its own name and deletes the caches of older builds once it takes over.
//
// - The page (a navigation): network first, so a new version arrives whenever the server answers; the
//   cached page of this build when the network fails or takes longer than NETWORK_WAIT_MS.
// - The build's files (hashed names: wasm, JS, CSS, snippets, icon, manifest): cache first.
// - Anything else (another origin, a fixture the benchmark build fetches): left to the network.
'use strict';

const BUILD = { version: 'unbuilt', index: '/index.html', files: [] }; // BUILD: written by scripts/post-build.mjs

const PREFIX = 'news-annotator-';
const CACHE = PREFIX + BUILD.version;
const NETWORK_WAIT_MS = 4000;
const FILES = new Set(BUILD.files);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Fresh copies: the browser's HTTP cache may hold an older index.html.
      await cache.addAll([BUILD.index, ...BUILD.files].map((url) => new Request(url, { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
  } else if (FILES.has(url.pathname)) {
    event.respondWith(file(request, url.pathname));
  }
});

/** The page from the network, or this build's cached copy when the network fails or is too slow. */
async function page(request) {
  const network = fetch(request);
  network.catch(() => {}); // a failure is handled below; this only keeps it from being reported twice
  let timer;
  const slow = new Promise((resolve) => {
    timer = setTimeout(resolve, NETWORK_WAIT_MS, null);
  });
  try {
    const answer = await Promise.race([network, slow]);
    if (answer) return answer;
  } catch {
    // No network (or no server): this build's page below.
  } finally {
    clearTimeout(timer);
  }
  const cached = await (await caches.open(CACHE)).match(BUILD.index);
  return cached ?? network;
}

/** A file of the build: from the cache, else from the network (and kept for next time). */
async function file(request, path) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(path);
  if (cached) return cached;
  const answer = await fetch(request);
  if (answer.ok) await cache.put(path, answer.clone());
  return answer;
}
