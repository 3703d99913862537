// What the CLI touches of the outside world, passed in so tests can run main()
// in-process and so only bin.ts deals with the real process.
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { printable } from '../core/printable.js';
import type { Issue } from '../core/types.js';
import { UsageError } from '../errors.js';
import type { Output } from '../render/index.js';

export interface Io {
  cwd: string;
  stdout: (text: string | Uint8Array) => void;
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

/** Why an output file cannot be written, in words; undefined for errors that are not about the place. */
const CANNOT_WRITE: Readonly<Record<string, string>> = {
  ENOENT: 'no such folder, or files cannot be made there',
  ENOTDIR: 'a part of the path is a file, not a folder',
  // from making the folders: a part of the path exists as a file
  EEXIST: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder; give a file name',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
};

/** Write through a temporary file and rename, so a failed run never leaves half a file. */
export function writeAtomic(file: string, content: Output): void {
  try {
    writeThroughTemporary(file, content);
  } catch (e) {
    const why = CANNOT_WRITE[(e as NodeJS.ErrnoException).code ?? ''];
    // Where the output goes is the user's choice: a place that cannot take it is a usage problem, not a bug.
    if (why) throw new UsageError(`cannot write ${file}: ${why}`);
    throw e;
  }
}

function writeThroughTemporary(file: string, content: Output): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w');
    if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(fd, content);
    else writeChunks(fd, content(true));
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Write pieces of bytes as they come, each before the next is made: no joined copy of the whole output. */
function writeChunks(fd: number, chunks: Iterable<Uint8Array>): void {
  for (const chunk of chunks) for (let done = 0; done < chunk.length; ) done += writeSync(fd, chunk, done, chunk.length - done);
}

/** Output as it goes to a stream: whole, or piece by piece (each valid UTF-8 alone). */
function pieces(content: Output): Iterable<string | Uint8Array> {
  // A stream may hold on to what it is given: pieces of their own.
  return typeof content === 'string' || content instanceof Uint8Array ? [content] : content(false);
}

/** A file as messages name it: relative to where the user is, unless that climbs out of it ("..: is a folder" says little). */
export function shownFile(file: string, cwd: string): string {
  const shown = file.startsWith('/') ? relative(cwd, file) : file;
  return shown === '' || shown.startsWith('..') ? file : shown;
}

export function formatIssue(issue: Issue, cwd: string): string {
  const file = shownFile(issue.file, cwd);
  const at = issue.line !== undefined ? `${file}:${issue.line}:${issue.column ?? 1}` : file;
  return printable(`${at}: ${issue.message}${issue.hint ? ` (${issue.hint})` : ''}`);
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
  else for (const piece of pieces(output)) io.stdout(piece);
}
