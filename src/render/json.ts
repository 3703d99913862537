// The JSON report is the report model itself, written as JSON.stringify(report,
// null, 2) would write it, but in pieces of UTF-8: a large portfolio's report
// is over 100 MB, and one string of it (plus its UTF-8 copy) was the peak of
// memory and the slowest part of writing it. Each top-level array is cut into
// batches of elements, each batch stringified by V8's fast path and encoded
// straight into a buffer; the brackets around a batch are cut from the bytes
// (a move within the buffer), not from the string, which would copy it.

/** Elements of each top-level array stringified together (~25 KB of report items: measured faster than larger batches). */
export const JSON_BATCH = 16;

/** Pieces handed out are about this size, or one batch if larger. */
export const JSON_PIECE_BYTES = 1 << 20;

const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** Collects encoded text into pieces of about `size` bytes, each piece valid UTF-8 on its own. */
class Pieces {
  private buffer: Buffer;
  private used = 0;
  readonly full: Buffer[] = [];

  constructor(private readonly size: number) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  /** Append `text` minus its first `head` and last `tail` characters, which must be ASCII. */
  add(text: string, head = 0, tail = 0): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    const most = text.length * 3;
    if (this.used + most > this.buffer.length) {
      this.cut();
      if (most > this.buffer.length) this.buffer = Buffer.allocUnsafe(most);
    }
    const written = this.buffer.write(text, this.used);
    if (head > 0) this.buffer.copyWithin(this.used, this.used + head, this.used + written - tail);
    this.used += written - head - tail;
  }

  /** Hand out what is written so far as a piece of its own; later text goes to a new buffer. */
  cut(): void {
    if (this.used === 0) return;
    this.full.push(this.buffer.subarray(0, this.used));
    this.buffer = Buffer.allocUnsafe(this.size);
    this.used = 0;
  }
}

/**
 * The UTF-8 pieces of JSON.stringify(value, null, 2) + '\n'. Their
 * concatenation is byte-identical to it for any JSON-able value (a test holds
 * it to that); each piece is new (never reused) and valid UTF-8 alone.
 */
export function* jsonChunks(value: unknown, batch = JSON_BATCH, pieceBytes = JSON_PIECE_BYTES): Generator<Buffer> {
  const out = new Pieces(pieceBytes);
  if (value === null || typeof value !== 'object' || Array.isArray(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    out.add(`${JSON.stringify(value, null, 2)}\n`);
    out.cut();
    yield* out.full;
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => !skipped(v));
  if (entries.length === 0) out.add('{}\n');
  let first = true;
  for (const [key, v] of entries) {
    out.add(`${first ? '{\n  ' : ',\n  '}${JSON.stringify(key)}: `);
    first = false;
    if (Array.isArray(v) && v.length > batch) {
      out.add('[\n    ');
      for (let i = 0; i < v.length; i += batch) {
        if (i > 0) out.add(',\n    ');
        // Elements two arrays deep sit at the indentation of a top-level array's elements:
        // '[\n  [\n    ' before them and '\n  ]\n]' after.
        out.add(JSON.stringify([v.slice(i, i + batch)], null, 2), 10, 6);
        if (out.full.length) yield* out.full.splice(0);
      }
      out.add('\n  ]');
    }
    // A value inside a one-element array is indented exactly as a top-level member: '[\n  ' before, '\n]' after.
    else out.add(JSON.stringify([v], null, 2), 4, 2);
    if (out.full.length) yield* out.full.splice(0);
  }
  if (!first) out.add('\n}\n');
  out.cut();
  yield* out.full;
}
