// What the CLI touches of the outside world, passed in so tests can run main()
// in-process and so only bin.ts deals with the real process.
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Issue } from '../core/types.js';
import { UsageError } from '../errors.js';
import type { Output } from '../render/index.js';

export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** today's date, as YYYY-MM-DD: the only clock read, and only when --as-of is not given */
  today: () => string;
}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    today: () => new Date().toISOString().slice(0, 10),
  };
}

/** Write through a temporary file and rename, so a failed run never leaves half a file. */
export function writeAtomic(file: string, content: Output): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w');
    if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(fd, content);
    else writeChunks(fd, content);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Encode text pieces straight into one reusable buffer and write it when full: no joined copies of the text. */
function writeChunks(fd: number, chunks: Iterable<string>): void {
  const buffer = Buffer.allocUnsafe(4 << 20);
  let used = 0;
  const flush = () => {
    for (let done = 0; done < used; ) done += writeSync(fd, buffer, done, used - done);
    used = 0;
  };
  for (const chunk of chunks) {
    // UTF-8 takes at most 3 bytes per UTF-16 unit
    if (used + chunk.length * 3 > buffer.length) flush();
    if (chunk.length * 3 > buffer.length) writeFileSync(fd, chunk);
    else used += buffer.write(chunk, used, 'utf8');
  }
  flush();
}

/** Output as pieces of about a megabyte or more: few system calls, no single huge string. */
function* pieces(content: Output): Generator<string | Uint8Array> {
  if (typeof content === 'string' || content instanceof Uint8Array) {
    yield content;
    return;
  }
  let pending: string[] = [];
  let size = 0;
  for (const chunk of content) {
    pending.push(chunk);
    size += chunk.length;
    if (size >= 1 << 20) {
      yield pending.join('');
      pending = [];
      size = 0;
    }
  }
  if (pending.length) yield pending.join('');
}

export function formatIssue(issue: Issue, cwd: string): string {
  const file = issue.file.startsWith('/') ? relative(cwd, issue.file) || issue.file : issue.file;
  const at = issue.line !== undefined ? `${file}:${issue.line}:${issue.column ?? 1}` : file;
  return `${at}: ${issue.message}${issue.hint ? ` (${issue.hint})` : ''}`;
}

export function resolveFrom(io: Io, file: string): string {
  return resolve(io.cwd, file);
}

/** Formats that are binary files, which cannot go to a terminal. */
const BINARY_FORMATS: ReadonlySet<string> = new Set(['xlsx']);

/** A binary format needs --out. */
export function requireOutFor(format: string, out: string | undefined): void {
  if (BINARY_FORMATS.has(format) && !out) throw new UsageError(`--format ${format} writes a binary file: give --out <file>`);
}

/** Write a command's output to --out (atomically) or to stdout. */
export function emit(io: Io, out: string | undefined, output: Output): void {
  if (out) writeAtomic(resolveFrom(io, out), output);
  else for (const piece of pieces(output)) io.stdout(typeof piece === 'string' ? piece : Buffer.from(piece).toString('utf8'));
}
