// Hostile and odd inputs: bounded reads of pipes and devices, linear checks on
// large documents, and files that say plainly what is wrong with them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ROOT } from '../cli/run.js';
import { parseYaml } from '../../src/load/yaml.js';
import { readBytes } from '../../src/load/read.js';
import { main } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'complyflow-hostile-'));
const issues = (text: string | Buffer) =>
  parseYaml('f.yaml', typeof text === 'string' ? Buffer.from(text) : text).issues.map((i) => [i.line, i.column, i.message]);

describe('reads are bounded by the bytes actually read', () => {
  it.each(['/dev/zero', '/dev/urandom'])('%s stops at the limit with a plain message', (device) => {
    const r = readBytes(device);
    expect(r.bytes).toBeUndefined();
    expect(r.issue?.message).toMatch(/^file is too large \(more than 33554432 bytes/);
  });

  it('a FIFO with no writer gives up with a plain message', () => {
    const fifo = join(dir, 'silent.fifo');
    spawnSync('mkfifo', [fifo]);
    const started = Date.now();
    const r = readBytes(fifo, 300);
    expect(r.issue?.message).toMatch(/nothing came to read/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('large documents are checked in linear time', () => {
  it('100,000 keys in one mapping, one given twice: found, in seconds', () => {
    const text = 'a:\n' + Array.from({ length: 100_000 }, (_, i) => `  k${i}: 1\n`).join('') + '  k5: 2\n';
    const started = Date.now();
    expect(issues(text)).toEqual([[100_002, 3, 'the key "k5" is given twice in this mapping']]);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('a status file parses in time linear in its entries (10,000 against 100,000: no more than 25 times as long)', () => {
    const time = (n: number) => {
      const text =
        'version: 1\nitems:\n' +
        Array.from({ length: n }, (_, i) => `  "eu-gdpr/x${i}": { status: done, owner: o }\n`).join('') +
        '  "eu-gdpr/x1": { status: done }\n';
      const started = process.hrtime.bigint();
      expect(parseYaml('s.yaml', Buffer.from(text)).issues.map((i) => i.line)).toEqual([n + 3]);
      return Number(process.hrtime.bigint() - started);
    };
    time(2_000); // warm up
    expect(time(100_000) / time(10_000)).toBeLessThan(25);
  }, 120_000);

  it('an invalid byte at the end of a large file is located without decoding every prefix', () => {
    // Decoding each prefix to find the byte was quadratic: hours for a file this size.
    const bytes = Buffer.concat([Buffer.alloc(5 * 1_600_000, 'a: 1\n'), Buffer.from([0xff, 0x0a])]);
    expect(parseYaml('big.yaml', bytes).issues.map((i) => [i.line, i.message])).toEqual([[1_600_001, 'the file is not valid UTF-8 text']]);
  }, 60_000);

  it('a list of more values than fit in memory is refused before it is parsed', async () => {
    const { MAX_VALUES } = await import('../../src/load/yaml.js');
    const text = 'a: [' + '0,'.repeat(MAX_VALUES) + '0]\n';
    expect(issues(text)).toEqual([[1, 1, 'the file holds more than 2,500,000 values, more than complyflow reads']]);
  }, 120_000);

  it('an output too large for a string is a plain message, exit 2, not an internal error', async () => {
    const render = await import('../../src/render/output.js');
    const spy = vi.spyOn(render, 'renderReportOutput').mockImplementation(() => {
      throw new RangeError('Invalid string length');
    });
    let stderr = '';
    const code = await main(['check', join(ROOT, 'examples', 'starfall', 'flow.yaml'), '--as-of', '2026-11-25'], {
      cwd: dir,
      stdout: () => {},
      stderr: (t) => void (stderr += t),
      today: () => '2026-11-25',
    });
    spy.mockRestore();
    expect(code).toBe(2);
    expect(stderr).toMatch(/the output is too large to make in memory/);
  });

  it('prints at most 100 problems, then how many more', async () => {
    const flow = join(dir, 'many.yaml');
    writeFileSync(flow, 'version: 1\ngame:\n' + Array.from({ length: 12_445 }, (_, i) => `  k${i}: 1\n`).join(''));
    let stderr = '';
    const code = await main(['validate', flow], { cwd: dir, stdout: () => {}, stderr: (t) => void (stderr += t), today: () => '2026-11-25' });
    expect(code).toBe(2);
    const lines = stderr.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('many.yaml:'))).toHaveLength(100);
    expect(stderr).toMatch(/\n… and 12,\d{3} more\n/);
  });
});

describe('files that hold no YAML value, or not as we read it, say so', () => {
  it.each([
    ['empty', '', 'the file is empty'],
    ['whitespace only', '  \n\n\t\n', 'the file is empty (only blank space)'],
    ['BOM only', Buffer.from([0xef, 0xbb, 0xbf]), 'the file is empty (only a byte-order mark)'],
    ['comments only', '# a comment\n  # another\n', 'the file holds only comments, no YAML value'],
    ['UTF-16 LE with BOM', Buffer.from('\ufeffversion: 1\n', 'utf16le'), 'the file is UTF-16 text, not UTF-8'],
    ['UTF-16 LE without BOM', Buffer.from('version: 1\n', 'utf16le'), 'the file is UTF-16 text, not UTF-8'],
  ])('%s: at 1:1', (_name, content, message) => {
    expect(issues(content)).toEqual([[1, 1, message]]);
  });

  it('CR-only line endings are read as line ends', () => {
    const r = parseYaml('f.yaml', Buffer.from('a: 1\rb: [x]\rc: 3\r'));
    expect(r.issues).toEqual([]);
    expect(r.value).toEqual({ a: 1, b: ['x'], c: 3 });
    expect(issues('a: 1\rb: 2\ra: 3\r')).toEqual([[3, 1, 'the key "a" is given twice in this mapping']]);
  });

  it('columns count characters, not bytes or UTF-16 units', () => {
    expect(issues('{😀: 1, a: 1, a: 2}\n')).toEqual([[1, 14, 'the key "a" is given twice in this mapping']]);
    expect(issues(Buffer.concat([Buffer.from('é😀 '), Buffer.from([0xff])]))[0]!.slice(0, 2)).toEqual([1, 4]);
  });

  it('numbers no count means are named for what they are', () => {
    expect(issues('a: 1e400\nb: .nan\nc: -.inf\nd: -0\ne: 0\n')).toEqual([
      [1, 4, '1e400 is too large a number'],
      [2, 4, '.nan is YAML for "not a number"; write a number'],
      [3, 4, '-.inf is YAML for infinity; write a number'],
      [4, 4, '-0 is negative zero; write 0'],
    ]);
  });

  it('a second document: one document per file, in our words', () => {
    expect(issues('a: 1\n---\nb: 2\n')).toEqual([[2, 1, 'a second YAML document starts here; give one document per file']]);
  });

  it('an unknown tag is refused where it stands', () => {
    expect(issues('a: 1\nb: !secret x\n')).toEqual([[2, 4, 'unknown YAML tag !secret']]);
  });

  it('an absurd retention period is named for what it is', async () => {
    const { loadFlow } = await import('../../src/load/flow.js');
    const { loadTaxonomy } = await import('../../src/load/taxonomy.js');
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(join(ROOT, 'examples', 'starfall', 'flow.yaml'), 'utf8');
    const at = text.indexOf('retention:');
    expect(at).toBeGreaterThan(0);
    const absurd = text.slice(0, at) + text.slice(at).replace(/retention: \S+/, 'retention: P99999999999999999999999Y');
    const r = loadFlow('f.yaml', loadTaxonomy(), absurd);
    expect(r.issues.map((i) => i.message)).toEqual(['retention "P99999999999999999999999Y" is longer than 1,000 years']);
    expect(loadFlow('f.yaml', loadTaxonomy(), text).issues).toEqual([]);
  });
});
