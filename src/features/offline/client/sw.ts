// The public site's service worker (scope /): keeps public pages a person visits or saves, so they
// open with no connection. It only adds: the site works the same without it.
//
// - Never personal: a response marked no-store or private (every page for a signed-in person) is
//   never kept, and refreshes fetch without cookies. The worker cannot see the session cookie, so
//   it learns from answers: after any form is sent (a sign-in, say) it asks the network first;
//   an answer marked no-store means a signed-in person, and pages then come from the network only.
// - Visited public pages: stale-while-revalidate for VISIT_DAYS; saved pages and town packs stay
//   until removed. A page served from the phone carries data-offline-saved (the page script says so).
// - Offline and not kept: the /offline page in the person's language, listing what is kept.
// - Refresh (asked by the page script when online): every kept page is fetched again; a 404 or
//   410 removes it (nothing stays that the network withdrew).
import { KIND, LANG, PAGES, QUOTA, SAVED, SIZE, TITLE, VISIT_DAYS } from './shared.js';

declare const __VERSION__: string;

type Ev = {
  request: Request;
  data: { save?: string; pack?: string; refresh?: boolean; lang?: string };
  ports: MessagePort[];
  waitUntil(p: Promise<unknown>): void;
  respondWith(r: Promise<Response>): void;
};
declare const self: {
  addEventListener(type: string, fn: (e: Ev) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
};

const SHELL = `wasl-offline-shell-${__VERSION__}`;
const home = (l: string) => `/offline?lang=${l}`;
const KEEPABLE = /^\/($|towns|services|activities|news|opinion|local-issues|resources|pages|topics|forum\/t\/)/;
const gone = (s: number) => s === 404 || s === 410;
/** A saved resource keeps its file when it is at most this big. */
const FILE_MAX = 2 * 1024 * 1024;
const FILE = /^\/resources\/download\/\d+$/;

/** 0: not known (network first), 1: anonymous (stale-while-revalidate), 2: signed in (network only). */
let mode = 0;
let lang = '';

const personal = (r: Response) => /no-store|private/.test(r.headers.get('cache-control') ?? '');
const keep = (r: Response) =>
  r.ok && r.type === 'basic' && /^text\/html/.test(r.headers.get('content-type') ?? '') && !personal(r);
const langOf = (h: string) => /<html lang="(\w+)/.exec(h)?.[1] ?? 'ar';
const fallbackLang = () => lang || (navigator.language.startsWith('en') ? 'en' : 'ar');

async function usage(pages: Cache) {
  const all = await Promise.all((await pages.keys()).map((k) => pages.match(k).then((r) => [k, r!] as const)));
  return all.filter(([, r]) => r);
}

/** Makes room for `need` bytes by letting the oldest visited pages go; false if saved pages fill it. */
async function room(pages: Cache, need: number) {
  const all = await usage(pages);
  let used = all.reduce((n, [, r]) => n + Number(r.headers.get(SIZE)), 0) + need;
  const visits = all
    .filter(([, r]) => r.headers.get(KIND) === 'visit')
    .sort(([, a], [, b]) => a.headers.get(SAVED)!.localeCompare(b.headers.get(SAVED)!));
  for (const [k, r] of visits) {
    if (used <= QUOTA) break;
    await pages.delete(k);
    used -= Number(r.headers.get(SIZE));
  }
  return used <= QUOTA;
}

async function store(pages: Cache, key: string, res: Response, kind: string, body?: string) {
  const html = body ?? (await res.text());
  const size = new TextEncoder().encode(html).length;
  // a pack's room is made once for all its pages
  if (!body && !(await room(pages, size))) return 'full';
  const l = langOf(html);
  if (kind === 'visit') lang = l;
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? key;
  // A visit never demotes a page saved meanwhile (the save button may win the race).
  const now = kind === 'visit' && (await pages.match(key));
  if (now && now.headers.get(KIND) !== 'visit') return true;
  await pages.put(
    key,
    new Response(html, {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        [KIND]: kind,
        [SAVED]: new Date().toISOString(),
        [SIZE]: String(size),
        [TITLE]: encodeURIComponent(title),
        [LANG]: l,
      },
    }),
  );
  return true;
}

/** Fetches a kept page again, as an anonymous visitor in the language it was kept in. */
async function refetch(pages: Cache, key: string, kind: string, l: string) {
  const u = new URL(key, self.location.origin);
  u.searchParams.set('lang', l);
  // A kept file is only asked whether it is still there.
  const res = await fetch(u, { credentials: 'omit', cache: 'no-cache', method: FILE.test(key) ? 'HEAD' : 'GET' });
  if (gone(res.status) || (res.redirected && !KEEPABLE.test(new URL(res.url).pathname)) || personal(res)) {
    await pages.delete(key);
    return false;
  }
  return keep(res) ? store(pages, key, res, kind) : false;
}

async function served(hit: Response, attr = `data-offline-saved="${hit.headers.get(SAVED)}"`) {
  if (!hit.headers.get('content-type')?.startsWith('text/html')) return hit;
  const html = (await hit.text()).replace('<body', `<body ${attr}`);
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
}

async function fallback(attr = 'data-offline-missed="1"') {
  const hit = await caches.match(home(fallbackLang()));
  return hit ? served(hit, attr) : Response.error();
}

