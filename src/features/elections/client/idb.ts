// A tiny promise wrapper over IndexedDB: one database, three stores. The device keeps only the
// observer's code and token (session), the assigned forms (assignment, to work offline) and the
// reports not yet acknowledged by the server (outbox).

export type OutboxItem = {
  key: string;
  code: string;
  form_id: number;
  station_id: number;
  answers: Record<string, string | number>;
  /** for the observer's own list only; never sent */
  title: string;
  station: string;
  created_at: number;
  state: 'waiting' | 'refused';
  reason?: string;
};

const DB_NAME = 'wasl-observe';
type Store = 'session' | 'assignment' | 'outbox';

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('session');
      db.createObjectStore('assignment');
      db.createObjectStore('outbox', { keyPath: 'key' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  return opening;
}

/** Resolves when the transaction has committed (durably stored), not merely when the request succeeded. */
async function tx<T>(
  store: Store,
  mode: IDBTransactionMode,
  fn: (s: IDBObjectStore) => IDBRequest<T> | void,
): Promise<T | undefined> {
  const db = await open();
  return new Promise((resolve, reject) => {
    const t = db.transaction(store, mode, { durability: 'strict' } as IDBTransactionOptions);
    const req = fn(t.objectStore(store));
    t.oncomplete = () => resolve(req ? req.result : undefined);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error);
  });
}

export const idb = {
  get: <T>(store: Store, key: string) => tx<T>(store, 'readonly', (s) => s.get(key) as IDBRequest<T>),
  put: (store: Store, value: unknown, key?: string) =>
    tx(store, 'readwrite', (s) => (key === undefined ? s.put(value) : s.put(value, key))),
  del: (store: Store, key: string) => tx(store, 'readwrite', (s) => s.delete(key)),
  all: <T>(store: Store) => tx<T[]>(store, 'readonly', (s) => s.getAll() as IDBRequest<T[]>).then((v) => v ?? []),
};
