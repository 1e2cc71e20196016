// Text people send may hold any letter, but not control characters: NUL cannot be stored by
// PostgreSQL (it answered 500), and the others (C0 except tab, line feed and carriage return;
// DEL; C1; unpaired surrogates) have no place in names, posts or search words. One check on every
// request — query string, path parameters, form and JSON bodies — refuses them with a clear 400
// before any handler reads the input, so nothing is ever half-saved.
const CONTROL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when a string anywhere in `value` (objects and arrays walked; bytes of files skipped) holds one. */
export function hasControlCharacters(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return CONTROL.test(value);
  if (depth > 20 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  if (Array.isArray(value)) return value.some((v) => hasControlCharacters(v, depth + 1));
  for (const [k, v] of Object.entries(value)) {
    if (k === 'data' && Buffer.isBuffer(v)) continue; // an uploaded file's bytes
    if (CONTROL.test(k) || hasControlCharacters(v, depth + 1)) return true;
  }
  return false;
}