async function navigate(e: Ev, key: string, keepable: boolean): Promise<Response> {
  const pages = await caches.open(PAGES);
  const hit = await pages.match(key);
  const kind = hit?.headers.get(KIND) ?? 'visit';
  const fresh =
    hit &&
    (!lang || hit.headers.get(LANG) === lang) &&
    (kind !== 'visit' || Date.now() - Date.parse(hit.headers.get(SAVED)!) < VISIT_DAYS * 864e5);
  if (hit && fresh && mode === 1) {
    e.waitUntil(refetch(pages, key, kind, hit.headers.get(LANG)!).catch(() => undefined));
    return served(hit);
  }
  try {
    // On 2G a hanging answer must not keep the reader waiting when the phone has a copy.
    const ctrl = new AbortController();
    const timer = hit ? setTimeout(() => ctrl.abort(), 6000) : 0;
    const res = await fetch(e.request, { signal: ctrl.signal });
    clearTimeout(timer);
    mode = personal(res) ? 2 : 1;
    if (keepable && keep(res)) e.waitUntil(store(pages, key, res.clone(), kind));
    else if (hit && gone(res.status)) e.waitUntil(pages.delete(key));
    return res;
  } catch {
    return hit ? served(hit) : fallback(key.startsWith('/offline') ? '' : undefined);
  }
}

async function install() {
  const shell = await caches.open(SHELL);
  for (const l of ['ar', 'en']) {
    const res = await fetch(home(l), { credentials: 'omit', cache: 'reload' });
    const html = await res.clone().text();
    await shell.put(home(l), res);
    const css = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
    if (css) await shell.add(css);
  }
  await shell.add(new Request('/offline/page.js', { cache: 'reload' }));
}

async function save(key: string, l: string) {
  const pages = await caches.open(PAGES);
  const done = await refetch(pages, key, 'saved', l);
  const page = done === true && (await pages.match(key));
  const file = page && /href="(\/resources\/download\/\d+)"/.exec(await page.text())?.[1];
  if (file) {
    // The resource's file too, when small enough (a failure leaves the page saved).
    const res = await fetch(file, { credentials: 'omit' }).catch(() => null);
    const body =
      res?.ok && !personal(res) && Number(res.headers.get('content-length')) <= FILE_MAX && (await res.blob());
    if (body && body.size <= FILE_MAX && (await room(pages, body.size)) === true)
      await pages.put(
        file,
        new Response(body, {
          headers: {
            'content-type': res.headers.get('content-type')!,
            'content-disposition': res.headers.get('content-disposition') ?? '',
            [KIND]: 'saved',
            [SAVED]: new Date().toISOString(),
            [SIZE]: String(body.size),
            [TITLE]: encodeURIComponent(`⤓ ${decodeURIComponent(page.headers.get(TITLE)!)}`),
            [LANG]: l,
          },
        }),
      );
  }
  return done;
}

type Pack = { items: { url: string; body: string }[]; assets: { url: string; type: string; body: string }[] };

async function pack(pcode: string, l: string) {
  const res = await fetch(`/offline/packs/${encodeURIComponent(pcode)}/pack?lang=${l}`, { credentials: 'omit' });
  if (!res.ok) return false;
  const p = (await res.json()) as Pack;
  const pages = await caches.open(PAGES);
  const need = p.items.reduce((n, i) => n + new TextEncoder().encode(i.body).length, 0);
  if (!(await room(pages, need))) return 'full';
  for (const i of p.items) await store(pages, i.url, new Response(), `pack:${pcode}`, i.body);
  const shell = await caches.open(SHELL);
  for (const a of p.assets) await shell.put(a.url, new Response(a.body, { headers: { 'content-type': a.type } }));
  return p.items.length;
}

async function refreshAll() {
  const pages = await caches.open(PAGES);
  for (const [key, r] of await usage(pages)) {
    const kind = r.headers.get(KIND)!;
    if (kind === 'visit' && Date.now() - Date.parse(r.headers.get(SAVED)!) > VISIT_DAYS * 864e5) {
      await pages.delete(key);
      continue;
    }
    await refetch(pages, key.url.slice(self.location.origin.length), kind, r.headers.get(LANG)!);
  }
  return true;
}

self.addEventListener('install', (e) => e.waitUntil(install().then(() => self.skipWaiting())));

self.addEventListener('activate', (e) =>
  e.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('wasl-offline-shell-') && k !== SHELL).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  ),
);

self.addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.method !== 'GET') {
    mode = 0; // a form was sent: perhaps a sign-in or a sign-out
    return;
  }
  if (url.pathname.startsWith('/assets/') || url.pathname === '/offline/page.js') {
    e.respondWith(
      caches.match(req).then(
        (hit) =>
          hit ??
          fetch(req).then((res) => {
            const copy = res.clone();
            if (res.ok && !personal(res)) void caches.open(SHELL).then((s) => s.put(req, copy));
            return res;
          }),
      ),
    );
    return;
  }
  if (FILE.test(url.pathname)) {
    // A saved resource's file: from the network, else the phone's copy.
    e.respondWith(fetch(req).catch(async () => (await caches.match(url.pathname)) ?? Response.error()));
    return;
  }
  if (req.mode !== 'navigate' || /^\/(api|observe)\//.test(url.pathname)) return;
  const asked = url.searchParams.get('lang');
  if (asked) lang = asked;
  e.respondWith(navigate(e, url.pathname + url.search, KEEPABLE.test(url.pathname) && !asked));
});

self.addEventListener('message', (e) => {
  const d = e.data;
  const l = d.lang ?? fallbackLang();
  const work = d.save ? save(d.save, l) : d.pack ? pack(d.pack, l) : d.refresh ? refreshAll() : null;
  if (work) e.waitUntil(work.catch(() => false).then((answer) => e.ports[0]?.postMessage(answer)));
});
