/** The hot-path token store: HMAC digest -> live server, a plain Map that evicts each entry at its expires_at (or cache deadline) on one clock timer. */

import type { Clock } from '../base/clock.ts';

interface HeapItem<V> {
  at: number;
  key: string;
  value: V;
}

export class TokenIndex<V> {
  readonly #clock: Clock;
  readonly #map = new Map<string, V>();
  readonly #heap: HeapItem<V>[] = [];
  #armedAt = Infinity;
  #cancel: (() => void) | null = null;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  get(key: string): V | undefined {
    return this.#map.get(key);
  }

  get size(): number {
    return this.#map.size;
  }

  /** Adds an entry that disappears by itself when the clock reaches `evictAt`. */
  set(key: string, value: V, evictAt: number): void {
    if (evictAt <= this.#clock.now()) {
      this.#map.delete(key);
      return;
    }
    this.#map.set(key, value);
    this.#push({ at: evictAt, key, value });
    if (evictAt < this.#armedAt) this.#arm();
  }

  delete(key: string): void {
    this.#map.delete(key);
  }

  /** Drops every entry (the heap's items then find nothing to evict). */
  clear(): void {
    this.#map.clear();
  }

  /** Removes every entry whose value matches (used by revocation, which knows the server id, not the token). */
  deleteWhere(match: (value: V) => boolean): void {
    for (const [k, v] of this.#map) if (match(v)) this.#map.delete(k);
  }

  close(): void {
    this.#cancel?.();
    this.#cancel = null;
    this.#armedAt = Infinity;
    this.#map.clear();
    this.#heap.length = 0;
  }

  #arm(): void {
    this.#cancel?.();
    this.#cancel = null;
    const top = this.#heap[0];
    if (!top) {
      this.#armedAt = Infinity;
      return;
    }
    this.#armedAt = top.at;
    this.#cancel = this.#clock.schedule(top.at, this.#evictDue);
  }

  readonly #evictDue = (): void => {
    this.#cancel = null;
    this.#armedAt = Infinity;
    const now = this.#clock.now();
    while (this.#heap.length > 0 && this.#heap[0]!.at <= now) {
      const item = this.#pop();
      // Only evict if the entry was not replaced by a fresher load of the same key.
      if (this.#map.get(item.key) === item.value) this.#map.delete(item.key);
    }
    this.#arm();
  };

  #push(item: HeapItem<V>): void {
    const h = this.#heap;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent]!.at <= h[i]!.at) break;
      [h[parent], h[i]] = [h[i]!, h[parent]!];
      i = parent;
    }
  }

  #pop(): HeapItem<V> {
    const h = this.#heap;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l]!.at < h[m]!.at) m = l;
        if (r < h.length && h[r]!.at < h[m]!.at) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i]!, h[m]!];
        i = m;
      }
    }
    return top;
  }
}
