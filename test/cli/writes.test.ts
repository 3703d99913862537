// Where --out may write: never over an input of the run (through links), into
// a device, FIFO or symlink's target as they are, never a folder, and with no
// temporary file left behind by a failure or a signal.
import { spawn, spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, lstatSync, symlinkSync, writeFileSync, copyFileSync, cpSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, EXAMPLE, ROOT } from './run.js';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { DEFAULT_REGULATIONS_DIR } from '../../src/load/regulations.js';

let dir: string;
let flow: string;
let flowText: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'complyflow-writes-'));
  flow = join(dir, 'flow.yaml');
  copyFileSync(EXAMPLE, flow);
  flowText = readFileSync(flow, 'utf8');
  const pack = join(dir, 'packs', 'acme-bipa');
  cpSync(join(DEFAULT_REGULATIONS_DIR, 'us-il-bipa'), pack, { recursive: true });
  const reg = join(pack, 'regulation.yaml');
  writeFileSync(reg, readFileSync(reg, 'utf8').replace(/^id: us-il-bipa$/m, 'id: acme-bipa'));
});

/** main() in-process: exit code and what it printed. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    cwd: dir,
    stdout: (t) => void (stdout += typeof t === 'string' ? t : Buffer.from(t).toString()),
    stderr: (t) => void (stderr += t),
    today: () => '2026-11-25',
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const leftovers = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('--out never replaces an input of the run', () => {
  it.each([
    ['the flow', ['check', 'flow.yaml', '--out', 'flow.yaml']],
    ['the flow through a hard link', ['check', 'flow.yaml', '--out', 'hard.yaml']],
    ['the flow through a symlink', ['check', 'flow.yaml', '--out', 'sym.yaml']],
    ['the flow read through a symlink', ['check', 'sym.yaml', '--out', 'flow.yaml']],
    ['the status file', ['check', 'flow.yaml', '--status', 'status.yaml', '--out', 'status.yaml']],
    ['the answers file', ['check', 'flow.yaml', '--answers', 'answers.yaml', '--out', 'answers.yaml']],
    ['a rule pack file', ['check', 'flow.yaml', '--rules', 'packs', '--out', 'packs/acme-bipa/regulation.yaml']],
    ['status init over its flow, even with --force', ['status', 'init', 'flow.yaml', '--out', 'flow.yaml', '--force']],
    ['status init over the file it keeps', ['status', 'init', 'flow.yaml', '--keep', 'status.yaml', '--out', 'status.yaml', '--force']],
    ['questions over its flow', ['questions', 'flow.yaml', '--out', 'flow.yaml']],
    ['ropa over its flow', ['ropa', 'flow.yaml', '--out', 'flow.yaml']],
  ])('%s: exit 2, every input unchanged', async (_name, args) => {
    linkSync(flow, join(dir, 'hard.yaml'));
    symlinkSync('flow.yaml', join(dir, 'sym.yaml'));
    writeFileSync(join(dir, 'status.yaml'), 'version: 1\nitems: {}\n');
    writeFileSync(join(dir, 'answers.yaml'), 'version: 1\nvendors: {}\n');
    const pack = readFileSync(join(dir, 'packs', 'acme-bipa', 'regulation.yaml'), 'utf8');
    try {
      const r = await run([...args, '--as-of', '2026-11-25']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/cannot write .*: it is (an input|the same file as the input .*) of this run/);
      expect(readFileSync(flow, 'utf8')).toBe(flowText);
      expect(readFileSync(join(dir, 'status.yaml'), 'utf8')).toBe('version: 1\nitems: {}\n');
      expect(readFileSync(join(dir, 'answers.yaml'), 'utf8')).toBe('version: 1\nvendors: {}\n');
      expect(readFileSync(join(dir, 'packs', 'acme-bipa', 'regulation.yaml'), 'utf8')).toBe(pack);
      expect(lstatSync(join(dir, 'sym.yaml')).isSymbolicLink()).toBe(true);
    } finally {
      for (const f of ['hard.yaml', 'sym.yaml']) spawnSync('rm', ['-f', join(dir, f)]);
    }
  });

  it('diff inputs too', async () => {
    const a = join(dir, 'a.json');
    expect((await run(['check', 'flow.yaml', '--format', 'json', '--as-of', '2026-11-25', '--out', 'a.json'])).code).toBe(0);
    const before = readFileSync(a, 'utf8');
    const r = await run(['diff', 'a.json', 'a.json', '--out', 'a.json']);
    expect(r.code).toBe(2);
    expect(readFileSync(a, 'utf8')).toBe(before);
  });

  it('a file that is not an input is still written', async () => {
    expect((await run(['check', 'flow.yaml', '--as-of', '2026-11-25', '--out', 'report.md'])).code).toBe(0);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain('is not legal advice');
  });
});

describe('--out onto what is not a regular file', () => {
  it('a symlink: its target is written and the link kept', async () => {
    writeFileSync(join(dir, 'target.md'), 'old');
    symlinkSync('target.md', join(dir, 'link.md'));
    expect((await run(['check', 'flow.yaml', '--as-of', '2026-11-25', '--out', 'link.md'])).code).toBe(0);
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target.md'), 'utf8')).toContain('is not legal advice');
  });

  it('/dev/stdout gets the bytes; /dev/null is left a device', () => {
    const r = cli(['check', EXAMPLE, '--as-of', '2026-11-25', '--out', '/dev/stdout']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('is not legal advice');
    expect(cli(['check', EXAMPLE, '--as-of', '2026-11-25', '--out', '/dev/null']).code).toBe(0);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  }, 60_000);

  it('/dev/full: a plain "disk full", exit 2', () => {
    const r = cli(['check', EXAMPLE, '--as-of', '2026-11-25', '--out', '/dev/full']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write \/dev\/full: disk full/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('a FIFO: the reader gets the bytes, the FIFO stays', async () => {
    const fifo = join(dir, 'out.fifo');
    spawnSync('mkfifo', [fifo]);
    // the reader writes to a file: a pipe back to this process would fill while spawnSync waits
    const reader = spawn('sh', ['-c', 'cat "$0" > "$1"', fifo, join(dir, 'from-fifo.md')]);
    const done = new Promise((res) => reader.on('close', res));
    const r = cli(['check', EXAMPLE, '--as-of', '2026-11-25', '--out', fifo]);
    await done;
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'from-fifo.md'), 'utf8')).toContain('is not legal advice');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  }, 60_000);

  it('a name ending in / is a folder: refused, whether it exists or not', async () => {
    for (const out of ['newdir/', 'existing/']) {
      mkdirSync(join(dir, 'existing'), { recursive: true });
      const r = await run(['check', 'flow.yaml', '--as-of', '2026-11-25', '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/a name ending in \/ is a folder/);
    }
    expect(readdirSync(dir)).not.toContain('newdir');
  });
});

describe('file names and temporary files', () => {
  it('a 255-byte name works and leaves no temporary file; 256 bytes is exit 2 with a plain message', async () => {
    const legal = 'é'.repeat(125) + 'xy.md';
    expect(Buffer.byteLength(legal)).toBe(255);
    expect((await run(['check', 'flow.yaml', '--as-of', '2026-11-25', '--out', legal])).code).toBe(0);
    expect(readdirSync(dir)).toContain(legal);
    const r = await run(['check', 'flow.yaml', '--as-of', '2026-11-25', '--out', 'a'.repeat(256)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the file name is too long \(256 bytes; the limit is 255\)/);
    expect(leftovers()).toEqual([]);
  });

  it('SIGTERM and SIGINT end the run with 143 and 130, no temporary file left', async () => {
    for (const [signal, code] of [
      ['SIGTERM', 143],
      ['SIGINT', 130],
    ] as const) {
      // the flow comes through a FIFO: once this side opens it, the run is reading it, listening for signals
      const fifo = join(dir, `${signal}.fifo`);
      spawnSync('mkfifo', [fifo]);
      const child = spawn(process.execPath, [BIN, 'check', fifo, '--format', 'xlsx', '--as-of', '2026-11-25', '--out', join(dir, 'signalled.xlsx')], {
        cwd: ROOT,
      });
      const exited = new Promise((res) => child.on('exit', (c) => res(c)));
      const writer = await open(fifo, 'w');
      child.kill(signal);
      await writer.writeFile(readFileSync(EXAMPLE));
      await writer.close();
      expect(await exited).toBe(code);
      expect(leftovers()).toEqual([]);
    }
  }, 60_000);
});

describe('options and answers that would silently change nothing', () => {
  it('--market for a market the flow does not offer is exit 2; one inside an offered group is fine', async () => {
    const r = await run(['check', 'flow.yaml', '--as-of', '2026-11-25', '--market', 'BR']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--market "BR" is not offered by this flow/);
    expect((await run(['check', 'flow.yaml', '--as-of', '2026-11-25', '--format', 'json', '--market', 'DE'])).code).toBe(0);
    for (const cmd of [['questions'], ['status', 'init']]) expect((await run([...cmd, 'flow.yaml', '--as-of', '2026-11-25', '--market', 'BR'])).code).toBe(2);
  });

  it('answers for a vendor or question the report does not ask are reported with a did-you-mean, not dropped', async () => {
    writeFileSync(join(dir, 'typo-answers.yaml'), 'version: 1\nvendors:\n  rtcc: { dpa-signed: "yes" }\n  rtc: { no-such-question: "yes" }\n');
    const r = await run(['check', 'flow.yaml', '--as-of', '2026-11-25', '--format', 'json', '--answers', 'typo-answers.yaml']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/answers for vendor "rtcc", which this report asks nothing of, are not used \(did you mean rtc\?\)/);
    expect(r.stderr).toMatch(/the answer to "no-such-question" for vendor rtc is not used/);
  });
});
