// What the CLI touches of the outside world, passed in so tests can run main()
// in-process and so only bin.ts deals with the real process.
import { closeSync, lstatSync, mkdirSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { inputAt } from '../load/read.js';
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
  /** stdout is a terminal a person reads (not a file or a pipe): a long report is summed up there */
  stdoutIsTerminal?: boolean;
}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    today: () => new Date().toISOString().slice(0, 10),
    stdoutIsTerminal: process.stdout.isTTY === true,
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
  ENOSPC: 'disk full',
  EDQUOT: 'the disk quota is used up',
  ENAMETOOLONG: 'the name is too long',
  ENXIO: 'nothing is reading from it',
  EPIPE: 'nothing is reading from it',
};

const STANDARD_STREAMS = /^(?:\/dev\/fd\/|\/proc\/self\/fd\/)([12])$|^\/dev\/(stdout|stderr)$/;

/** The longest file name most file systems take, in bytes. */
const NAME_MAX = 255;

/**
 * Temporary files being written, removed by bin.ts when a signal ends the run
 * (a synchronous write cannot be interrupted in between, so this is all that can be left).
 */
export const temporaryFiles = new Set<string>();

export function removeTemporaryFiles(): void {
  for (const tmp of temporaryFiles) rmSync(tmp, { force: true });
  temporaryFiles.clear();
}

/**
 * Write `file` so that a failed run never leaves half a file: through a temporary file and a rename for a
 * regular file (a symlink's target is replaced, the link kept); straight into a device, FIFO or socket,
 * which cannot be renamed over. An input of this run is never overwritten.
 */
export function writeAtomic(file: string, content: Output): void {
  if (/[\\/]$/.test(file)) throw new UsageError(`cannot write ${file}: a name ending in / is a folder; give a file name`);
  const name = basename(file);
  if (Buffer.byteLength(name) > NAME_MAX)
    throw new UsageError(`cannot write ${file}: the file name is too long (${Buffer.byteLength(name)} bytes; the limit is ${NAME_MAX})`);
  try {
    const fd = STANDARD_STREAMS.exec(file);
    // the process's own streams, which may be sockets no path opens again
    if (fd) return writeChunks(Number(fd[1] ?? (fd[2] === 'stdout' ? 1 : 2)), chunksOf(content));
    const target = realTarget(file);
    const input = inputAt(target.path);
    if (input !== undefined)
      throw new UsageError(
        `cannot write ${file}: it is ${input === target.path ? 'an input' : `the same file as the input ${input}`} of this run; give another --out`,
      );
    if (target.stat && !target.stat.isFile() && !target.stat.isDirectory()) writeInto(target.path, content);
    else writeThroughTemporary(target.path, content);
  } catch (e) {
    const why = CANNOT_WRITE[(e as NodeJS.ErrnoException).code ?? ''];
    // Where the output goes is the user's choice: a place that cannot take it is a usage problem, not a bug.
    if (why) throw new UsageError(`cannot write ${file}: ${why}`);
    throw e;
  }
}

/** Where writing `file` lands: a symlink's final target (so the link stays), and what is there now. */
function realTarget(file: string): { path: string; stat?: Stats } {
  let stat: Stats | undefined;
  try {
    stat = statSync(file);
  } catch {
    // nothing there yet, or a dangling link: write where it points
    try {
      if (lstatSync(file).isSymbolicLink()) return { path: resolve(dirname(file), readlinkSync(file)) };
    } catch {
      /* nothing there */
    }
    return { path: file };
  }
  // a device is opened by the name given (/dev/stdout leads to a pipe no path names)
  return { path: stat.isFile() ? realpathSync(file) : file, stat };
}

/** A device, FIFO or socket gets the bytes as they come. */
function writeInto(file: string, content: Output): void {
  const fd = openSync(file, 'w');
  try {
    writeChunks(fd, chunksOf(content));
  } finally {
    closeSync(fd);
  }
}

function writeThroughTemporary(file: string, content: Output): void {
  mkdirSync(dirname(file), { recursive: true });
  // Short, so that any legal name for the output leaves a legal name for the temporary file.
  const tmp = join(dirname(file), `.cf-${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  temporaryFiles.add(tmp);
  try {
    fd = openSync(tmp, 'wx');
    writeChunks(fd, chunksOf(content));
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  } finally {
    temporaryFiles.delete(tmp);
  }
}

function chunksOf(content: Output): Iterable<Uint8Array> {
  return typeof content === 'string' ? [Buffer.from(content)] : content instanceof Uint8Array ? [content] : content(true);
}

/** Write pieces of bytes as they come, each before the next is made: no joined copy of the whole output. */
function writeChunks(fd: number, chunks: Iterable<Uint8Array>): void {
  for (const chunk of chunks)
    for (let done = 0; done < chunk.length;) {
      try {
        done += writeSync(fd, chunk, done, chunk.length - done);
      } catch (e) {
        // a full pipe that the reader has not emptied yet
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        Atomics.wait(pause, 0, 0, 5);
      }
    }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

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

/** An output path resolved, keeping a trailing slash (resolve drops it), which says the user named a folder. */
export function outputPath(io: Io, file: string): string {
  return resolveFrom(io, file) + (/[\\/]$/.test(file) ? '/' : '');
}

/** Formats that are binary files, which cannot go to a terminal. */
const BINARY_FORMATS: ReadonlySet<string> = new Set(['xlsx']);

/** A binary format needs --out. */
export function requireOutFor(format: string, out: string | undefined): void {
  if (BINARY_FORMATS.has(format) && !out) throw new UsageError(`--format ${format} writes a binary file: give --out <file>`);
}

/** A text report whole: its pieces (each valid UTF-8 alone) decoded and joined. */
export function outputText(output: Output): string {
  if (typeof output === 'string') return output;
  const decoder = new TextDecoder();
  let text = '';
  for (const piece of pieces(output)) text += typeof piece === 'string' ? piece : decoder.decode(piece);
  return text;
}

/** Write a command's output to --out (atomically) or to stdout. */
export function emit(io: Io, out: string | undefined, output: Output): void {
  if (out) writeAtomic(outputPath(io, out), output);
  else for (const piece of pieces(output)) io.stdout(piece);
}
