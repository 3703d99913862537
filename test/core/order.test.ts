import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { naturalOrder } from '../../src/core/order.js';

/** The order as first written (runs split by a regular expression), to hold the in-place walk to. */
function byRuns(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const [x, y] = [pa[i]!, pb[i]!];
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const [u, v] = [x.replace(/^0+(?=\d)/, ''), y.replace(/^0+(?=\d)/, '')];
      if (u.length !== v.length) return u.length - v.length;
      if (u !== v) return u < v ? -1 : 1;
      continue;
    }
    return x < y ? -1 : 1;
  }
  return pa.length !== pb.length ? pa.length - pb.length : a < b ? -1 : a > b ? 1 : 0;
}

describe('naturalOrder', () => {
  it('orders every pair of ids as the run-by-run definition does', () => {
    const id = fc.string({ unit: fc.constantFrom('0', '1', '2', '9', 'a', 'p', '-', '@', ':', 'Z'), maxLength: 10 });
    fc.assert(
      fc.property(id, id, (a, b) => {
        expect(Math.sign(naturalOrder(a, b))).toBe(Math.sign(byRuns(a, b)));
      }),
      { numRuns: Number(process.env.QUICK_RUNS ?? 5000) },
    );
  });

  it('reads runs of digits by value, leading zeros aside', () => {
    expect(['p10', 'p2', 'p1', 'p02', 'a', 'p10b', 'p10a', 'p010'].sort(naturalOrder)).toEqual(['a', 'p1', 'p02', 'p2', 'p010', 'p10', 'p10a', 'p10b']);
  });
});
