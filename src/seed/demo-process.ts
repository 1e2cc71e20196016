// The demo seed in a process of its own, at a server's first start (issue #19: 219 MiB after
// start). Seeding hashes a password per demo account (argon2id, 19 MiB each, in the thread pool)
// and draws the demo's pictures; the allocator keeps that memory in the process that touched it.
// A child does the work and takes the memory with it when it exits; what it prints (the demo
// accounts) goes to the server's own output.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Node's own flags for the child: the loader (tsx in development), not watching or profiling. */
const childFlags = () => process.execArgv.filter((a) => !/^--(watch|inspect|cpu-prof|heap-prof|prof)/.test(a));

export function seedDemoInChildProcess(): Promise<void> {
  // dist/seed/demo-child.js when compiled, src/seed/demo-child.ts through tsx
  const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  const entry = fileURLToPath(new URL(`./demo-child.${ext}`, import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...childFlags(), entry], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the demo seed stopped with code ${code}`))));
  });
}
