import { describe, expect, it } from 'vitest';
import { describeDuration, durationSeconds, isDuration } from '../../src/core/duration.js';
import { buildMatrix } from '../../src/core/matrix.js';
import type { ReportItem } from '../../src/core/types.js';

describe('durations', () => {
  it('reads ISO 8601 durations and business days', () => {
    expect(isDuration('PT72H')).toBe(true);
    expect(isDuration('P15BD')).toBe(true);
    expect(isDuration('P15B')).toBe(false);
    expect(isDuration('P1MBD')).toBe(false);
    expect(describeDuration('PT72H')).toBe('72 hours');
    expect(describeDuration('P15BD')).toBe('15 business days');
    expect(describeDuration('P1BD')).toBe('1 business day');
  });

  it('ranks business days as 7/5 calendar days', () => {
    expect(durationSeconds('P15BD')).toBe(durationSeconds('P21D'));
    expect(durationSeconds('P15BD')).toBeGreaterThan(durationSeconds('P15D'));
    expect(durationSeconds('P10BD')).toBeLessThan(durationSeconds('P15D'));
  });

  it('lets the matrix pick a business-day deadline as the strictest when it is shorter', () => {
    const item = (id: string, jurisdiction: string, within: string) =>
      ({ id, jurisdiction, topic: 'opt-out', determination: 'applies', deadline: { within, from: 'a request', to: 'the player' } }) as unknown as ReportItem;
    const [row] = buildMatrix([item('a', 'US-CA', 'P10BD'), item('b', 'US-CO', 'P15D')]);
    expect(row!.strictest).toEqual({ within: 'P10BD', jurisdictions: ['US-CA'] });
    const [row2] = buildMatrix([item('a', 'US-CA', 'P15BD'), item('b', 'US-CO', 'P15D')]);
    expect(row2!.strictest).toEqual({ within: 'P15D', jurisdictions: ['US-CO'] });
  });
});
