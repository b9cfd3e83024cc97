import { describe, expect, it } from 'vitest';
import { loadMeasurements, resolveMeasurementsDir } from '../load/measurements.ts';
import { applicableMeasurement } from '../model/measurement.ts';
import { publishedMeasurement } from '../document/measured-latency.ts';
import { validatePolicy } from '../validate/validate.ts';
import { pdfSha256, publicPdf, published } from './published.ts';

describe('publicPdf', () => {
  it('memoizes by content, measurement included: the same version with and without it gives different PDFs', async () => {
    const latest = validatePolicy('policy', { today: '2026-05-15' }).versions.at(-1)!;
    const measurement = publishedMeasurement(applicableMeasurement(loadMeasurements(resolveMeasurementsDir('policy')).files, undefined));
    expect(measurement).toBeDefined();
    const [bare, measured, again] = await Promise.all([publicPdf(published(latest)), publicPdf(published(latest, measurement)), publicPdf(published(latest, measurement))]);
    expect(pdfSha256(measured)).not.toBe(pdfSha256(bare));
    expect(again).toBe(measured);
  });
});
