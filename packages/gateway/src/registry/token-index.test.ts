import { describe, expect, it } from 'vitest';
import { manualClock } from '../base/clock.ts';
import { TokenIndex } from './token-index.ts';

describe('manualClock', () => {
  it('runs scheduled callbacks in time order when advanced, and not before', () => {
    const clock = manualClock(1000);
    const fired: string[] = [];
    clock.schedule(1300, () => fired.push('b'));
    clock.schedule(1200, () => fired.push('a'));
    const cancel = clock.schedule(1250, () => fired.push('cancelled'));
    cancel();
    clock.advance(199);
    expect(fired).toEqual([]);
    clock.advance(200);
    expect(fired).toEqual(['a', 'b']);
    expect(clock.pending()).toBe(0);
  });
});

describe('TokenIndex (layer 2: the token store evicts at expires_at)', () => {
  it('evicts each entry exactly when the clock reaches its deadline', () => {
    const clock = manualClock(0);
    const index = new TokenIndex<string>(clock);
    index.set('a', 'A', 100);
    index.set('b', 'B', 50);
    index.set('c', 'C', 200);
    expect(index.size).toBe(3);
    clock.advance(49);
    expect(index.get('b')).toBe('B');
    clock.advance(1);
    expect(index.get('b')).toBeUndefined();
    expect(index.get('a')).toBe('A');
    clock.advance(50);
    expect(index.get('a')).toBeUndefined();
    expect(index.get('c')).toBe('C');
    clock.advance(100);
    expect(index.size).toBe(0);
  });

  it('does not evict a fresher value stored under the same key', () => {
    const clock = manualClock(0);
    const index = new TokenIndex<string>(clock);
    index.set('k', 'old', 10);
    index.set('k', 'new', 100);
    clock.advance(10);
    expect(index.get('k')).toBe('new');
    clock.advance(90);
    expect(index.get('k')).toBeUndefined();
  });

  it('never stores an already expired entry, and close() cancels its timer', () => {
    const clock = manualClock(100);
    const index = new TokenIndex<string>(clock);
    index.set('x', 'X', 100);
    expect(index.get('x')).toBeUndefined();
    index.set('y', 'Y', 500);
    expect(clock.pending()).toBe(1);
    index.close();
    expect(clock.pending()).toBe(0);
  });
});
