import { describe, expect, it } from 'vitest';
import { annexFor, annexLabel, annexRange, covers, type AnnexRef } from './nda.ts';

const file = (id: string, from: string, through?: string): AnnexRef => ({ id, source: 'annex-file', from, through });
const own = (version: string): AnnexRef => ({ id: version, source: 'version-file', from: version, through: version });

describe('which NDA annex an edition carries', () => {
  const annexes = [own('3.0'), own('3.2'), file('1', '3.1', '3.2'), file('2', '3.2'), file('10', '3.9', '3.10')];

  it('the newest annex file covering the version (by number: 10 after 2), else the version\'s own nda.yaml', () => {
    expect(annexFor('3.0', annexes)).toEqual(own('3.0'));
    expect(annexFor('3.1', annexes)?.id).toBe('1');
    expect(annexFor('3.2', annexes)?.id).toBe('2');
    expect(annexFor('3.10', annexes)?.id).toBe('10');
    expect(annexFor('2.9', annexes)).toBeUndefined();
  });

  it('ranges compare versions numerically and `through` is inclusive; no `through` is open-ended', () => {
    expect(covers(file('1', '3.9', '3.10'), '3.10')).toBe(true);
    expect(covers(file('1', '3.9', '3.10'), '3.11')).toBe(false);
    expect(covers(file('1', '3.2'), '9.0')).toBe(true);
    expect(covers(file('1', '3.2'), '3.1')).toBe(false);
  });

  it('names annexes and ranges as the edition prints them', () => {
    expect([annexLabel(file('2', '3.1')), annexLabel(own('3.2'))]).toEqual(['NDA annex 2', 'NDA annex of v3.2']);
    expect([annexRange(file('2', '3.1')), annexRange(file('2', '3.1', '3.2')), annexRange(own('3.2'))]).toEqual(['v3.1 and later', 'v3.1 through v3.2', 'v3.2']);
  });
});
