import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closest, distanceWithin, editDistance } from '../../src/core/suggest.js';

/** The textbook distance, to hold the banded one to. */
function plainDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** The search as it was before it was ordered and bounded: every candidate measured whole. */
function plainClosest(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  const lower = input.toLowerCase();
  for (const c of candidates) {
    const cl = c.toLowerCase();
    const score =
      cl.endsWith('.' + lower) || cl.endsWith(lower)
        ? 0.5
        : cl.length >= 2 && lower.length === cl.length + 1 && lower.startsWith(cl)
          ? 0.75
          : plainDistance(lower, cl);
    if (score < bestScore || (score === bestScore && best !== undefined && c < best)) {
      best = c;
      bestScore = score;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(input.length / 3)) ? best : undefined;
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '/', ':', 'A', '.'), maxLength: 14 });

describe('did you mean', () => {
  it('measures within a bound exactly as the whole distance, capped one past the bound', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 16 }), (a, b, max) => {
        expect(distanceWithin(a, b, max)).toBe(Math.min(plainDistance(a, b), max + 1));
        expect(editDistance(a, b)).toBe(plainDistance(a, b));
      }),
      { numRuns: Number(process.env.QUICK_RUNS ?? 3000) },
    );
  });

  it('suggests exactly what measuring every candidate whole suggests', () => {
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 30 }), (input, candidates) => {
        expect(closest(input, candidates)).toBe(plainClosest(input, candidates));
      }),
      { numRuns: Number(process.env.QUICK_RUNS ?? 3000) },
    );
  });

  it('finds the id a stale status entry was meant to be among 80,000 item ids', () => {
    const ids = Array.from({ length: 80_000 }, (_, i) => `us-${['ca', 'tx', 'va'][i % 3]}-law/rule-${i % 97}/purpose:p${i}`);
    for (let k = 0; k < 20; k++) {
      const id = ids[k * 3_999]!;
      expect(closest(id.replace('/rule-', 'rule-'), ids)).toBe(id);
    }
  });
});
