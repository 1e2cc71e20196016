// Requests take turns on the event loop. With SQLite every query is synchronous, so a request runs
// from start to end without giving the loop back, and fifty signed-in pages that arrive together
// held it for over 100 ms: timers, the jobs, other connections' bytes and the observers' answers
// all waited behind them. Here a request that arrives when the loop has been busy for a turn's
// budget waits in line (first come, first served) and starts after the loop has run its timers
// and read its sockets once more. Nothing is refused and nothing is reordered; a quiet server
// never waits.
import { performance } from 'node:perf_hooks';

/** How long the loop may run requests before it runs its timers and reads its sockets again. */
export const TURN_BUDGET_MS = 20;

export interface Turns {
  /** Undefined when the request may start now; otherwise resolves when its turn comes. */
  wait(): Promise<void> | undefined;
  /** How many requests are waiting for their turn (for tests and the bench). */
  readonly waiting: number;
}

export function createTurns(budgetMs = TURN_BUDGET_MS, now: () => number = () => performance.now()): Turns {
  const line: Array<() => void> = [];
  // When the current turn began; null once the loop has run its timers since (a break).
  let turnStart: number | null = null;

  const beginTurnIfNeeded = (at: number) => {
    if (turnStart !== null) return;
    turnStart = at;
    // A timer fires only when the loop comes round to its timers: that is the break.
    setTimeout(() => {
      turnStart = null;
    }, 0);
  };

  // One of these is queued per waiting request; each starts at most one, the oldest.
  const startNext = () => {
    const at = now();
    beginTurnIfNeeded(at);
    if (at - turnStart! >= budgetMs) {
      // Queued from the check phase, so it runs after the next timers and poll.
      setImmediate(startNext);
      return;
    }
    line.shift()?.();
  };

  return {
    wait() {
      const at = now();
      beginTurnIfNeeded(at);
      if (line.length === 0 && at - turnStart! < budgetMs) return undefined;
      return new Promise<void>((resolve) => {
        line.push(resolve);
        setImmediate(startNext);
      });
    },
    get waiting() {
      return line.length;
    },
  };
}
