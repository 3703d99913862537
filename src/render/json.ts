// The JSON report is the report model itself, written as JSON.stringify(report,
// null, 2) would write it, but in pieces: a large portfolio's report is over
// 100 MB, and one string of it (plus its UTF-8 copy) was the peak of memory
// and the slowest part of writing it. Each top-level array is cut into
// batches of elements, each batch stringified by V8's fast path.

/** Elements of each top-level array stringified together (~100 KB for report items). */
export const JSON_BATCH = 64;

const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * The pieces of JSON.stringify(value, null, 2) + '\n'. Their concatenation is
 * byte-identical to it for any JSON-able value (a test holds it to that).
 */
export function* jsonChunks(value: unknown, batch = JSON_BATCH): Generator<string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield `${JSON.stringify(value, null, 2)}\n`;
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => !skipped(v));
  if (entries.length === 0) {
    yield '{}\n';
    return;
  }
  let first = true;
  for (const [key, v] of entries) {
    yield `${first ? '{\n  ' : ',\n  '}${JSON.stringify(key)}: `;
    first = false;
    if (Array.isArray(v) && v.length > batch) yield* arrayChunks(v, batch);
    // A value inside a one-element array is indented exactly as a top-level member.
    else yield JSON.stringify([v], null, 2).slice(4, -2);
  }
  yield '\n}\n';
}

function* arrayChunks(array: readonly unknown[], batch: number): Generator<string> {
  yield '[\n    ';
  for (let i = 0; i < array.length; i += batch) {
    // Elements two arrays deep sit at the indentation of a top-level array's elements.
    const text = JSON.stringify([array.slice(i, i + batch)], null, 2);
    yield (i === 0 ? '' : ',\n    ') + text.slice(10, -6);
  }
  yield '\n  ]';
}
