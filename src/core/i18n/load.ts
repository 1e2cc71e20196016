// Reads every message catalog once at start-up: the core ones and each feature's. Anything that
// would show a broken string to a reader later (bad syntax, a key defined twice, a file that is
// not flat key → message) stops start-up here, with every problem listed by file and key.
import fs from 'node:fs';
import path from 'node:path';
import { parseMessage } from './icu.js';

/** key → ICU message */
export type Catalog = Record<string, string>;
/** locale → catalog; Arabic first, then English, then any other locale. */
export type Catalogs = Record<string, Catalog>;

export const SOURCE_LOCALE = 'ar';

/** Where catalogs live, relative to the source root. */
export const CORE_CATALOG_DIR = 'core/i18n/catalogs';
const FEATURES_DIR = 'features';

/** group.name with at least one dot; later segments may hold hyphens (slugs such as legal-aid). */
const KEY_SHAPE = /^[a-z][A-Za-z0-9_]*(\.[A-Za-z0-9_-]+)+$/;

interface CatalogFile {
  file: string;
  locale: string;
  /** a feature's keys must start with its name, so two features cannot collide */
  prefix?: string;
}

/**
 * Loads and merges all catalogs under `srcDir` (the directory holding core/ and features/):
 * core/i18n/catalogs/<locale>.json and features/<name>/messages/<locale>.json.
 */
export function loadCatalogs(srcDir: string): Catalogs {
  const errors: string[] = [];
  const catalogs: Catalogs = {};
  const definedIn = new Map<string, string>();

  for (const { file, locale, prefix } of catalogFiles(srcDir)) {
    const shown = path.relative(srcDir, file);
    const entries = readFlatJson(file, shown, errors);
    if (!entries) continue;
    const catalog = (catalogs[locale] ??= {});
    for (const [key, message] of entries) {
      const where = `${shown}: "${key}"`;
      if (!KEY_SHAPE.test(key)) errors.push(`${where}: keys are dotted names such as "nav.home"`);
      if (prefix && !key.startsWith(`${prefix}.`))
        errors.push(`${where}: keys of this feature start with "${prefix}."`);
      const earlier = definedIn.get(`${locale}\0${key}`);
      if (earlier) errors.push(`${where} is already defined in ${earlier}`);
      definedIn.set(`${locale}\0${key}`, shown);
      try {
        parseMessage(message);
      } catch (e) {
        errors.push(`${where}: ${(e as Error).message}`);
      }
      catalog[key] = message;
    }
  }

  if (!catalogs[SOURCE_LOCALE]) errors.push(`${CORE_CATALOG_DIR}/${SOURCE_LOCALE}.json is missing`);
  if (errors.length > 0) throw new Error(`Message catalogs are invalid:\n  - ${errors.join('\n  - ')}`);
  return orderLocales(catalogs);
}

function catalogFiles(srcDir: string): CatalogFile[] {
  const files: CatalogFile[] = jsonFiles(path.join(srcDir, CORE_CATALOG_DIR)).map((file) => ({
    file,
    locale: localeOf(file),
  }));
  const featuresDir = path.join(srcDir, FEATURES_DIR);
  const features = fs.existsSync(featuresDir) ? fs.readdirSync(featuresDir, { withFileTypes: true }) : [];
  for (const feature of features.filter((d) => d.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    for (const file of jsonFiles(path.join(featuresDir, feature.name, 'messages'))) {
      files.push({ file, locale: localeOf(file), prefix: feature.name });
    }
  }
  return files;
}

function jsonFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(dir, name));
}

/** `ar.json`, or `<area>.ar.json` for an area's own messages (keys still start with the feature's name). */
function localeOf(file: string): string {
  const locale = path.basename(file, '.json').split('.').pop()!;
  try {
    Intl.getCanonicalLocales(locale);
  } catch {
    throw new Error(`${file}: "${locale}" is not a locale tag; name catalogs <locale>.json, e.g. ku.json`);
  }
  return locale;
}

/** The file's [key, message] pairs in order, or null after recording why it cannot be used. */
function readFlatJson(file: string, shown: string, errors: string[]): [string, string][] | null {
  const text = fs.readFileSync(file, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    errors.push(`${shown}: not valid JSON (${(e as Error).message})`);
    return null;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    errors.push(`${shown}: must be one flat object of "key": "message"`);
    return null;
  }
  const entries = Object.entries(data);
  const nonString = entries.filter(([, v]) => typeof v !== 'string').map(([k]) => k);
  if (nonString.length > 0) {
    errors.push(`${shown}: values must be message strings (not nested objects): ${nonString.join(', ')}`);
    return null;
  }
  // JSON.parse keeps the last of two equal keys silently; a merge gone wrong would lose a message.
  for (const key of repeatedKeys(text)) errors.push(`${shown}: "${key}" appears more than once in this file`);
  return entries as [string, string][];
}

/** In a flat object of strings, the string tokens alternate key, value, key, value… */
function repeatedKeys(text: string): string[] {
  const tokens = text.match(/"(?:[^"\\]|\\.)*"/g) ?? [];
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (let i = 0; i < tokens.length; i += 2) {
    const key = JSON.parse(tokens[i]) as string;
    if (seen.has(key)) repeated.add(key);
    seen.add(key);
  }
  return [...repeated];
}

function orderLocales(catalogs: Catalogs): Catalogs {
  const rank = (l: string) => (l === SOURCE_LOCALE ? 0 : l === 'en' ? 1 : 2);
  const locales = Object.keys(catalogs).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return Object.fromEntries(locales.map((l) => [l, catalogs[l]]));
}
