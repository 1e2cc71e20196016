// The observer app (bundled by esbuild at server start; no framework). Signs in with a code and
// secret, downloads the assigned forms, works with no connection: every report gets a UUID and
// waits in an IndexedDB outbox the observer can see, and is removed only when the server has
// acknowledged it. Sent reports are not kept on the device.
import { idb, type OutboxItem } from './idb.js';

type Question = {
  id: string;
  type: 'yesno' | 'number' | 'choice' | 'text' | 'time';
  label_ar: string;
  label_en: string;
  required: boolean;
  min?: number | null;
  max?: number | null;
  options?: { value: string; label_ar: string; label_en: string; critical: boolean }[];
  showIf?: { question: string; equals: string } | null;
};
type Term = [number, string | number];
type Rule = { label_ar: string; label_en: string; left: Term[]; op: string; right: Term[] };
type Form = {
  id: number;
  slug: string;
  kind: string;
  title_ar: string;
  title_en: string;
  version: number;
  questions: Question[];
  rules: Rule[];
};
type Station = { id: number; label: string; centre_ar: string; centre_en: string; women_only: boolean };
type Assignment = {
  observer: { code: string };
  election: {
    id: number;
    title_ar: string;
    title_en: string;
    poll_date: string;
    status: string;
    hotline: string | null;
  };
  stations: Station[];
  forms: Form[];
};
type Session = { code: string; token: string };

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const ar = document.documentElement.lang.startsWith('ar');
const msgs = $('msgs').dataset;
const msg = (k: string, n?: number | string) => (msgs[k] ?? k).replace('{n}', n === undefined ? '' : String(n));
// English falls back to Arabic, which every label has.
const label = (o: { label_ar: string; label_en: string }) => (ar ? o.label_ar : o.label_en || o.label_ar);
const title = (o: { title_ar: string; title_en: string }) => (ar ? o.title_ar : o.title_en || o.title_ar);

let session: Session | null = null;
let assignment: Assignment | null = null;
let sentThisSession = 0;
let syncing = false;
let retryTimer: number | undefined;
let accessEnded = false;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function show(view: 'login' | 'home' | 'form') {
  for (const v of ['login', 'home', 'form']) $(`v-${v}`).hidden = v !== view;
  window.scrollTo(0, 0);
}

function netStatus() {
  const n = $('net');
  n.textContent = navigator.onLine ? msg('online') : msg('offline');
  n.className = navigator.onLine ? 'net net--on' : 'net net--off';
}

// ——— API ———

async function api(path: string, init: RequestInit = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body) headers['content-type'] = 'application/json';
  if (session) headers.authorization = `Bearer ${session.token}`;
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), 20_000);
  try {
    return await fetch(path, { ...init, headers, signal: ctrl.signal, cache: 'no-store', credentials: 'omit' });
  } finally {
    clearTimeout(timer);
  }
}

async function refreshAssignment(): Promise<void> {
  if (!session) return;
  try {
    const res = await api('/api/observe/assignment');
    if (res.status === 401) return endAccess();
    if (!res.ok) return;
    assignment = (await res.json()) as Assignment;
    await idb.put('assignment', assignment, 'current');
    renderHome();
  } catch {
    /* offline: keep the copy on the device */
  }
}

async function endAccess() {
  // The token no longer works (revoked or expired). Unsent reports stay on the device.
  accessEnded = true;
  session = null;
  await idb.del('session', 'current');
  await idb.del('assignment', 'current');
  assignment = null;
  $('login-error').textContent = msg('accessEnded');
  await renderOutbox();
  show('login');
}

// ——— sign in / out ———

$('login-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const f = ev.target as HTMLFormElement;
  const code = (f.elements.namedItem('code') as HTMLInputElement).value.trim().toUpperCase();
  const secret = (f.elements.namedItem('secret') as HTMLInputElement).value.trim();
  const err = $('login-error');
  err.textContent = '';
  if (!navigator.onLine) {
    err.textContent = msg('loginOffline');
    return;
  }
  try {
    const res = await fetch('/api/observe/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ code, secret }),
      credentials: 'omit',
    });
    if (res.status === 429) {
      err.textContent = msg('tooMany', res.headers.get('retry-after') ?? '');
      return;
    }
    if (!res.ok) {
      err.textContent = msg('badLogin');
      return;
    }
    const body = (await res.json()) as { token: string };
    session = { code, token: body.token };
    accessEnded = false;
    await idb.put('session', session, 'current');
    (f.elements.namedItem('secret') as HTMLInputElement).value = '';
    await refreshAssignment();
    if (!assignment) {
      err.textContent = msg('serverError');
      return;
    }
    renderHome();
    show('home');
    void sync();
  } catch {
    err.textContent = msg('loginOffline');
  }
});

