// The checklist workbook as a person prints and works it: numbers as numbers, landscape one page wide with
// the header on every page, checklist rows worst first then by market.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli, EXAMPLE } from './run.js';

const SEVERITIES = ['critical', 'high', 'medium', 'low'];

describe('checklist XLSX for reading and printing', () => {
  it('numbers, print setup and order', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'complyflow-xlsx-reading-')), 'c.xlsx');
    expect(cli(['check', EXAMPLE, '--as-of', '2026-11-25', '--format', 'xlsx', '--out', file]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const plan = wb.getWorksheet('Work plan')!;
    expect(plan.getRow(2).getCell(1).value).toBe(1);
    expect(typeof wb.getWorksheet('Progress')!.getRow(2).getCell(4).value).toBe('number');
    const checklist = wb.getWorksheet('Checklist')!;
    for (const ws of [plan, checklist])
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    const header = (checklist.getRow(1).values as unknown[]).map(String);
    const [sev, jur] = [header.indexOf('Severity'), header.indexOf('Jurisdiction')];
    const keys: Array<[number, string]> = [];
    checklist.eachRow((row, n) => {
      if (n > 1) keys.push([SEVERITIES.indexOf(String(row.getCell(sev).value)), String(row.getCell(jur).value)]);
    });
    expect(keys.length).toBeGreaterThan(10);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    expect(keys).toEqual(sorted);
    expect(new Set(keys.map((k) => k[0])).size).toBeGreaterThan(1);
  });
});
