import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLineProgress, describeProgress, RateMeter } from '../../src/migrate/run/progress.ts';

const GB = 1024 ** 3;

describe('load progress', () => {
  it('on resume, bytes finished by an earlier run count neither into the rate nor into the ETA', () => {
    let now = 0;
    const meter = new RateMeter(() => now);
    const resumed = { doneBytes: 1.4 * GB, totalBytes: 2 * GB };
    expect(meter.rates(resumed)).toEqual({ bytesPerSecond: null, etaSeconds: null });
    expect(describeProgress(resumed, meter.rates(resumed))).toBe('1.4 GB/2.0 GB | rate – | ETA –');
    now = 10_000;
    const later = { doneBytes: 1.4 * GB + 100 * 1024 ** 2, totalBytes: 2 * GB };
    const rates = meter.rates(later);
    expect(rates.bytesPerSecond).toBeCloseTo((100 * 1024 ** 2) / 10);
    expect(describeProgress(later, rates)).toBe('1.5 GB/2.0 GB | 10.0 MB/s | ETA 51s');
  });

  it('shows no rate until a few seconds were measured', () => {
    let now = 0;
    const meter = new RateMeter(() => now);
    meter.rates({ doneBytes: 0, totalBytes: 100 });
    now = 500;
    expect(meter.rates({ doneBytes: 50, totalBytes: 100 })).toEqual({
      bytesPerSecond: null,
      etaSeconds: null,
    });
  });

  it('a line log always ends on the finished counts, however soon after the previous line', () => {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const progress = createLineProgress(stream, 60_000);
    progress.phase('load');
    progress.update({ doneBytes: 10, totalBytes: 100, doneTables: 5, totalTables: 6 });
    progress.update({ doneBytes: 100, totalBytes: 100, doneTables: 5, totalTables: 6 });
    progress.update({ doneBytes: 100, totalBytes: 100, doneTables: 6, totalTables: 6 });
    progress.update({ doneBytes: 100, totalBytes: 100, doneTables: 6, totalTables: 6 });
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/load: tables 6\/6 \| 100 B\/100 B \| done$/);
  });
});
