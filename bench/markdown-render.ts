// Render time of every pathological body (src/testing/markdown-corpus.ts, issue #18): Markdown to
// HTML as saving does it, and the minutes' decision reader, each timed on its own (best of three).
// Bodies over a few kilobytes render in a worker thread when saved (core/text), so this is the time
// that worker spends, not time the event loop is held; the hardening test watches the loop.
//
//   node --import tsx bench/markdown-render.ts
import { renderMarkdown } from '../src/core/text/markdown.js';
import { decisionsIn } from '../src/features/coordination/meetings/minutes.js';
import { MINUTES_ONLY, PATHOLOGICAL } from '../src/testing/markdown-corpus.js';

const best = (work: () => unknown) => {
  let ms = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    work();
    ms = Math.min(ms, performance.now() - started);
  }
  return +ms.toFixed(1);
};

export function markdownRenderFigures() {
  const rows = Object.entries({ ...PATHOLOGICAL, ...MINUTES_ONLY }).map(([name, body]) => ({
    body: name,
    KB: Math.round(body.length / 1024),
    'Markdown → HTML ms': best(() => renderMarkdown(body)),
    'decision reader ms': best(() => decisionsIn(body)),
  }));
  return { rows, worstMs: Math.max(...rows.map((r) => Math.max(r['Markdown → HTML ms'], r['decision reader ms']))) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows, worstMs } = markdownRenderFigures();
  console.log('\nPathological bodies, render time (best of three)\n');
  console.table(rows);
  console.log(`worst: ${worstMs} ms`);
}
