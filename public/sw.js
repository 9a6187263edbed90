// The viewer's service worker: after one visit the viewer opens and searches with no
// network. It lives next to index.html, so its scope is the viewer's folder.
//
// - The shell (index.html and Trunk's hashed JS, wasm and CSS) is cached at install,
//   then the on-demand parts (PARTS: the importer module), so they work offline too;
//   a part that fails to download does not stop the install (it loads when used).
//   Hashed files never change, so they are served from the cache first; the page itself
//   is asked from the network first (a new release shows at once) and falls back to the
//   cached copy when there is no network or it is too slow.
// - Results files are fetched from the network first, so live results stay fresh, and
//   the last few are kept for when the network is gone. The parts of results published
//   in parts (docs/parts.md: n-HEX.json, n-HEX-x.json, b-HEX.json) are kept apart, many
//   more of them, so searching a few names never pushes a whole file out.
//
// scripts/offline_build.mjs writes BUILD and SHELL below at build time; a new build
// therefore changes this file, which is how the browser learns there is a new release.
const BUILD = 'dev';
const SHELL = [];
const PARTS = [];

// Cache names carry the scope: two viewers in two folders of one host keep apart.
const SCOPE = self.registration.scope;
const SHELL_CACHE = `race-results shell ${BUILD} ${SCOPE}`;
const RESULTS_CACHE = `race-results results ${SCOPE}`;
const KEEP_RESULTS = 3;
const PARTS_CACHE = `race-results parts ${SCOPE}`;
const KEEP_PARTS = 200;
const PART_NAME = /\/[nb]-[0-9a-f]+(-x)?\.json$/;
// A network this slow is treated as no network for the page itself.
const PAGE_TIMEOUT_MS = 5000;

const shellUrls = new Set([...SHELL, ...PARTS].map((path) => new URL(path, SCOPE).href));
const indexUrl = new URL('./', SCOPE).href;
const scopePath = new URL(SCOPE).pathname;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      // 'no-cache': revalidate with the server, never a stale copy from the HTTP cache.
      const request = (path) => new Request(new URL(path, SCOPE), { cache: 'no-cache' });
      await cache.addAll(SHELL.map(request));
      try {
        await cache.addAll(PARTS.map(request));
      } catch (e) {
        // Not fatal: the page loads a missing part from the network when it is used.
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      const old = names.filter((n) => n.startsWith('race-results shell ') && n.endsWith(` ${SCOPE}`) && n !== SHELL_CACHE);
      await Promise.all(old.map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (request.mode === 'navigate') {
    // Only the viewer's own page falls back to the cached copy (not, say, results.json).
    const path = url.pathname;
    if (url.origin === location.origin && (path === scopePath || path === `${scopePath}index.html`)) {
      event.respondWith(page(request));
    }
    return;
  }
  url.search = '';
  url.hash = '';
  if (shellUrls.has(url.href)) {
    event.respondWith(shell(request));
    return;
  }
  // fetch() calls of the page are results files (the viewer fetches nothing else). Only
  // this site's own are kept: another origin's file goes to the network as the page asked
  // (the page's CSP and checks decide whether it may be read at all).
  if (request.destination === '' && url.origin === location.origin) {
    event.respondWith(results(event));
  }
});

// The page opens the first time without a service worker, so its results files were not
// seen here: it hands over its copy of each (body), or asks for one to be fetched.
self.addEventListener('message', (event) => {
  const url = typeof event.data?.keepResults === 'string' ? event.data.keepResults : null;
  if (!url || !/^https?:/.test(url) || new URL(url).origin !== location.origin) return;
  const body = event.data.body;
  if (body instanceof Blob) {
    const headers = { 'Content-Type': 'application/json', 'Content-Length': String(body.size) };
    event.waitUntil(keep(new Request(url), new Response(body, { headers }), true).catch(() => {}));
    return;
  }
  event.waitUntil(
    fetch(url)
      .then((response) => keep(new Request(url), response))
      .catch(() => {}),
  );
});

async function page(request) {
  const cached = () => caches.open(SHELL_CACHE).then((c) => c.match(indexUrl));
  let timer;
  const slow = new Promise((resolve) => {
    timer = setTimeout(resolve, PAGE_TIMEOUT_MS);
  });
  const network = fetch(request);
  network.catch(() => {}); // when the cached page was served first
  try {
    const first = await Promise.race([network, slow]);
    if (first) return first;
    return (await cached()) ?? (await network);
  } catch {
    return (await cached()) ?? Response.error();
  } finally {
    clearTimeout(timer);
  }
}

async function shell(request) {
  const cache = await caches.open(SHELL_CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function results(event) {
  const request = event.request;
  try {
    const response = await fetch(request);
    // Kept while the page reads its own copy, so its download progress is not held up.
    if (response.ok) event.waitUntil(keep(request, response.clone()));
    return response;
  } catch (err) {
    // A request that insists on the server's answer (live mode's refetch asks with
    // cache 'no-cache') gets the failure, so the page can say it is not up to date.
    if (['no-cache', 'reload', 'no-store'].includes(request.cache)) throw err;
    const cache = await caches.open(cacheFor(request));
    const hit = await cache.match(request);
    if (hit) return hit;
    throw err;
  }
}

function cacheFor(request) {
  return PART_NAME.test(new URL(request.url).pathname) ? PARTS_CACHE : RESULTS_CACHE;
}

// Keeps a results file (or a part), the newest last; only the last few stay. `own`: a
// response made here from the page's copy of the file.
async function keep(request, response, own = false) {
  if (!own) {
    if (!response.ok || (response.type !== 'basic' && response.type !== 'cors')) return;
    // A same-origin address that redirected elsewhere is that other origin's file.
    if (response.url && new URL(response.url).origin !== location.origin) return;
  }
  const name = cacheFor(request);
  const cache = await caches.open(name);
  await cache.delete(request);
  await cache.put(request, response);
  const keys = await cache.keys();
  const most = name === PARTS_CACHE ? KEEP_PARTS : KEEP_RESULTS;
  await Promise.all(keys.slice(0, Math.max(0, keys.length - most)).map((k) => cache.delete(k)));
}
