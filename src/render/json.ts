// The JSON report is the report model itself. Its layout is one record per
// line: each member of the top-level object on a line of its own, and each
// element of a top-level list (an item, a vendor, a task) on a line of its
// own, written compactly. A diff or a grep of two reports then shows whole
// items, and the file is a fifth smaller and written in half the time of
// JSON.stringify(report, null, 2) (a large portfolio's report is over 100 MB).
// It is written in pieces of UTF-8, each element stringified by V8's fast path
// and encoded straight into a buffer: one string of the whole report (plus its
// UTF-8 copy) was the peak of memory.

/** Pieces handed out are about this size, or one element if larger. */
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

  add(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    const most = text.length * 3;
    if (this.used + most > this.buffer.length) {
      this.cut();
      if (most > this.buffer.length) this.buffer = Buffer.allocUnsafe(most);
    }
    this.used += this.buffer.write(text, this.used);
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
  /** about how large a piece is */
  pieceBytes?: number;
  /**
   * A piece's bytes may be overwritten once the next piece is asked for: for a
   * consumer that is done with each piece before asking for the next.
   */
  transient?: boolean;
}

/** One value, compact, as an element of a list: JSON writes null for what it skips. */
const element = (v: unknown): string => JSON.stringify(v) ?? 'null';

const isRecord = (v: unknown): v is object =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';

/**
 * The UTF-8 pieces of a value in the report layout (one record per line, see
 * above), ending with a newline; each piece is valid UTF-8 alone. JSON.parse
 * of their concatenation equals JSON.parse(JSON.stringify(value)) for any
 * JSON-able value (a test holds it to that). A value that is not an object is
 * written compactly on one line.
 */
export function* jsonChunks(value: unknown, options: JsonPieceOptions = {}): Generator<Buffer> {
  const { pieceBytes = JSON_PIECE_BYTES, transient = false } = options;
  const out = new Pieces(pieceBytes, transient);
  // An addition cuts at most one piece, handed out at once: so two buffers suffice for transient pieces.
  function* put(text: string): Generator<Buffer> {
    out.add(text);
    if (out.full.length) yield out.full.pop()!;
  }
  if (!isRecord(value)) yield* put(`${element(value)}\n`);
  else {
    let first = true;
    for (const [key, v] of Object.entries(value)) {
      if (skipped(v)) continue;
      yield* put(`${first ? '{\n  ' : ',\n  '}${JSON.stringify(key)}: `);
      first = false;
      if (Array.isArray(v) && v.length > 0) {
        for (let i = 0; i < v.length; i++) {
          yield* put(i ? ',\n    ' : '[\n    ');
          yield* put(element(v[i]));
        }
        yield* put('\n  ]');
      } else yield* put(element(v));
    }
    yield* put(first ? '{}\n' : '\n}\n');
  }
  out.cut();
  if (out.full.length) yield out.full.pop()!;
}

/** The whole text of a value in the report layout (for the small documents other commands write). */
export function jsonText(value: unknown): string {
  return Buffer.concat([...jsonChunks(value)]).toString('utf8');
}
