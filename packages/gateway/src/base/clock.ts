/** Time source for everything that expires: `now()` in epoch milliseconds and `schedule(at, fn)`; a manual clock lets tests move time without sleeping. */

export interface Clock {
  now(): number;
  /** Runs `fn` once the clock reaches `atMs` (or at once if it already has); returns a cancel function. */
  schedule(atMs: number, fn: () => void): () => void;
}

// setTimeout overflows past 2^31-1 ms (~24.8 days); long waits are re-armed in chunks.
const MAX_TIMER_MS = 2_147_483_647;

export const systemClock: Clock = {
  now: () => Date.now(),
  schedule(atMs, fn) {
    let timer: NodeJS.Timeout | undefined;
    let cancelled = false;
    const arm = (): void => {
      if (cancelled) return;
      const delay = atMs - Date.now();
      if (delay <= 0) {
        fn();
        return;
      }
      timer = setTimeout(arm, Math.min(delay, MAX_TIMER_MS));
      // Expiry timers must never keep a process alive on their own.
      timer.unref();
    };
    arm();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  },
};

export interface ManualClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
  pending(): number;
}

/** A clock that only moves when told; due callbacks run synchronously, in time order, inside set/advance. */
export function manualClock(startMs = Date.UTC(2026, 0, 1)): ManualClock {
  let current = startMs;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const runDue = (): void => {
    for (;;) {
      let nextId = -1;
      let nextAt = Infinity;
      for (const [id, t] of timers) {
        if (t.at <= current && t.at < nextAt) {
          nextAt = t.at;
          nextId = id;
        }
      }
      if (nextId < 0) return;
      const t = timers.get(nextId)!;
      timers.delete(nextId);
      t.fn();
    }
  };
  return {
    now: () => current,
    schedule(atMs, fn) {
      const id = seq++;
      timers.set(id, { at: atMs, fn });
      if (atMs <= current) runDue();
      return () => {
        timers.delete(id);
      };
    },
    set(ms) {
      current = ms;
      runDue();
    },
    advance(ms) {
      current += ms;
      runDue();
    },
    pending: () => timers.size,
  };
}
