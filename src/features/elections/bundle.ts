// The observer app's files, built once per process at server start by esbuild, in memory, and
// served with content-hashed URLs (cached for a year). The service worker keeps a fixed URL
// (/observe/sw.js, scope /observe/) and carries the hashed URLs, so a new build updates it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'client');

export type Asset = { url: string; type: string; body: Buffer };
export type ObserverAssets = {
  js: Asset;
  css: Asset;
  icon: Asset;
  sw: Asset;
  version: string;
  byUrl: Map<string, Asset>;
};

const hash = (b: Buffer | string) => crypto.createHash('sha256').update(b).digest('hex').slice(0, 12);

async function bundle(entry: string, define: Record<string, string> = {}): Promise<Buffer> {
  const out = await build({
    entryPoints: [path.join(dir, entry)],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    legalComments: 'none',
    define,
    logLevel: 'silent',
  });
  return Buffer.from(out.outputFiles[0]!.contents);
}

async function buildAssets(): Promise<ObserverAssets> {
  const jsBody = await bundle('app.ts');
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
    url: `/observe/assets/app.${hash(jsBody)}.js`,
    type: 'text/javascript; charset=utf-8',
    body: jsBody,
  };
  const css: Asset = {
    url: `/observe/assets/app.${hash(cssBody)}.css`,
    type: 'text/css; charset=utf-8',
    body: cssBody,
  };
  const icon: Asset = { url: `/observe/assets/icon.${hash(iconBody)}.svg`, type: 'image/svg+xml', body: iconBody };
  const version = hash(js.url + css.url + icon.url);
  const swBody = await bundle('sw.ts', {
    __VERSION__: JSON.stringify(version),
    __ASSETS__: JSON.stringify([js.url, css.url, icon.url]),
  });
  const sw: Asset = { url: '/observe/sw.js', type: 'text/javascript; charset=utf-8', body: swBody };
  return { js, css, icon, sw, version, byUrl: new Map([js, css, icon].map((a) => [a.url, a])) };
}

let built: Promise<ObserverAssets> | null = null;
/** Built once per process; every app in the process shares it. */
export function observerAssets(): Promise<ObserverAssets> {
  built ??= buildAssets().catch((e) => {
    built = null;
    throw e;
  });
  return built;
}
