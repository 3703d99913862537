import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, writeAtomic } from '../../src/cli/io.js';
import { annotation } from '../../src/cli/commands/validate.js';

describe('writeAtomic with UTF-8 in pieces', () => {
  const dir = mkdtempSync(join(tmpdir(), 'complyflow-io-'));

  it('writes exactly the joined pieces: small, multi-byte, and large', () => {
    const pieces = [
      '{"a": "players’ data ≥ 13"',
      ...Array.from({ length: 5000 }, (_, i) => `,\n  "k${i}": "é→${i}"`),
      `,\n  "big": "${'x’'.repeat(3_000_000)}"`,
      '\n}\n',
    ];
    const file = join(dir, 'out.json');
    writeAtomic(file, () => pieces.map((p) => Buffer.from(p)));
    expect(readFileSync(file, 'utf8')).toBe(pieces.join(''));
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('leaves no file and no temporary file when producing the pieces fails', () => {
    const file = join(dir, 'failed.json');
    function* failing() {
      yield Buffer.from('start');
      throw new Error('render failed');
    }
    expect(() => writeAtomic(file, failing)).toThrow('render failed');
    expect(readdirSync(dir).filter((f) => f.startsWith('failed'))).toEqual([]);
  });
});

describe('formatIssue', () => {
  it('names a file relative to where the user is, or whole when it lies outside', () => {
    const issue = (file: string) => ({ file, pointer: '', line: 3, column: 2, message: 'bad' });
    expect(formatIssue(issue('/work/game/flow.yaml'), '/work/game')).toBe('flow.yaml:3:2: bad');
    expect(formatIssue(issue('/work/game/sub/flow.yaml'), '/work/game')).toBe('sub/flow.yaml:3:2: bad');
    expect(formatIssue(issue('/work'), '/work/game')).toBe('/work:3:2: bad');
    expect(formatIssue(issue('/other/flow.yaml'), '/work/game')).toBe('/other/flow.yaml:3:2: bad');
    expect(formatIssue({ file: 'relative.yaml', pointer: '', message: 'gone', hint: 'look again' }, '/work')).toBe('relative.yaml: gone (look again)');
  });
});

describe('GitHub Actions annotations', () => {
  it('escape what the workflow-command syntax reserves, in the message and in the file name', () => {
    const issue = { file: '/repo/a,b:c.yaml', pointer: '', line: 4, column: 9, message: '100% wrong\nreally', hint: 'x' };
    expect(annotation(issue, '/repo')).toBe('::error file=a%2Cb%3Ac.yaml,line=4,col=9,title=complyflow::100%25 wrong%0Areally (x)');
    expect(annotation({ file: '/repo/f.yaml', pointer: '', message: 'file not found' }, '/repo')).toBe('::error file=f.yaml,title=complyflow::file not found');
  });
});