$('logout').addEventListener('click', async () => {
  const waiting = (await idb.all<OutboxItem>('outbox')).filter((i) => session && i.code === session.code).length;
  if (waiting > 0 && !confirm(msg('logoutWaiting', waiting))) return;
  if (session && navigator.onLine) {
    try {
      await api('/api/observe/session', { method: 'DELETE' });
    } catch {
      /* the token expires by itself */
    }
  }
  session = null;
  assignment = null;
  await idb.del('session', 'current');
  await idb.del('assignment', 'current');
  show('login');
});

// ——— home ———

function renderHome() {
  if (!assignment) return;
  $('who').textContent = `${assignment.observer.code} · ${title(assignment.election)}`;
  const line = assignment.election.hotline;
  const call = $('hotline');
  call.hidden = !line;
  if (line)
    call.replaceChildren(
      `${msg('hotline')} `,
      el('a', { href: `tel:${line.replace(/[^\d+]/g, '')}`, dir: 'ltr' }, line),
    );
  const st = $('stations');
  st.replaceChildren(
    ...assignment.stations.map((s) =>
      el('li', {}, `${s.label} — ${ar ? s.centre_ar : s.centre_en}${s.women_only ? ` (${msg('womenOnly')})` : ''}`),
    ),
  );
  const forms = $('forms');
  forms.replaceChildren(
    ...assignment.forms.map((f) => {
      const li = el('li');
      const b = el('button', { type: 'button', class: 'form-button' }, title(f));
      b.addEventListener('click', () => openForm(f));
      li.append(b);
      return li;
    }),
  );
  void renderOutbox();
}

async function renderOutbox() {
  const items = (await idb.all<OutboxItem>('outbox')).sort((a, b) => a.created_at - b.created_at);
  const mine = items.filter((i) => !session || i.code === session.code);
  const list = $('outbox');
  list.replaceChildren(
    ...mine.map((i) => {
      const li = el('li', { class: `outbox-item outbox-item--${i.state}`, 'data-key': i.key });
      li.append(el('strong', {}, i.title), document.createTextNode(` · ${i.station} · `));
      li.append(
        el('span', { class: 'state' }, i.state === 'waiting' ? msg('waiting') : `${msg('refused')}: ${i.reason ?? ''}`),
      );
      if (i.state === 'refused') {
        const d = el('button', { type: 'button', class: 'secondary' }, msg('discard'));
        d.addEventListener('click', async () => {
          if (!confirm(msg('discardConfirm'))) return;
          await idb.del('outbox', i.key);
          await renderOutbox();
        });
        li.append(document.createTextNode(' '), d);
      }
      return li;
    }),
  );
  const waiting = mine.filter((i) => i.state === 'waiting').length;
  $('outbox-summary').textContent = `${msg('waitingCount', waiting)} · ${msg('sentCount', sentThisSession)}`;
  $('outbox-summary').dataset.waiting = String(waiting);
  $('outbox-summary').dataset.sent = String(sentThisSession);
  $('outbox-empty').hidden = mine.length > 0;
}

$('sync').addEventListener('click', () => void sync());

// ——— filling in a form ———

let current: Form | null = null;

function shown(q: Question, values: Record<string, string>) {
  return !q.showIf || values[q.showIf.question] === q.showIf.equals;
}

function readValues(form: HTMLFormElement, f: Form): Record<string, string> {
  const values: Record<string, string> = {};
  const data = new FormData(form);
  for (const q of f.questions) {
    const v = data.get(`a_${q.id}`);
    if (typeof v === 'string' && v.trim() !== '' && shown(q, values)) values[q.id] = v.trim();
  }
  return values;
}

