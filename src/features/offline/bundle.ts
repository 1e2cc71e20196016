// The worker and the page script of offline reading, bundled and minified. `npm run build` writes
// them next to the compiled module (client-built/); the server reads them from there and never
// runs esbuild. In development and tests (tsx, no build) they are built once per process.
// The page script carries the two languages' `offline.client.*` strings (a few hundred bytes), so
// it needs no request of its own; the worker carries a version, so a new build replaces it.
import fs from 'node:fs';
import path from 'node:path';
import { bundleClientScript, contentHash } from '../../core/http/client-bundle.js';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const PREBUILT = path.join(here, 'client-built');

export type OfflineAssets = { sw: Buffer; page: Buffer; version: string };

function clientStrings(dir: string) {
  const pick = (lang: string) => {
    const all = JSON.parse(fs.readFileSync(path.join(dir, '..', 'messages', `${lang}.json`), 'utf8')) as Record<
      string,
      string
    >;
    const prefix = 'offline.client.';
    return Object.fromEntries(
      Object.entries(all)
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, v]) => [k.slice(prefix.length), v]),
    );
  };
  return { ar: pick('ar'), en: pick('en') };
}

/** Bundles both from their sources (`src/features/offline/client`). */
export async function buildOfflineAssets(dir = path.join(here, 'client')): Promise<OfflineAssets> {
  const page = await bundleClientScript(dir, 'page.ts', { __STRINGS__: JSON.stringify(clientStrings(dir)) });
  const first = await bundleClientScript(dir, 'sw.ts', { __VERSION__: '""' });
  const version = contentHash(Buffer.concat([page, first]));
  const sw = await bundleClientScript(dir, 'sw.ts', { __VERSION__: JSON.stringify(version) });
  return { sw, page, version };
}

/** Writes the built files (the build step). */
export async function writeOfflineAssets(sourceDir: string, outDir = PREBUILT): Promise<void> {
  const a = await buildOfflineAssets(sourceDir);
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'sw.js'), a.sw);
  fs.writeFileSync(path.join(outDir, 'page.js'), a.page);
  fs.writeFileSync(path.join(outDir, 'version.txt'), a.version);
}

function readPrebuilt(): OfflineAssets | null {
  if (!fs.existsSync(path.join(PREBUILT, 'version.txt'))) return null;
  const read = (f: string) => fs.readFileSync(path.join(PREBUILT, f));
  return { sw: read('sw.js'), page: read('page.js'), version: read('version.txt').toString() };
}

let built: Promise<OfflineAssets> | null = null;
/** Read from the build, or built once per process. */
export function offlineAssets(): Promise<OfflineAssets> {
  built ??= Promise.resolve(readPrebuilt() ?? buildOfflineAssets()).catch((e) => {
    built = null;
    throw e;
  });
  return built;
}
