// Issue 20: Markdown to a terminal is the summary and where the whole report
// would go, not thousands of lines; a pipe or --out gets the whole report.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXAMPLE, ROOT } from './run.js';

async function run(args: string[], stdoutIsTerminal: boolean): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(['check', EXAMPLE, '--as-of', '2026-12-04', ...args], {
    cwd: ROOT,
    stdout: (t) => void (out += typeof t === 'string' ? t : new TextDecoder().decode(t)),
    stderr: () => {},
    today: () => '2026-12-04',
    stdoutIsTerminal,
  });
  return { code, out };
}

describe('check to a terminal', () => {
  it('prints the summary and the facts to give, then how long the whole is and how to get it', { timeout: 120_000 }, async () => {
    const piped = await run([], false);
    const tty = await run([], true);
    expect(tty.code).toBe(0);
    expect(tty.out).toContain('## Summary');
    expect(tty.out).toContain('## Facts to give');
    expect(tty.out).not.toContain('## Work plan');
    expect(tty.out.split('\n').length).toBeLessThan(80);
    const lines = piped.out.split('\n').length - 1;
    expect(tty.out).toContain(`The full checklist is ${lines.toLocaleString('en-US')} lines`);
    expect(tty.out).toContain('--out starfall-checklist.md');
    // a pipe gets the whole, beginning with the same summary
    expect(piped.out).toContain('## Work plan');
    expect(piped.out.startsWith(tty.out.split('\n---\n')[0]!.trimEnd())).toBe(true);
  });

  it('--out writes the whole report even from a terminal; other formats are never cut', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'complyflow-terminal-'));
    const file = join(dir, 'c.md');
    const r = await run(['--out', file], true);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('## Work plan');
    const json = await run(['--format', 'json'], true);
    expect(JSON.parse(json.out).items.length).toBeGreaterThan(100);
  });
});