function applyConditions() {
  if (!current) return;
  const form = $<HTMLFormElement>('report');
  const values = readValues(form, current);
  for (const q of current.questions) {
    const box = document.getElementById(`q-${q.id}`);
    if (box) box.hidden = !shown(q, values);
  }
}

function questionField(q: Question): HTMLElement {
  const box = el('div', { class: 'field', id: `q-${q.id}` });
  const name = `a_${q.id}`;
  const text = `${label(q)}${q.required ? ' *' : ''}`;
  if (q.type === 'yesno' || q.type === 'choice') {
    const fs = el('fieldset');
    fs.append(el('legend', {}, text));
    const opts =
      q.type === 'yesno'
        ? [
            { value: 'yes', text: msg('yes') },
            { value: 'no', text: msg('no') },
          ]
        : (q.options ?? []).map((o) => ({ value: o.value, text: label(o) }));
    for (const o of opts) {
      const l = el('label', { class: 'choice' });
      const input = el('input', { type: 'radio', name, value: o.value });
      l.append(input, document.createTextNode(` ${o.text}`));
      fs.append(l);
    }
    box.append(fs);
  } else {
    const id = `i-${q.id}`;
    box.append(el('label', { for: id }, text));
    const attrs: Record<string, string> = { id, name, dir: 'auto' };
    if (q.type === 'number')
      Object.assign(attrs, { type: 'text', inputmode: 'numeric', autocomplete: 'off', dir: 'ltr' });
    else if (q.type === 'time') Object.assign(attrs, { type: 'time', dir: 'ltr' });
    const input = q.type === 'text' ? el('textarea', { ...attrs, rows: '3' }) : el('input', attrs);
    box.append(input);
    if (q.type === 'number' && (q.min != null || q.max != null))
      box.append(
        el(
          'p',
          { class: 'hint' },
          msg('range')
            .replace('{min}', String(q.min ?? ''))
            .replace('{max}', String(q.max ?? '')),
        ),
      );
  }
  box.append(el('p', { class: 'error', id: `e-${q.id}` }));
  return box;
}

/** The rules the typed figures break, in words (skipped when a figure is missing, as on the server). */
function brokenRules(f: Form, answers: Record<string, string | number>): string[] {
  const sum = (terms: Term[]) => {
    let total = 0;
    for (const [sign, x] of terms) {
      const v = typeof x === 'number' ? x : answers[x];
      if (typeof v !== 'number') return null;
      total += sign * v;
    }
    return total;
  };
  return (f.rules ?? []).flatMap((r) => {
    const [a, b] = [sum(r.left), sum(r.right)];
    if (a === null || b === null) return [];
    const ok = { '=': a === b, '<=': a <= b, '>=': a >= b, '<': a < b, '>': a > b }[r.op];
    return ok === false ? [`${label(r)} (${a} / ${b})`] : [];
  });
}

let warned = '';
function warn(lines: string[]) {
  const box = $('form-warn');
  box.hidden = !lines.length;
  box.replaceChildren(
    ...(lines.length ? [el('p', {}, msg('rulesWarn')), ...lines.map((l) => el('p', {}, `• ${l}`))] : []),
  );
  $('save').textContent = lines.length ? msg('saveAnyway') : msg('save');
}

function openForm(f: Form) {
  if (!assignment) return;
  current = f;
  warned = '';
  warn([]);
  $('form-title').textContent = title(f);
  const sel = $<HTMLSelectElement>('station');
  sel.replaceChildren(...assignment.stations.map((s) => el('option', { value: String(s.id) }, s.label)));
  $('questions').replaceChildren(...f.questions.map(questionField));
  $('form-error').textContent = '';
  applyConditions();
  show('form');
}

$('report').addEventListener('input', applyConditions);
$('report').addEventListener('change', applyConditions);
$('cancel').addEventListener('click', () => show('home'));

const toWestern = (s: string) =>
  s
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));

