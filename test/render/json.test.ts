import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonChunks } from '../../src/render/json.js';

const whole = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
const pieced = (v: unknown, batch: number, pieceBytes?: number) => Buffer.concat([...jsonChunks(v, { batch, pieceBytes })]).toString('utf8');
/** As a writer consumes transient pieces: each copied before the next is asked for. */
const consumed = (v: unknown, batch: number, pieceBytes: number) => {
  const copies: Buffer[] = [];
  for (const piece of jsonChunks(v, { batch, pieceBytes, transient: true })) copies.push(Buffer.from(piece));
  return Buffer.concat(copies).toString('utf8');
};

describe('jsonChunks', () => {
  it('joins to exactly JSON.stringify(value, null, 2) for any JSON value, batch and piece size', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 64 }),
        (v, batch, size) => pieced(v, batch, size) === whole(v) && consumed(v, batch, size) === whole(v),
      ),
      { numRuns: 500 },
    );
  });

  it('joins to the same for objects whose arrays are cut into batches, holes, skipped members and any text included', () => {
    const text = fc.string({ unit: 'binary' });
    const member = fc.oneof(fc.jsonValue(), text, fc.constant(undefined), fc.array(fc.oneof(fc.jsonValue(), text, fc.constant(undefined)), { maxLength: 12 }));
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), member),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 64 }),
        (v, batch, size) => pieced(v, batch, size) === whole(v) && consumed(v, batch, size) === whole(v),
      ),
      { numRuns: 500 },
    );
  });

  it('hands out pieces of about the piece size, each valid UTF-8 alone, none overwritten by a later one', () => {
    const report = { items: Array.from({ length: 200 }, (_, i) => ({ id: `i${i}`, title: `naïve ✓ ${'x'.repeat(i % 7)}` })), summary: {} };
    const chunks = [...jsonChunks(report, { batch: 3, pieceBytes: 256 })];
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks) expect(Buffer.from(c.toString('utf8')).equals(c)).toBe(true);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(whole(report));
  });

  it('transient pieces reuse two buffers, and are right as long as each is used before the next', () => {
    // pieces of 8 KiB: larger than Node's shared pool, so each buffer is its own memory
    const report = {
      items: Array.from({ length: 3000 }, (_, i) => ({ id: `i${i}`, text: `“${i}” ≥ ${'y'.repeat(i % 11)}` })),
      big: 'z’'.repeat(9000),
      summary: {},
    };
    const memoryOf = (transient: boolean) => {
      const memory = new Set<ArrayBufferLike>();
      let text = '';
      for (const piece of jsonChunks(report, { batch: 4, pieceBytes: 8192, transient })) {
        memory.add(piece.buffer);
        text += piece.toString('utf8');
      }
      expect(text).toBe(whole(report));
      return memory.size;
    };
    expect(memoryOf(false)).toBeGreaterThan(10);
    // two buffers, plus one made for the text larger than a piece
    expect(memoryOf(true)).toBeLessThanOrEqual(3);
  });
});
