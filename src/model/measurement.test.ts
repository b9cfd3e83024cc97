import { describe, expect, it } from 'vitest';
import { applicableMeasurement, type Measurement } from './measurement.ts';

const file = (name: string, taken_at: string) => ({ file: name, measurement: { taken_at } as Measurement });
const history = [file('2026-06-01.json', '2026-06-01T09:00:00Z'), file('2026-03-01.json', '2026-03-01T09:00:00Z'), file('2026-05-15.json', '2026-05-15T08:00:00Z')];

describe('applicableMeasurement', () => {
  it('gives the latest version the newest measurement', () => {
    expect(applicableMeasurement(history, undefined)?.file).toBe('2026-06-01.json');
  });

  it('gives an archived version the newest measurement taken before its successor was published', () => {
    expect(applicableMeasurement(history, '2026-05-15')?.file).toBe('2026-03-01.json');
    expect(applicableMeasurement(history, '2026-05-16')?.file).toBe('2026-05-15.json');
  });

  it('gives nothing when every measurement is later', () => {
    expect(applicableMeasurement(history, '2026-01-01')).toBeUndefined();
  });
});
