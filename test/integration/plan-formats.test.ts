// Issue 18: marking one task (or one subject of it) done closes its items in every format, and the
// progress numbers agree across formats: JSON, Markdown, HTML, CSV and the XLSX a compliance owner opens.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, EXAMPLE } from '../cli/run.js';

interface Task {
  id: string;
  status: string;
  progress: { closed: number; total: number };
  subjects: Array<{ id: string; items: string[]; status: string }>;
}
let dir: string;
let report: { items: Array<{ id: string; status: string }>; plan: Task[]; summary: { byStatus: Record<string, number> } };
const TASK = 'breach-notification/game';
const SUBJECT = 'impact-assessment/purpose:ads';
const run = (format: string) => {
  const out = join(dir, `report.${format}`);
  const r = cli(['check', EXAMPLE, '--as-of', '2026-11-25', '--status', join(dir, 'status.yaml'), '--format', format, '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  return out;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'complyflow-plan-formats-'));
  writeFileSync(
    join(dir, 'status.yaml'),
    ['version: 1', 'items: {}', 'tasks:', `  "${TASK}": { status: done, evidence: [runbook.pdf] }`, `  "${SUBJECT}": { status: done }`, ''].join('\n'),
  );
  report = JSON.parse(readFileSync(run('json'), 'utf8'));
});

describe('a task marked done, in every format', () => {
  it('JSON: the task and the subject are done, with every item they hold', () => {
    const task = report.plan.find((t) => t.id === TASK)!;
    expect(task.status).toBe('done');
    expect(task.progress.closed).toBe(task.progress.total);
    const ids = new Set([
      ...task.subjects.flatMap((s) => s.items),
      ...report.plan.flatMap((t) => t.subjects.filter((s) => s.id === SUBJECT).flatMap((s) => s.items)),
    ]);
    expect(ids.size).toBeGreaterThan(5);
    for (const item of report.items) expect(item.status === 'done', item.id).toBe(ids.has(item.id));
    expect(report.summary.byStatus.done).toBe(ids.size);
  });

  it('Markdown and HTML: the same tasks closed and the same items done', () => {
    const closedTasks = report.plan.filter((t) => t.status === 'done').length;
    const done = report.summary.byStatus.done!;
    const md = readFileSync(run('md'), 'utf8');
    expect(md).toContain(`Progress: **${closedTasks} of ${report.plan.length} tasks closed**`);
    expect(md).toContain(`done ${done}`);
    const html = readFileSync(run('html'), 'utf8');
    expect(html.match(/<article class="item[^>]*data-status="done"/g)?.length).toBe(done);
    expect(html.match(/<tr class="task"[^>]*data-status="done"/g)?.length).toBe(closedTasks);
  });

  it('CSV and XLSX: the checklist rows done are the items done; the plan sheets agree', async () => {
    const done = report.summary.byStatus.done!;
    const rows: Record<string, string>[] = parse(readFileSync(run('csv'), 'utf8'), { columns: true, bom: true });
    expect(rows.filter((r) => r['Status'] === 'done').length).toBe(done);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(run('xlsx')) as unknown as ArrayBuffer);
    const column = (sheet: string, header: string) => {
      const ws = wb.getWorksheet(sheet)!;
      const at = (ws.getRow(1).values as unknown[]).map(String).indexOf(header);
      const values: string[] = [];
      ws.eachRow((row, n) => void (n > 1 && values.push(String(row.getCell(at).value))));
      return values;
    };
    expect(column('Checklist', 'Status').filter((s) => s === 'done').length).toBe(done);
    expect(column('Work plan', 'Status').filter((s) => s === 'done').length).toBe(report.plan.filter((t) => t.status === 'done').length);
    const subjects = column('Plan subjects', 'Subject id (mark under tasks:)');
    expect(subjects.length).toBe(report.plan.reduce((n, t) => n + t.subjects.length, 0));
    expect(column('Plan subjects', 'Status')[subjects.indexOf(SUBJECT)]).toBe('done');
  });
});
