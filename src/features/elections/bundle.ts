// The observer app's files, served with content-hashed URLs (cached for a year). The service
// worker keeps a fixed URL (/observe/sw.js, scope /observe/) and carries the hashed URLs, so a
// new build updates it. `npm run build` writes them next to the compiled module (observer-app/);
// the server reads them from there and never runs esbuild. In development and tests (tsx, no
// build) they are built once per process, in memory.
import fs from 'node:fs';
import path from 'node:path';
import { bundleClientScript, contentHash } from '../../core/http/client-bundle.js';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const PREBUILT = path.join(here, 'observer-app');

export type Asset = { url: string; type: string; body: Buffer };
export type ObserverAssets = {
  js: Asset;
  css: Asset;
  icon: Asset;
  sw: Asset;
  version: string;
  byUrl: Map<string, Asset>;
};

/** Bundles the client from its sources (`src/features/elections/client`). */
export async function buildObserverAssets(dir = path.join(here, 'client')): Promise<ObserverAssets> {
  const { build } = await import('esbuild');
  const jsBody = await bundleClientScript(dir, 'app.ts');
  const cssOut = await build({
    entryPoints: [path.join(dir, 'app.css')],
    bundle: true,
    write: false,
    minify: true,
    logLevel: 'silent',
  });
  const cssBody = Buffer.from(cssOut.outputFiles[0]!.contents);
  const iconBody = fs.readFileSync(path.join(dir, 'icon.svg'));
  const js: Asset = {
    url: `/observe/assets/app.${contentHash(jsBody)}.js`,
    type: 'text/javascript; charset=utf-8',
    body: jsBody,
  };
  const css: Asset = {
    url: `/observe/assets/app.${contentHash(cssBody)}.css`,
    type: 'text/css; charset=utf-8',
    body: cssBody,
  };
  const icon: Asset = {
    url: `/observe/assets/icon.${contentHash(iconBody)}.svg`,
    type: 'image/svg+xml',
    body: iconBody,
  };
  const version = contentHash(js.url + css.url + icon.url);
  const swBody = await bundleClientScript(dir, 'sw.ts', {
    __VERSION__: JSON.stringify(version),
    __ASSETS__: JSON.stringify([js.url, css.url, icon.url]),
  });
  const sw: Asset = { url: '/observe/sw.js', type: 'text/javascript; charset=utf-8', body: swBody };
  return { js, css, icon, sw, version, byUrl: new Map([js, css, icon].map((a) => [a.url, a])) };
}

type Manifest = {
  version: string;
  files: { key: 'js' | 'css' | 'icon' | 'sw'; url: string; type: string; file: string }[];
};

/** Writes the built files and their manifest (the build step). */
export async function writeObserverAssets(sourceDir: string, outDir = PREBUILT): Promise<void> {
  const a = await buildObserverAssets(sourceDir);
  fs.mkdirSync(outDir, { recursive: true });
  const manifest: Manifest = { version: a.version, files: [] };
  for (const key of ['js', 'css', 'icon', 'sw'] as const) {
    const file = path.basename(a[key].url);
    fs.writeFileSync(path.join(outDir, file), a[key].body);
    manifest.files.push({ key, url: a[key].url, type: a[key].type, file });
  }
  fs.writeFileSync(path.join(outDir, 'assets.json'), JSON.stringify(manifest));
}

function readPrebuilt(): ObserverAssets | null {
  const file = path.join(PREBUILT, 'assets.json');
  if (!fs.existsSync(file)) return null;
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  const byKey = new Map(
    manifest.files.map((f) => [
      f.key,
      { url: f.url, type: f.type, body: fs.readFileSync(path.join(PREBUILT, f.file)) },
    ]),
  );
  const [js, css, icon, sw] = (['js', 'css', 'icon', 'sw'] as const).map((k) => byKey.get(k)!) as [
    Asset,
    Asset,
    Asset,
    Asset,
  ];
  return { js, css, icon, sw, version: manifest.version, byUrl: new Map([js, css, icon].map((a) => [a.url, a])) };
}

let built: Promise<ObserverAssets> | null = null;
/** Read from the build, or built once per process; every app in the process shares it. */
export function observerAssets(): Promise<ObserverAssets> {
  built ??= Promise.resolve(readPrebuilt() ?? buildObserverAssets()).catch((e) => {
    built = null;
    throw e;
  });
  return built;
}
