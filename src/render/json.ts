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

/**
 * Collects encoded text into pieces of about `size` bytes, each valid UTF-8 on
 * its own. Transient pieces take turns in two buffers: fresh memory for each
 * megabyte costs page faults (a fifth of the writing time of a large report).
 */
class Pieces {
  private buffer: Buffer;
  private spare: Buffer | undefined;
  private used = 0;
  readonly full: Buffer[] = [];

  constructor(
    private readonly size: number,
    private readonly transient: boolean,
  ) {
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

  /** Hand out what is written so far as a piece of its own; later text goes to another buffer. */
  cut(): void {
    if (this.used === 0) return;
    this.full.push(this.buffer.subarray(0, this.used));
    if (this.transient) [this.buffer, this.spare] = [this.spare ?? Buffer.allocUnsafe(this.size), this.buffer];
    else this.buffer = Buffer.allocUnsafe(this.size);
    this.used = 0;
  }
}

export interface JsonPieceOptions {
  /** elements of a top-level array stringified together */
  batch?: number;
  /** about how large a piece is */
  pieceBytes?: number;
  /**
   * A piece's bytes may be overwritten once the next piece is asked for: for a
   * consumer that is done with each piece before asking for the next.
   */
  transient?: boolean;
}

/**
 * The UTF-8 pieces of JSON.stringify(value, null, 2) + '\n'. Their
 * concatenation is byte-identical to it for any JSON-able value (a test holds
 * it to that); each piece is valid UTF-8 alone.
 */
export function* jsonChunks(value: unknown, options: JsonPieceOptions = {}): Generator<Buffer> {
  const { batch = JSON_BATCH, pieceBytes = JSON_PIECE_BYTES, transient = false } = options;
  const out = new Pieces(pieceBytes, transient);
  // An addition cuts at most one piece, handed out at once: so two buffers suffice for transient pieces.
  function* put(text: string, head = 0, tail = 0): Generator<Buffer> {
    out.add(text, head, tail);
    if (out.full.length) yield out.full.pop()!;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield* put(`${JSON.stringify(value, null, 2)}\n`);
  } else {
    const entries = Object.entries(value).filter(([, v]) => !skipped(v));
    let first = true;
    for (const [key, v] of entries) {
      yield* put(`${first ? '{\n  ' : ',\n  '}${JSON.stringify(key)}: `);
      first = false;
      if (Array.isArray(v) && v.length > batch) {
        yield* put('[\n    ');
        for (let i = 0; i < v.length; i += batch) {
          if (i > 0) yield* put(',\n    ');
          // Elements two arrays deep sit at the indentation of a top-level array's elements:
          // '[\n  [\n    ' before them and '\n  ]\n]' after.
          yield* put(JSON.stringify([v.slice(i, i + batch)], null, 2), 10, 6);
        }
        yield* put('\n  ]');
      }
      // A value inside a one-element array is indented exactly as a top-level member: '[\n  ' before, '\n]' after.
      else yield* put(JSON.stringify([v], null, 2), 4, 2);
    }
    yield* put(first ? '{}\n' : '\n}\n');
  }
  out.cut();
  if (out.full.length) yield out.full.pop()!;
}
