// Read one YAML input: bytes → safe parse → schema → issues with line:column.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type BigIntStats } from 'node:fs';
import type { Issue } from '../core/types.js';
import { MAX_INPUT_BYTES, parseYaml, type ParsedYaml } from './yaml.js';
import { validateWith, type SchemaName } from './schema.js';

export interface Loaded<T> {
  value?: T;
  issues: Issue[];
  parsed?: ParsedYaml;
}

/** Every file read in this run, by device and inode (so hard links and symlinks are the same file): no output may replace one. */
const filesRead = new Map<string, string>();

const identity = (st: BigIntStats) => `${st.dev}:${st.ino}`;

/** The input of this run that `file` is (through links), if any. */
export function inputAt(file: string): string | undefined {
  try {
    return filesRead.get(identity(statSync(file, { bigint: true })));
  } catch {
    return undefined;
  }
}

/** Start a new run: forget the inputs of the last one (main() runs more than once in tests). */
export function forgetInputs(): void {
  filesRead.clear();
}

/** How long a pipe or FIFO may stay silent before the read gives up. */
export const PIPE_WAIT_MS = 10_000;

const tooLarge = (file: string, size: string): Issue => ({
  file,
  pointer: '',
  line: 1,
  column: 1,
  message: `file is too large (${size}; the limit is ${MAX_INPUT_BYTES} bytes)`,
  hint: 'check that this is the right file',
});

/**
 * The bytes of an input, never more than the limit: what is read is counted, so a pipe or a device
 * (`/dev/zero`) stops there too, and a FIFO nobody writes to gives up after `waitMs`.
 */
export function readBytes(file: string, waitMs = PIPE_WAIT_MS): { bytes?: Uint8Array; issue?: Issue } {
  let fd: number | undefined;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return { issue: { file, pointer: '', message: 'is a folder, not a file' } };
    if (st.isFile() && st.size > MAX_INPUT_BYTES) return { issue: tooLarge(file, `${st.size} bytes`) };
    const pipe = st.isFIFO();
    // a FIFO opened without O_NONBLOCK waits for a writer, maybe forever
    fd = openSync(file, pipe ? constants.O_RDONLY | constants.O_NONBLOCK : constants.O_RDONLY);
    filesRead.set(identity(fstatSync(fd, { bigint: true })), file);
    const r = readBounded(fd, pipe, waitMs);
    if (r === 'too large') return { issue: tooLarge(file, `more than ${MAX_INPUT_BYTES} bytes`) };
    if (r === 'silent')
      return { issue: { file, pointer: '', message: `nothing came to read in ${waitMs / 1000} seconds`, hint: 'a pipe or FIFO with no writer? give a file' } };
    return { bytes: r };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'is a folder, not a file'
            : `cannot read: ${(e as Error).message}`;
    return { issue: { file, pointer: '', message } };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

function readBounded(fd: number, pipe: boolean, waitMs: number): Uint8Array | 'too large' | 'silent' {
  const chunks: Buffer[] = [];
  let total = 0;
  let heard = false; // a writer was there (data, or a pipe that would block)
  let lastHeard = Date.now();
  for (;;) {
    const buf = Buffer.allocUnsafe(Math.min(1 << 20, MAX_INPUT_BYTES + 1 - total));
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      heard = true;
      n = -1;
    }
    if (n > 0) {
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      heard = true;
      lastHeard = Date.now();
      if (total > MAX_INPUT_BYTES) return 'too large';
      continue;
    }
    // end of file, unless a FIFO's writer has not come yet
    if (n === 0 && (!pipe || heard)) break;
    if (Date.now() - lastHeard > waitMs) return 'silent';
    Atomics.wait(pause, 0, 0, 10);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/** Fill in line and column from the parsed document for issues that have only a pointer. */
export function locateIssues(issues: Issue[], parsed: ParsedYaml | undefined): Issue[] {
  if (!parsed) return issues;
  return issues.map((i) => {
    if (i.line !== undefined) return i;
    const at = parsed.locate(i.pointer);
    return at ? { ...i, ...at } : i;
  });
}

export function readYaml<T>(file: string, schema: SchemaName, text?: string): Loaded<T> {
  let parsed: ParsedYaml;
  if (text !== undefined) parsed = parseYaml(file, text);
  else {
    const r = readBytes(file);
    if (r.issue) return { issues: [r.issue] };
    parsed = parseYaml(file, r.bytes!);
  }
  if (parsed.issues.length) return { issues: parsed.issues, parsed };
  const issues = locateIssues(validateWith(schema, file, parsed.value), parsed);
  return issues.length ? { issues, parsed } : { value: parsed.value as T, issues, parsed };
}
