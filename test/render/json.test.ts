import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonChunks } from '../../src/render/json.js';

const whole = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
const pieced = (v: unknown, batch: number) => [...jsonChunks(v, batch)].join('');

describe('jsonChunks', () => {
  it('joins to exactly JSON.stringify(value, null, 2) for any JSON value and batch size', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 4 }), (v, batch) => pieced(v, batch) === whole(v)),
      { numRuns: 500 },
    );
  });

  it('joins to the same for objects whose arrays are cut into batches, holes and skipped members included', () => {
    const member = fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined)), { maxLength: 12 }));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), member), fc.integer({ min: 1, max: 5 }), (v, batch) => pieced(v, batch) === whole(v)),
      { numRuns: 500 },
    );
  });

  it('cuts a long top-level array into one piece per batch', () => {
    const report = { items: Array.from({ length: 10 }, (_, i) => ({ id: `i${i}` })), summary: {} };
    const chunks = [...jsonChunks(report, 3)];
    expect(chunks.filter((c) => c.includes('"id"'))).toHaveLength(4);
    expect(chunks.join('')).toBe(whole(report));
  });
});
