import { describe, expect, it } from 'vitest';
import { createTurns } from './turns.js';

const loopBreak = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('requests take turns on the event loop', () => {
  it('never makes a request wait on a loop that has not been busy for a turn', async () => {
    let now = 0;
    const turns = createTurns(20, () => now);
    expect(turns.wait()).toBeUndefined();
    now = 19;
    expect(turns.wait()).toBeUndefined();
    await loopBreak();
    now = 500; // a long quiet time later, the turn starts afresh
    expect(turns.wait()).toBeUndefined();
    expect(turns.waiting).toBe(0);
  });

  it('lets the timers run before the requests that came after the budget, then starts them in arrival order', async () => {
    let now = 0;
    const turns = createTurns(20, () => now);
    const events: string[] = [];
    setTimeout(() => events.push('timer'), 0); // e.g. a job's timer, due while the loop is busy
    expect(turns.wait()).toBeUndefined();
    now = 25; // the requests so far held the loop for longer than a turn
    const first = turns.wait();
    const second = turns.wait();
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(turns.waiting).toBe(2);
    let third: Promise<void> | undefined;
    void first!.then(() => {
      events.push('first');
      // A newcomer while others wait goes behind them, though the new turn has time left.
      third = turns.wait();
      expect(third).toBeDefined();
      void third!.then(() => events.push('third'));
    });
    void second!.then(() => events.push('second'));
    await second;
    await third;
    expect(events).toEqual(['timer', 'first', 'second', 'third']);
    expect(turns.waiting).toBe(0);
  });

  it('starts no more waiting requests once the new turn is spent, and starts them after the next break', async () => {
    let now = 0;
    const turns = createTurns(20, () => now);
    turns.wait();
    now = 30;
    const started: number[] = [];
    const waits = [1, 2, 3].map((n) => turns.wait()!.then(() => started.push(n)));
    // Once the first request has started, it takes the whole budget of its turn; what has started
    // by the end of that turn is read from the next one.
    let startedInThatTurn: number[] = [];
    void waits[0]!.then(() => {
      now += 25;
      setImmediate(() => (startedInThatTurn = [...started]));
    });
    await waits[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(startedInThatTurn).toEqual([1]);
    await Promise.all(waits);
    expect(started).toEqual([1, 2, 3]);
  });
});
