// The observer app's service worker (scope /observe/): keeps the app shell and its hashed assets
// so the app opens with no connection. The API (/api/observe/…) is never cached: reports go from
// the IndexedDB outbox to the server and are removed only on its acknowledgement.
export {};

declare const __VERSION__: string;
declare const __ASSETS__: string[];

type AnyEvent = {
  waitUntil(p: Promise<unknown>): void;
  request: Request;
  respondWith(r: Promise<Response> | Response): void;
};
declare const self: {
  addEventListener(type: 'install' | 'activate' | 'fetch', fn: (e: AnyEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
};

const CACHE = `wasl-observe-${__VERSION__}`;
const SHELL = '/observe/';

self.addEventListener('install', (e) => {
  e.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.addAll([SHELL, ...__ASSETS__]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('wasl-observe-') && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (req.mode === 'navigate' && url.pathname.startsWith('/observe')) {
    // The shell: from the network when it answers, else the copy kept at install.
    e.respondWith(
      caches.open(CACHE).then(async (cache) => {
        try {
          // On 2G a hanging request must not keep the observer waiting: the copy answers after 5 s.
          const ctrl = new AbortController();
          const timer = setTimeout(() => ctrl.abort(), 5000);
          const res = await fetch(req, { signal: ctrl.signal });
          clearTimeout(timer);
          if (res.ok) await cache.put(url.search ? req : SHELL, res.clone());
          return res;
        } catch {
          return (await cache.match(req)) ?? (await cache.match(SHELL)) ?? Response.error();
        }
      }),
    );
    return;
  }
  if (__ASSETS__.includes(url.pathname)) {
    e.respondWith(caches.match(req).then((hit) => hit ?? fetch(req)));
  }
});
