// The page script of offline reading: registers the worker, says when a page came from the phone,
// puts "Save for offline" into the slot the layout leaves on public pages (#offline-slot, only for
// anonymous visitors), and fills the "saved on this phone" page. Without it the site is the same.
import { KIND, PAGES, QUOTA, SAVED, SIZE, TITLE } from './shared.js';

type Strings = Record<string, string>;
declare const __STRINGS__: { ar: Strings; en: Strings };

const lang = document.documentElement.lang.startsWith('en') ? 'en' : 'ar';
const S = __STRINGS__[lang];
const locale = lang === 'ar' ? 'ar-SY' : 'en-GB';
const tr = (k: string, v: Record<string, string> = {}) => S[k]!.replace(/\{(\w+)\}/g, (_, n: string) => v[n] ?? '');
const num = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 });
const size = (b: number) =>
  b < 1024 * 1024 ? tr('kb', { n: num(Math.max(1, Math.round(b / 1024))) }) : tr('mb', { n: num(b / 1048576) });
const day = (iso: string) =>
  new Date(iso).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' });
const SAVEABLE =
  /^\/(towns\/[^/]+\/services(\/leaflet)?|services\/[\w-]+\/[^/]+|(activities|news|opinion|local-issues|resources)\/\d+\/[^/]+|forum\/t\/\d+(\/[^/]+)?)$/;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', cls = ''): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

/** Asks the worker; resolves with its answer (false when there is no worker). */
async function ask(msg: object): Promise<unknown> {
  const reg = await navigator.serviceWorker.ready;
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = (e) => resolve(e.data);
    if (reg.active) reg.active.postMessage({ ...msg, lang }, [ch.port2]);
    else resolve(false);
  });
}

const kept = async () => {
  const pages = await caches.open(PAGES);
  const keys = await pages.keys();
  return { pages, all: await Promise.all(keys.map(async (k) => [k, (await pages.match(k))!] as const)) };
};

async function saveControl(slot: HTMLElement, key: string) {
  const box = el('p', '', 'offline-save');
  slot.append(box);
  const show = async () => {
    const hit = await (await caches.open(PAGES)).match(key);
    box.textContent = '';
    if (hit && hit.headers.get(KIND) !== 'visit') {
      const b = el('button', tr('remove'), 'link-button');
      b.type = 'button';
      b.onclick = async () => {
        await (await caches.open(PAGES)).delete(key);
        void show();
      };
      box.append(el('a', tr('saved')), ' ', b);
      (box.firstChild as HTMLAnchorElement).href = '/offline';
      return;
    }
    const b = el('button', tr('save'));
    b.type = 'button';
    b.onclick = async () => {
      b.disabled = true;
      b.textContent = tr('saving');
      const ok = await ask({ save: key });
      if (ok === true) void show();
      else box.textContent = tr(ok === 'full' ? 'full' : 'failed', { quota: size(QUOTA) });
    };
    box.append(b);
  };
  await show();
}

async function packControl(slot: HTMLElement, pcode: string) {
  const res = await fetch(`/offline/packs/${pcode}?lang=${lang}`).catch(() => null);
  if (!res?.ok) return;
  const info = (await res.json()) as { bytes: number };
  const box = el('p', '', 'offline-pack');
  const b = el('button', tr('pack', { size: size(info.bytes) }));
  b.type = 'button';
  b.onclick = async () => {
    b.disabled = true;
    b.textContent = tr('saving');
    const n = await ask({ pack: pcode });
    box.textContent =
      typeof n === 'number' ? tr('packSaved') : tr(n === 'full' ? 'full' : 'failed', { quota: size(QUOTA) });
  };
  box.append(b);
  slot.append(box);
}

/** The "saved on this phone" page: what is kept, its size and date, and a remove button each. */
async function list() {
  const { pages, all } = await kept();
  const used = all.reduce((n, [, r]) => n + Number(r.headers.get(SIZE)), 0);
  document.getElementById('offline-usage')!.textContent = tr('usage', { used: size(used), quota: size(QUOTA) });
  for (const id of ['offline-saved', 'offline-visited']) document.getElementById(id)!.textContent = '';
  const sorted = [...all].sort(([, a], [, b]) => b.headers.get(SAVED)!.localeCompare(a.headers.get(SAVED)!));
  for (const [req, r] of sorted) {
    const path = req.url.slice(location.origin.length);
    const li = el('li');
    const a = el('a', decodeURIComponent(r.headers.get(TITLE) ?? path));
    a.href = path;
    const b = el('button', tr('remove'), 'link-button');
    b.type = 'button';
    b.onclick = async () => {
      await pages.delete(req);
      void list();
    };
    li.append(a, el('span', ` · ${size(Number(r.headers.get(SIZE)))} · ${day(r.headers.get(SAVED)!)} `, 'small'), b);
    document.getElementById(r.headers.get(KIND) === 'visit' ? 'offline-visited' : 'offline-saved')!.append(li);
  }
  for (const id of ['offline-saved', 'offline-visited'])
    document.getElementById(`${id}-none`)!.hidden = !!document.getElementById(id)!.children.length;
}

async function refresh() {
  if (!navigator.onLine || !navigator.serviceWorker.controller) return;
  localStorage.setItem('wasl-offline-refreshed', String(Date.now()));
  await ask({ refresh: true });
}

async function start() {
  const slot = document.getElementById('offline-slot');
  if (!slot || !('serviceWorker' in navigator) || !window.caches) return;
  navigator.serviceWorker.register('/offline/sw.js', { scope: '/' }).catch(() => undefined);
  const saved = document.body.dataset.offlineSaved;
  if (saved) slot.append(el('p', tr('servedFrom', { date: day(saved) }), 'offline-note'));
  const path = location.pathname;
  if (SAVEABLE.test(path) && !location.search) await saveControl(slot, path);
  const town = /^\/towns\/([^/]+)\/services$/.exec(path);
  if (town && navigator.onLine) await packControl(slot, town[1]!);
  window.addEventListener('online', () => void refresh());
  if (document.getElementById('offline-usage')) {
    document.getElementById('offline-missed')!.hidden = !document.body.dataset.offlineMissed;
    await list();
    await refresh();
    await list();
  } else if (Date.now() - Number(localStorage.getItem('wasl-offline-refreshed')) > 6 * 3600e3) void refresh();
  document.body.dataset.offlineReady = '1';
}

void start();
