import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonChunks } from '../../src/render/json.js';

/** What any JSON writer must give back: the value as JSON sees it. */
const asJson = (v: unknown) => JSON.parse(JSON.stringify(v) ?? 'null') as unknown;
const pieced = (v: unknown, pieceBytes?: number) => Buffer.concat([...jsonChunks(v, { pieceBytes })]).toString('utf8');
/** As a writer consumes transient pieces: each copied before the next is asked for. */
const consumed = (v: unknown, pieceBytes: number) => {
  const copies: Buffer[] = [];
  for (const piece of jsonChunks(v, { pieceBytes, transient: true })) copies.push(Buffer.from(piece));
  return Buffer.concat(copies).toString('utf8');
};
/** The lines the report layout gives an object: one per member, and one per element of a non-empty list. */
const expectedLines = (v: Record<string, unknown>) =>
  2 +
  Object.values(v)
    .filter((m) => m !== undefined)
    .reduce<number>((n, m) => n + (Array.isArray(m) && m.length ? m.length + 2 : 1), 0) -
  (Object.values(v).some((m) => m !== undefined) ? 0 : 1);

describe('jsonChunks', () => {
  it('reads back as the value for any JSON value and piece size, ending with a newline', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 64 }), (v, size) => {
        const text = pieced(v, size);
        expect(text.endsWith('\n')).toBe(true);
        expect(JSON.parse(text)).toEqual(asJson(v));
        expect(consumed(v, size)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('puts each member of an object, and each element of its lists, on a line of its own, with skipped members and any text', () => {
    const text = fc.string({ unit: 'binary' });
    const member = fc.oneof(fc.jsonValue(), text, fc.constant(undefined), fc.array(fc.oneof(fc.jsonValue(), text, fc.constant(undefined)), { maxLength: 12 }));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), member), fc.integer({ min: 1, max: 64 }), (v, size) => {
        const out = pieced(v, size);
        expect(JSON.parse(out)).toEqual(asJson(v));
        expect(consumed(v, size)).toBe(out);
        const lines = out.slice(0, -1).split('\n');
        expect(lines).toHaveLength(expectedLines(v));
        // every element line is one whole JSON value
        for (const line of lines.filter((l) => l.startsWith('    '))) expect(() => JSON.parse(line.trim().replace(/,$/, ''))).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('writes a report item per line, so a diff of two reports shows whole items', () => {
    const items = [
      { id: 'a/x', because: ['one', 'two'] },
      { id: 'a/y', because: [] },
    ];
    expect(pieced({ schemaVersion: 1, items, summary: { total: 2 } })).toBe(
      '{\n  "schemaVersion": 1,\n  "items": [\n    {"id":"a/x","because":["one","two"]},\n    {"id":"a/y","because":[]}\n  ],\n  "summary": {"total":2}\n}\n',
    );
  });

  it('hands out pieces of about the piece size, each valid UTF-8 alone, none overwritten by a later one', () => {
    const report = { items: Array.from({ length: 200 }, (_, i) => ({ id: `i${i}`, title: `naïve ✓ ${'x'.repeat(i % 7)}` })), summary: {} };
    const chunks = [...jsonChunks(report, { pieceBytes: 256 })];
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks) expect(Buffer.from(c.toString('utf8')).equals(c)).toBe(true);
    expect(JSON.parse(Buffer.concat(chunks).toString('utf8'))).toEqual(report);
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
      for (const piece of jsonChunks(report, { pieceBytes: 8192, transient })) {
        memory.add(piece.buffer);
        text += piece.toString('utf8');
      }
      expect(JSON.parse(text)).toEqual(report);
      return memory.size;
    };
    expect(memoryOf(false)).toBeGreaterThan(10);
    // two buffers, plus one made for the text larger than a piece
    expect(memoryOf(true)).toBeLessThanOrEqual(3);
  });
});
