// Loaded into the soak's server only with SOAK_HEAP=1 (`node --expose-gc --import
// ./bench/heap-probe.ts src/server.ts`): every 10 s a full garbage collection, then the live heap
// (heapUsed), heapTotal and external memory appended as one JSON line to SOAK_HEAP_FILE. RSS alone
// mixes a leak with V8 growing its heap and the allocator keeping freed pages; the live heap after
// a full collection is what a JavaScript leak makes grow. The collections change the server's
// rhythm, so the soak's RSS figures are the ones from a run without this probe.
import fs from 'node:fs';

const file = process.env.SOAK_HEAP_FILE;
const gc = (globalThis as { gc?: () => void }).gc;
if (file && gc) {
  const mb = (n: number) => +(n / 1048576).toFixed(1);
  setInterval(() => {
    gc();
    const m = process.memoryUsage();
    const line = {
      at: Date.now(),
      heapUsed: mb(m.heapUsed),
      heapTotal: mb(m.heapTotal),
      external: mb(m.external),
    };
    fs.appendFileSync(file, JSON.stringify(line) + '\n');
  }, 10_000).unref();
}