$('report').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  if (!current || !session || !assignment) return;
  const form = ev.target as HTMLFormElement;
  const values = readValues(form, current);
  const answers: Record<string, string | number> = {};
  let bad = false;
  for (const q of current.questions) {
    const e = $(`e-${q.id}`);
    e.textContent = '';
    if (!shown(q, values)) continue;
    const v = values[q.id];
    if (v === undefined) {
      if (q.required) {
        e.textContent = msg('required');
        bad = true;
      }
      continue;
    }
    if (q.type === 'number') {
      const s = toWestern(v).replace(/[,٬\s]/g, '');
      const n = /^-?\d{1,9}$/.test(s) ? Number(s) : NaN;
      if (Number.isNaN(n) || (q.min != null && n < q.min) || (q.max != null && n > q.max)) {
        e.textContent = msg('badNumber');
        bad = true;
        continue;
      }
      answers[q.id] = n;
    } else answers[q.id] = v;
  }
  if (bad) {
    $('form-error').textContent = msg('fixErrors');
    return;
  }
  // Figures that do not add up: said once before saving; saving again keeps them as typed.
  const broken = brokenRules(current, answers);
  const typed = JSON.stringify(answers);
  if (broken.length && warned !== typed) {
    warned = typed;
    warn(broken);
    $('form-warn').scrollIntoView();
    return;
  }
  const stationId = Number($<HTMLSelectElement>('station').value);
  const station = assignment.stations.find((s) => s.id === stationId);
  const item: OutboxItem = {
    key: crypto.randomUUID(),
    code: session.code,
    form_id: current.id,
    station_id: stationId,
    answers,
    title: title(current),
    station: station?.label ?? '',
    created_at: Date.now(),
    state: 'waiting',
  };
  // Stored (transaction committed) before anything is sent.
  await idb.put('outbox', item);
  form.reset();
  current = null;
  $('notice').textContent = msg('queued');
  show('home');
  await renderOutbox();
  void sync();
});

// ——— sending the outbox ———

function scheduleRetry(ms: number) {
  window.clearTimeout(retryTimer);
  retryTimer = window.setTimeout(() => void sync(), ms);
}

async function sync(): Promise<void> {
  if (syncing || !session || accessEnded) return;
  syncing = true;
  let again = false;
  try {
    const items = (await idb.all<OutboxItem>('outbox'))
      .filter((i) => i.state === 'waiting' && i.code === session!.code)
      .sort((a, b) => a.created_at - b.created_at);
    for (const item of items) {
      let res: Response;
      try {
        res = await api('/api/observe/submissions', {
          method: 'POST',
          body: JSON.stringify({
            key: item.key,
            form_id: item.form_id,
            station_id: item.station_id,
            answers: item.answers,
          }),
        });
      } catch {
        again = true; // no connection (or the answer was lost): the same key is sent again later
        break;
      }
      if (res.status === 200 || res.status === 201) {
        await idb.del('outbox', item.key); // acknowledged: durable on the server
        sentThisSession++;
      } else if (res.status === 401) {
        await endAccess();
        return;
      } else if (res.status >= 500 || res.status === 429 || res.status === 408) {
        again = true;
        break;
      } else {
        let reason = msg('refusedGeneric');
        try {
          const body = (await res.json()) as { message?: { ar?: string; en?: string } };
          reason = (ar ? body.message?.ar : body.message?.en) ?? reason;
        } catch {
          /* keep the generic reason */
        }
        await idb.put('outbox', { ...item, state: 'refused', reason });
      }
    }
  } finally {
    syncing = false;
    await renderOutbox();
  }
  if (again) scheduleRetry(navigator.onLine ? 5000 : 15_000);
}

window.addEventListener('online', () => {
  netStatus();
  void sync();
  void refreshAssignment();
});
window.addEventListener('offline', netStatus);

// ——— start ———

async function start() {
  netStatus();
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/observe/sw.js', { scope: '/observe/' }).catch(() => undefined);
  }
  const given = new URLSearchParams(location.search).get('code');
  if (given) ($('code') as HTMLInputElement).value = given.slice(0, 40);
  session = (await idb.get<Session>('session', 'current')) ?? null;
  assignment = (await idb.get<Assignment>('assignment', 'current')) ?? null;
  if (session && assignment) {
    renderHome();
    show('home');
    void refreshAssignment();
    void sync();
  } else {
    await renderOutbox();
    show('login');
  }
  // A steady, gentle retry while anything waits (the 'online' event is not reliable everywhere).
  window.setInterval(async () => {
    const waiting = (await idb.all<OutboxItem>('outbox')).some((i) => i.state === 'waiting');
    if (waiting) void sync();
  }, 20_000);
  document.body.dataset.ready = '1';
}

void start();
