// XLSX output with exceljs: a cover sheet, then one sheet per vendor (or one
// checklist sheet), frozen header, wrapped text, readable widths. Output is
// byte-for-byte deterministic: document dates come from the report's as-of
// date, and so do the zip entry timestamps (see withZipDate).
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import type { Report } from '../core/types.js';
import { CHECKLIST_CSV_HEADER, uncoveredRows } from './csv.js';
import { lawsHeadline, notVerifiedSentence } from '../core/summary.js';
import { buildProgress, type Progress } from './progress.js';
import { describeDuration } from '../core/duration.js';
import { fitExcelCell, neutralizeCell } from '../core/cells.js';
import { describeFact } from '../core/facts.js';
import { lawLegend, QUESTION_COLUMNS, questionRows, type Questionnaire } from './questionnaire.js';
import { staleStatusEntries } from './view.js';
import { ITEM_STATUSES, SEVERITIES } from '../core/types.js';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
import { uncoveredSentence } from '../core/coverage.js';

const NOT_COVERED = 'not covered';

export const COVER_SHEET = 'Cover';
/** The header of the cover sheet's vendor table; readers find the table by it. */
export const COVER_VENDOR_HEADER = ['Vendor id', 'Vendor', 'Role', 'Services', 'Regions', 'Questions', 'Sheet'] as const;

const RESERVED = new Set([COVER_SHEET.toLowerCase(), 'history']);

/**
 * Excel sheet names: at most 31 characters, none of []:*?/\, no control
 * characters, no leading or trailing apostrophe, unique ignoring case.
 */
export function sheetName(wanted: string, taken: Set<string>, fallback = 'Sheet'): string {
  const base =
    wanted
      .replace(/[\u0000-\u001f\u007f[\]:*?/\\]/g, ' ')
      .replace(/^[\s'=+\-@]+|[\s']+$/g, '')
      .replace(/\s+/g, ' ')
      .slice(0, 31)
      .trim() || fallback;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()) || RESERVED.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = base.slice(0, 31 - suffix.length).trimEnd() + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

function asOfDate(asOf: string): Date {
  return new Date(`${asOf}T00:00:00Z`);
}

function newWorkbook(asOf: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'complyflow';
  wb.lastModifiedBy = 'complyflow';
  wb.created = asOfDate(asOf);
  wb.modified = asOfDate(asOf);
  wb.calcProperties.fullCalcOnLoad = false;
  return wb;
}

/** Every cell of every sheet: neutralised, and cut to what Excel holds. */
const cell = (v: string | number) => (typeof v === 'string' ? fitExcelCell(neutralizeCell(v)) : v);

