// The XLSX outputs of audit material: the checklist workbook's progress agrees
// with the JSON report, stale status entries are listed, the RoPA lists every
// purpose; each read back with a real spreadsheet reader (exceljs).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli, EXAMPLE } from '../cli/run.js';
import { AS_OF, checkJson, exampleFlow, scratch } from './helpers.js';

async function sheetRows(file: string, sheet: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}; sheets: ${wb.worksheets.map((w) => w.name).join(', ')}`);
  const rows: string[][] = [];
  // A blank cell reads as '' (as src/load reads it), up to the header's width.
  const width = ws.getRow(1).cellCount;
  ws.eachRow((row) => rows.push(Array.from({ length: Math.max(width, row.cellCount) }, (_, i) => String(row.getCell(i + 1).value ?? ''))));
  return rows;
}

describe('checklist workbook', () => {
  const dir = scratch();
  const report = checkJson(EXAMPLE);
  const done = report.items.slice(0, 7).map((i) => i.id);
  const status = join(dir, 'status.yaml');
  writeFileSync(
    status,
    [
      'version: 1',
      'items:',
      ...done.map((id) => `  "${id}": { status: done }`),
      '  "eu-gdpr/gone/vendor:old": { status: todo }',
      '  "us-tx-tdpsa/universal-opt-out-signal/purpose:ads": { status: done }',
    ].join('\n') + '\n',
  );

  it('shows the same progress as the JSON report, and the stale status entry', { timeout: 60_000 }, async () => {
    const out = join(dir, 'checklist.xlsx');
    const r = cli(['check', EXAMPLE, '--format', 'xlsx', '--out', out, '--as-of', AS_OF, '--status', status]);
    // The stale entries are also said at once on stderr, and nothing else is.
    expect(
      r.stderr
        .trimEnd()
        .split('\n')
        .map((l) => l.match(/the status entry "([^"]+)" matches no current item/)?.[1]),
    ).toEqual(['eu-gdpr/gone/vendor:old', 'us-tx-tdpsa/universal-opt-out-signal/purpose:ads']);
    const progress = await sheetRows(out, 'Progress');
    const overall = progress.find((row) => row[0] === 'overall')!;
    const json = checkJson(EXAMPLE, ['--status', status]);
    expect(Number(overall[2])).toBe(json.summary.byStatus.done);
    expect(Number(overall[3])).toBe(json.summary.items);
    const eu = progress.find((row) => row[0] === 'market' && row[1] === 'EU')!;
    expect(Number(eu[3])).toBe(json.items.filter((i) => i.jurisdiction === 'EU').length);
    const stale = await sheetRows(out, 'Stale status entries');
    expect(stale.slice(1)).toEqual([
      ['eu-gdpr/gone/vendor:old', ''],
      ['us-tx-tdpsa/universal-opt-out-signal/purpose:ads', 'us-tx-tdpsa/universal-opt-out-signal'],
    ]);
    const laws = await sheetRows(out, 'Laws');
    expect(laws.slice(1).map((row) => row[0])).toEqual(json.regulations.map((x) => x.id));
    expect((await sheetRows(out, 'Checklist')).length).toBe(json.items.length + 1);
  });

  it('is byte-identical across runs', { timeout: 60_000 }, () => {
    const a = join(dir, 'a.xlsx');
    const b = join(dir, 'b.xlsx');
    cli(['check', EXAMPLE, '--format', 'xlsx', '--out', a, '--as-of', AS_OF]);
    cli(['check', EXAMPLE, '--format', 'xlsx', '--out', b, '--as-of', AS_OF]);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });
});

describe('record of processing as XLSX', () => {
  it('lists every purpose, one row each', { timeout: 60_000 }, async () => {
    const dir = scratch();
    const out = join(dir, 'ropa.xlsx');
    const r = cli(['ropa', EXAMPLE, '--format', 'xlsx', '--out', out, '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    const rows = await sheetRows(out, 'Record of processing');
    expect(
      rows
        .slice(1)
        .map((row) => row[0])
        .sort(),
    ).toEqual(
      exampleFlow()
        .purposes.map((p) => p.id)
        .sort(),
    );
    expect(cli(['ropa', EXAMPLE, '--format', 'xlsx']).code).toBe(2);
  });
});
