/** Layer 3 of expiry: a job on the injected clock that periodically deletes configuration records of expired and revoked servers. */

import type { Clock } from '../base/clock.ts';

/** Runs `purge` every `intervalMs` of clock time; returns stop(). A failed run is reported to `onError` and the job keeps going. */
export function startPurgeJob(clock: Clock, intervalMs: number, purge: () => Promise<unknown>, onError: (err: unknown) => void): () => void {
  let stopped = false;
  let cancel: () => void = () => {};
  const arm = (): void => {
    if (stopped) return;
    cancel = clock.schedule(clock.now() + intervalMs, tick);
  };
  const tick = (): void => {
    purge().catch(onError).finally(arm);
  };
  arm();
  return () => {
    stopped = true;
    cancel();
  };
}