/** A sheet holding one table: bold frozen header, wrapped text, fixed widths. */
function addTable(wb: ExcelJS.Workbook, name: string, columns: ReadonlyArray<{ header: string; width: number }>, rows: ReadonlyArray<ReadonlyArray<string | number>>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  ws.columns = columns.map((c) => ({ header: cell(c.header) as string, width: c.width, style: { alignment: { wrapText: true, vertical: 'top' } } }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  for (const r of rows) ws.addRow(r.map(cell));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  // Printed as a table is read: landscape, one page wide, the header row on every page.
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
  return ws;
}

function addCover(wb: ExcelJS.Workbook, title: string, facts: Array<[string, string]>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(COVER_SHEET);
  ws.columns = [
    { width: 22, style: { alignment: { wrapText: true, vertical: 'top' } } },
    { width: 30, style: { alignment: { wrapText: true, vertical: 'top' } } },
    { width: 16, style: { alignment: { wrapText: true, vertical: 'top' } } },
    { width: 24, style: { alignment: { wrapText: true, vertical: 'top' } } },
    { width: 18, style: { alignment: { wrapText: true, vertical: 'top' } } },
    { width: 11, style: { alignment: { wrapText: true, vertical: 'top' } } },
    { width: 31, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ];
  ws.addRow([cell(title)]).font = { bold: true, size: 14 };
  for (const [k, v] of facts) ws.addRow([cell(k), cell(v)]).getCell(1).font = { bold: true };
  ws.addRow([]);
  return ws;
}

type Jszip = { defaults: { date: Date | null } };
let jszip: Jszip | undefined;
/** The JSZip instance exceljs packs with (its own dependency, resolved from exceljs). */
function exceljsZip(): Jszip | undefined {
  if (jszip) return jszip;
  try {
    const req = createRequire(createRequire(import.meta.url).resolve('exceljs'));
    jszip = req('jszip') as Jszip;
  } catch {
    jszip = undefined;
  }
  return jszip;
}

/**
 * exceljs zips with JSZip, which stamps every entry with the current time
 * unless told otherwise; setting JSZip's default date for the duration of
 * the write makes the archive depend on the as-of date only.
 */
async function withZipDate<T>(date: Date, write: () => Promise<T>): Promise<T> {
  const z = exceljsZip();
  if (!z) return write();
  const before = z.defaults.date;
  z.defaults.date = date;
  try {
    return await write();
  } finally {
    z.defaults.date = before;
  }
}

async function toBytes(wb: ExcelJS.Workbook, asOf: string): Promise<Uint8Array> {
  const buf = await withZipDate(asOfDate(asOf), () => wb.xlsx.writeBuffer());
  return new Uint8Array(buf as ArrayBuffer);
}

/** The questionnaire workbook: cover (game, as-of, disclaimer, vendors), then a sheet per vendor. */
export async function renderQuestionnaireXlsx(doc: Questionnaire): Promise<Uint8Array> {
  const wb = newWorkbook(doc.asOf);
  const cover = addCover(wb, `Vendor questionnaire: ${doc.game.name}`, [
    ['Game', `${doc.game.name} (${doc.game.id})`],
    ['As of', doc.asOf],
    ['Generated by', `${doc.tool.name} ${doc.tool.version}`],
    ['Disclaimer', doc.disclaimer],
    ['How to answer', 'Fill in the Answer and Notes columns on each vendor sheet. Keep the Question id column and the sheet names unchanged so the answers can be read back.'],
  ]);
  cover.addRow(COVER_VENDOR_HEADER.map(cell)).font = { bold: true };
  const taken = new Set<string>();
  const names = doc.vendors.map((v) => sheetName(v.name, taken, v.id));
  doc.vendors.forEach((v, i) => {
    cover.addRow([v.id, v.name, v.role, v.services.join(', '), v.regions.join(', '), v.questions.length, names[i]!].map(cell));
  });
  // the legend of the short names in "Why we ask"; no row of it names a sheet, so the answers reader passes it by
  const legend = lawLegend(doc);
  if (legend.length) {
    cover.addRow([]);
    cover.addRow(['Short name', 'Law', 'Pack'].map(cell)).font = { bold: true };
    for (const row of legend) cover.addRow(row.map(cell));
  }
  doc.vendors.forEach((v, i) => addTable(wb, names[i]!, QUESTION_COLUMNS, questionRows(v, doc)));
  return toBytes(wb, doc.asOf);
}

const CHECKLIST_WIDTHS = [40, 14, 10, 18, 10, 13, 12, 14, 40, 26, 30, 12, 22, 40, 60, 30, 44, 30, 30];

/** The checklist workbook (`check --format xlsx`): cover, then one row per item. */
export async function renderChecklistXlsx(report: Report): Promise<Uint8Array> {
  const wb = newWorkbook(report.asOf);
  const uncovered = uncoveredSentence(report.uncoveredMarkets);
  addCover(wb, `Privacy compliance checklist: ${report.game.name}`, [
    ...(uncovered ? [['Not covered', uncovered] as [string, string]] : []),
    ['Game', `${report.game.name} (${report.game.id})`],
    ['As of', report.asOf],
    ['Markets', report.markets.join(', ')],
    ['Generated by', `${report.tool.name} ${report.tool.version}`],
    ['Disclaimer', report.disclaimer],
    ['Laws', lawsHeadline(report).text],
    ['Items', String(report.summary.items)],
    ['Not verified against the law\'s text', notVerifiedSentence(report.summary)],
  ]);
  // The sheet a person works down: worst first, then by market; ids break ties so the order is stable.
  const sorted = [...report.items].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || compare(a.jurisdiction, b.jurisdiction) || compare(a.id, b.id));
  const rows = sorted.map((i) => [
    i.id, i.regulation, i.jurisdiction, i.topic, i.severity, i.determination, i.status, i.owner ?? '',
    i.title, i.citation, i.url ?? '', i.verification, `${i.subject.type}:${i.subject.id}`, i.because.join('; '), i.action,
    i.deadline ? `${i.deadline.within} from ${i.deadline.from}, to ${i.deadline.to}` : '',
    i.evidence.join('; '), i.evidenceProvided.join('; '), i.unknown.map((f) => describeFact(f, report)).join('; '),
  ]);
  // The work plan leads: a compliance owner works from tasks; the per-law checklist follows.
  addTable(
    wb,
    'Work plan',
    [
      { header: '#', width: 6 }, { header: 'Task id', width: 40 }, { header: 'Task', width: 50 }, { header: 'Severity', width: 10 },
      { header: 'Determination', width: 13 }, { header: 'Status', width: 13 }, { header: 'Strictest deadline', width: 40 },
      { header: 'Set by', width: 30 }, { header: 'Laws', width: 50 }, { header: 'Items closed', width: 12 }, { header: 'Items', width: 80 }, { header: 'Citations', width: 60 },
      { header: 'Evidence', width: 60 }, { header: 'Own task because', width: 40 },
    ],
    report.plan.map((t, i) => [
      i + 1, t.id, t.title, t.severity, t.determination, t.status,
      t.deadline ? `${describeDuration(t.deadline.within)} of ${t.deadline.from}, to ${t.deadline.to}` : '', t.deadline ? t.deadline.setBy.join(', ') : '',
      t.regulations.join(', '), `${t.progress.closed}/${t.progress.total}`, t.items.join('; '), t.citations.join('; '),
      t.evidence.join('; '), t.ownTask ?? '',
    ]),
  );
  if (report.factsToGive.length)
    addTable(
      wb,
      'Facts to give',
      [{ header: 'Fact', width: 70 }, { header: 'Where in the flow', width: 45 }, { header: 'Items waiting', width: 14 }, { header: 'Settled by it alone', width: 18 }, { header: 'Path', width: 40 }],
      report.factsToGive.map((f) => [f.description, f.where, f.items, f.settles, f.fact]),
    );
  const checklist = addTable(wb, 'Checklist', CHECKLIST_CSV_HEADER.map((header, k) => ({ header, width: CHECKLIST_WIDTHS[k] ?? 20 })), [...uncoveredRows(report), ...rows]);
  // A drop-down keeps the Status column readable back by `check --status`.
  const statusColumn = CHECKLIST_CSV_HEADER.indexOf('Status') + 1;
  // One validation over the column's range, not one per cell: a portfolio's 76,000 rows held a validation object each.
  const firstRow = 2 + uncoveredRows(report).length;
  const lastRow = rows.length + 1 + uncoveredRows(report).length;
  if (lastRow >= firstRow) {
    const column = checklist.getColumn(statusColumn).letter;
    (checklist as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(`${column}${firstRow}:${column}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${ITEM_STATUSES.join(',')}"`],
      showErrorMessage: true,
      errorTitle: 'Status',
      error: `One of ${ITEM_STATUSES.join(', ')}`,
    });
  }
  addTable(
    wb,
    'Laws',
    [{ header: 'Law', width: 20 }, { header: 'Name', width: 50 }, { header: 'Jurisdiction', width: 12 }, { header: 'Status', width: 16 }, { header: 'Why', width: 70 }, { header: 'To decide, give', width: 30 }, { header: 'In force', width: 12 }, { header: 'Last reviewed', width: 13 }],
    report.regulations.map((r) => [r.id, r.name, r.jurisdiction, r.status, r.reasons.join('; '), r.unknown.map((f) => describeFact(f, report)).join('; '), r.inForce, r.lastReviewed]),
  );
  const progress = buildProgress(report);
  const progressRow = (label: string, what: string, p: Progress) => [label, what, p.closed, p.total, `${p.percent}%`, p.done, p.notApplicable, p.inProgress, p.todo];
  addTable(
    wb,
    'Progress',
    ['Scope', 'Market or law', 'Closed', 'Total', '%', 'Done', 'Not applicable', 'In progress', 'To do'].map((header, k) => ({ header, width: k === 1 ? 50 : 12 })),
    [
      progressRow('overall', 'all items', progress.overall),
      ...progress.byMarket.map((m) => progressRow('market', m.jurisdiction, m.progress)),
      ...progress.byLaw.map((l) => progressRow('law', `${l.name} (${l.id})`, l.progress)),
    ],
  );
  addTable(
    wb,
    'Matrix',
    [{ header: 'Topic', width: 22 }, { header: 'Strictest deadline', width: 30 }, { header: 'Jurisdiction', width: 12 }, { header: 'Deadline', width: 16 }, { header: 'Items', width: 80 }],
    report.matrix.flatMap((row) => {
      const strictest = row.strictest ? `${describeDuration(row.strictest.within)} (${row.strictest.jurisdictions.join(', ')})` : '';
      const cells = row.cells.map((c) => [row.topic, strictest, c.jurisdiction, c.deadline ? describeDuration(c.deadline) : '', c.items.join('; ')]);
      // Markets no pack covers stand beside each topic as "not covered", never as a silent gap.
      if (report.uncoveredMarkets.length) cells.push([row.topic, strictest, report.uncoveredMarkets.join(', '), '', NOT_COVERED]);
      return cells;
    }).concat(report.matrix.length === 0 && report.uncoveredMarkets.length ? [['every topic', '', report.uncoveredMarkets.join(', '), '', NOT_COVERED]] : []),
  );
  if (report.uncoveredMarkets.length)
    addTable(
      wb,
      'Not covered',
      [{ header: 'Market', width: 10 }, { header: 'Rule pack', width: 70 }],
      report.uncoveredMarkets.map((m) => [m, 'none loaded: this checklist says nothing about its laws']),
    );
  if (report.unmatchedStatus.length)
    addTable(
      wb,
      'Stale status entries',
      [
        { header: 'Status entry that matches no current item', width: 80 },
        { header: 'Now one item for the game (review the status there)', width: 60 },
      ],
      staleStatusEntries(report).map((e) => [e.id, e.now ?? '']),
    );
  return toBytes(wb, report.asOf);
}

/** Any table as a workbook (the record of processing): a cover, then the table. */
export async function renderTableXlsx(
  title: string,
  facts: Array<[string, string]>,
  sheet: string,
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string>>,
  asOf: string,
): Promise<Uint8Array> {
  const wb = newWorkbook(asOf);
  addCover(wb, title, facts);
  addTable(wb, sheet, header.map((h) => ({ header: h, width: Math.min(60, Math.max(14, h.length + 4)) })), rows);
  return toBytes(wb, asOf);
}
