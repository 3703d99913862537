// Status where the user works: `check --status` reads back the checklist XLSX and CSV the tool wrote.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, EXAMPLE } from './run.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'complyflow-status-sheets-'));
});

const AS_OF = ['--as-of', '2026-11-25'];

describe('check --status from the checklist the tool wrote', () => {
  it('XLSX: a Status cell set to done (with owner and evidence) comes back as done; the Status column has a drop-down', async () => {
    const xlsx = join(dir, 'checklist.xlsx');
    expect(cli(['check', EXAMPLE, ...AS_OF, '--format', 'xlsx', '--out', xlsx]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Checklist')!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const column = (name: string): number => {
      const at = header.indexOf(name);
      expect(at, `column ${name}`).toBeGreaterThan(0);
      return at;
    };
    const [idCol, statusCol, ownerCol, evidenceCol] = [column('Item id'), column('Status'), column('Owner'), column('Evidence on file')];
    const row = ws.getRow(2);
    const itemId = String(row.getCell(idCol).value);
    expect(row.getCell(statusCol).dataValidation).toMatchObject({ type: 'list', formulae: ['"todo,in-progress,done,not-applicable"'] });
    row.getCell(statusCol).value = 'done';
    row.getCell(ownerCol).value = 'Dana';
    row.getCell(evidenceCol).value = 'dpa.pdf; audit.pdf';
    await wb.xlsx.writeFile(xlsx);
    const r = cli(['check', EXAMPLE, ...AS_OF, '--format', 'json', '--status', xlsx]);
    expect(r.stderr).toBe('');
    const item = JSON.parse(r.stdout).items.find((i: { id: string }) => i.id === itemId);
    expect(item).toMatchObject({ status: 'done', owner: 'Dana', evidenceProvided: ['dpa.pdf', 'audit.pdf'] });
  });

  it('XLSX read as a stream: a blank row keeps later rows at their sheet row number; no Checklist sheet or no workbook is a plain exit 2', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Checklist');
    ws.addRow(['Item id', 'Status']);
    ws.getRow(4).values = ['eu-gdpr/records', 'finished'];
    const gap = join(dir, 'gap.xlsx');
    await wb.xlsx.writeFile(gap);
    const r = cli(['check', EXAMPLE, ...AS_OF, '--format', 'json', '--status', gap]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Checklist!4: status "finished" for eu-gdpr/records');
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Notes').addRow(['x']);
    const noSheet = join(dir, 'no-sheet.xlsx');
    await other.xlsx.writeFile(noSheet);
    const n = cli(['check', EXAMPLE, ...AS_OF, '--format', 'json', '--status', noSheet]);
    expect(n.code).toBe(2);
    expect(n.stderr).toContain('no "Checklist" sheet');
    const junk = join(dir, 'junk.xlsx');
    writeFileSync(junk, 'not a zip at all');
    const j = cli(['check', EXAMPLE, ...AS_OF, '--format', 'json', '--status', junk]);
    expect(j.code).toBe(2);
    expect(j.stderr).toMatch(/not a readable XLSX workbook/);
    expect(j.stderr).not.toMatch(/\n\s+at /);
  });

  it('CSV: a row set to in-progress comes back; an unknown status is refused at its row, exit 2', () => {
    const csv = cli(['check', EXAMPLE, ...AS_OF, '--format', 'csv']).stdout;
    const lines = csv.trimEnd().split('\n');
    const itemId = lines[1]!.split(',')[0]!;
    const edit = (status: string) => [lines[0], lines[1]!.replace(',todo,', `,${status},`), ...lines.slice(2)].join('\n') + '\n';
    const file = join(dir, 'checklist.csv');
    writeFileSync(file, edit('in-progress'));
    const r = cli(['check', EXAMPLE, ...AS_OF, '--format', 'json', '--status', file]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).items.find((i: { id: string }) => i.id === itemId).status).toBe('in-progress');
    writeFileSync(file, edit('finished'));
    const bad = cli(['check', EXAMPLE, ...AS_OF, '--format', 'json', '--status', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/row 2: status "finished"/);
  });
});
