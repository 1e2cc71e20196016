// The few scripts Wasl sends to browsers (the observer app, offline reading's worker and page
// script) are bundled the same way: one minified IIFE per entry, no third-party code beyond what
// the entry imports, strings kept as UTF-8. Called by the build step, and once per process in
// development and tests; the running server never imports esbuild otherwise.
import crypto from 'node:crypto';
import path from 'node:path';

/** A short content hash for fingerprinted URLs and worker versions. */
export const contentHash = (b: Buffer | string) => crypto.createHash('sha256').update(b).digest('hex').slice(0, 12);

/** Bundles `dir/entry` into one minified script; `define` replaces build-time constants. */
export async function bundleClientScript(
  dir: string,
  entry: string,
  define: Record<string, string> = {},
): Promise<Buffer> {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [path.join(dir, entry)],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    legalComments: 'none',
    charset: 'utf8',
    define,
    logLevel: 'silent',
  });
  return Buffer.from(out.outputFiles[0]!.contents);
}
