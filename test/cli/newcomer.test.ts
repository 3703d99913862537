// Issue 20: a newcomer's path, walked end to end in a fresh folder with the
// commands the README gives: init, validate, check, status init, then status
// kept in the checklist XLSX (a Status cell edited as in Excel) and read back
// by check --status. Each step must work as written, in that order.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, ROOT } from './run.js';

/** The README's "Use it on your game" commands, by what follows `npx complyflow`, comments cut. */
function readmeCommands(): string[][] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split('## Use it on your game')[1]!.split('\n## ')[0]!;
  return section
    .split('\n')
    .filter((l) => l.trim().startsWith('npx complyflow '))
    .map((l) =>
      l
        .trim()
        .replace(/^npx complyflow /, '')
        .replace(/\s+#.*$/, '')
        .trim()
        .split(/\s+/),
    );
}

const AS_OF = ['--as-of', '2026-12-04'];

describe("a newcomer's path in a fresh folder", () => {
  it('init, validate, check, status init, status through the XLSX, check --status', { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'complyflow-newcomer-'));
    const commands = readmeCommands();
    const step = (first: string, ...rest: string[]) => {
      const found = commands.find((c) => c[0] === first && rest.every((r) => c.includes(r)));
      if (!found) throw new Error(`the README no longer shows "complyflow ${first} ${rest.join(' ')}"`);
      return found;
    };

    // init: a commented flow whose schema path resolves from where it was written
    const init = cli(step('init'), dir);
    expect(init.code).toBe(0);
    const flowFile = join(dir, 'my-game.yaml');
    const text = readFileSync(flowFile, 'utf8');
    const schema = /\$schema=(\S+)/.exec(text)![1]!;
    expect(existsSync(resolve(dirname(flowFile), schema))).toBe(true);

    // validate and check as the README writes them
    const validate = cli(step('validate'), dir);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stdout).toContain('valid');
    const check = cli([...step('check').slice(0, 2), ...AS_OF], dir);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain('is not legal advice');

    // status init: every item listed, todo
    const statusInit = cli([...step('status', 'init'), ...AS_OF], dir);
    expect(statusInit.code, statusInit.stderr).toBe(0);
    const statusYaml = parse(readFileSync(join(dir, 'status.yaml'), 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(statusYaml)).toContain('todo');

    // the checklist XLSX, a Status cell set to done as a person would in Excel
    const xlsxCmd = step('check', '--format', 'xlsx');
    expect(cli([...xlsxCmd, ...AS_OF], dir).code).toBe(0);
    const xlsx = join(dir, xlsxCmd[xlsxCmd.indexOf('--out') + 1]!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Checklist')!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const idCol = header.indexOf('Item id');
    const statusCol = header.indexOf('Status');
    const itemId = String(ws.getRow(2).getCell(idCol).value);
    ws.getRow(2).getCell(statusCol).value = 'done';
    await wb.xlsx.writeFile(xlsx);

    // check --status reads the sheet back: that item is done, nothing else changed
    const before = JSON.parse(cli(['check', 'my-game.yaml', '--format', 'json', ...AS_OF], dir).stdout);
    const after = cli(['check', 'my-game.yaml', '--format', 'json', '--status', 'checklist.xlsx', ...AS_OF], dir);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stderr).toBe('');
    const report = JSON.parse(after.stdout);
    expect(report.items.find((i: { id: string }) => i.id === itemId).status).toBe('done');
    expect(report.summary.byStatus.done).toBe(1);
    expect(report.items.length).toBe(before.items.length);

    // the release gate of the README reads the YAML status file the same way
    const gate = cli([...step('check', '--status', '--fail-on').filter((a) => a !== '--allow-uncovered'), ...AS_OF], dir);
    expect([0, 1]).toContain(gate.code);
    expect(gate.stderr).not.toMatch(/Error|at .*\.js/);
  });
});
