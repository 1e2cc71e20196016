// `npm run build`: compiles src/ to dist/ for production. Each TypeScript file becomes one
// JavaScript file at the same place (esbuild, no bundling), so paths that code resolves next to
// itself (catalogs, stylesheets, the gazetteer CSV, the HEIC worker) hold in dist/ too; those
// files are copied. Tests (*.test.ts) are left out. Then the observer app is bundled once, into
// dist/features/elections/observer-app/, and offline reading's worker and page script into
// dist/features/offline/client-built/, so the server never runs esbuild.
//
//   node scripts/build.mjs              build
//   node scripts/build.mjs --if-stale   build only if a file under src/ is newer than the last build
//   --quiet                             print nothing on success
/* global process, console */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transform } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.built');
const args = new Set(process.argv.slice(2));
const quiet = args.has('--quiet');

/** Every file under dir, relative to it. */
function walk(dir, base = dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full, base));
    else out.push(path.relative(base, full));
  }
  return out;
}

const isTest = (f) => /\.test\.tsx?$/.test(f);
const isSource = (f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts');
// Files the running app reads next to its code; documentation stays in src/.
const isRuntimeFile = (f) => !isSource(f) && !f.endsWith('.md') && !isTest(f);

function stale() {
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  const inputs = [
    ...walk(src).map((f) => path.join(src, f)),
    path.join(root, 'package-lock.json'),
    fileURLToPath(import.meta.url),
  ];
  return inputs.some((f) => fs.statSync(f).mtimeMs > built);
}

async function build() {
  const started = Date.now();
  fs.rmSync(dist, { recursive: true, force: true });
  const files = walk(src).filter((f) => !isTest(f));
  let compiled = 0;
  for (const rel of files) {
    const from = path.join(src, rel);
    if (isSource(rel)) {
      const out = path.join(dist, rel.replace(/\.tsx?$/, '.js'));
      const result = await transform(fs.readFileSync(from, 'utf8'), {
        loader: rel.endsWith('.tsx') ? 'tsx' : 'ts',
        format: 'esm',
        platform: 'node',
        target: 'node20',
        jsx: 'automatic',
        jsxImportSource: 'preact',
        sourcefile: rel,
        legalComments: 'none',
      });
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, result.code);
      compiled++;
    } else if (isRuntimeFile(rel)) {
      const out = path.join(dist, rel);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.copyFileSync(from, out);
    }
  }
  const { writeObserverAssets } = await import(pathToFileURL(path.join(dist, 'features/elections/bundle.js')).href);
  await writeObserverAssets(path.join(src, 'features/elections/client'));
  const { writeOfflineAssets } = await import(pathToFileURL(path.join(dist, 'features/offline/bundle.js')).href);
  await writeOfflineAssets(path.join(src, 'features/offline/client'));
  fs.writeFileSync(stamp, new Date().toISOString());
  if (!quiet)
    console.log(
      `Built dist/: ${compiled} modules, the observer app and the offline worker in ${Date.now() - started} ms.`,
    );
}

if (args.has('--if-stale') && !stale()) process.exit(0);
await build();
