// XLSX output with exceljs's streaming writer: a cover sheet, then one sheet
// per vendor (or one checklist sheet), frozen header, wrapped text, readable
// widths. Rows go to the zip as they are added: a portfolio's workbook model
// took gigabytes. Output is byte-for-byte deterministic: document dates come
// from the report's as-of date, and so do the zip entry timestamps
// (see stampZipEntries).
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Report } from '../core/types.js';
import { CHECKLIST_CSV_HEADER, checklistRows, uncoveredRows } from './csv.js';
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

type ZipAppend = (source: unknown, data: { name: string; date?: Date }) => unknown;
type WriterInternals = { zip: { append: ZipAppend }; created: Date };
const datedZips = new WeakSet<object>();

/**
 * exceljs's streaming writer zips with archiver, which stamps every entry
 * with the current time; each entry here gets the workbook's created date
 * (the as-of date) instead, so the archive depends on the input only. The
 * writer's constructor already appends entries, so the stamping starts in
 * the first methods it calls there.
 */
function stampZipEntries(writer: object): void {
  const { zip, created } = writer as WriterInternals;
  if (datedZips.has(zip)) return;
  datedZips.add(zip);
  const append = zip.append.bind(zip);
  zip.append = (source, data) => append(source, { ...data, date: created });
}

class DatedWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  override addThemes(): Promise<void> {
    stampZipEntries(this);
    return super.addThemes();
  }
  override addOfficeRels(): Promise<void> {
    stampZipEntries(this);
    return super.addOfficeRels();
  }
}

/** Rows written between pauses that let the zip compress what was written (a sheet's XML is not held whole). */
const ROWS_PER_PAUSE = 100;

/**
 * A workbook written as it is built: each row goes to the zip when added, so
 * memory holds the zipped bytes and a few rows, never the workbook's model.
 */
class StreamedWorkbook {
  private readonly chunks: Buffer[] = [];
  private readonly out = new PassThrough();
  private readonly drained: Promise<void>;
  private readonly writer: ExcelJS.stream.xlsx.WorkbookWriter;
  private rowsWritten = 0;

  constructor(asOf: string) {
    this.out.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.drained = new Promise((resolve, reject) => {
      this.out.on('end', resolve);
      this.out.on('error', reject);
    });
    const date = asOfDate(asOf);
    const options = {
      stream: this.out,
      useStyles: true,
      useSharedStrings: false,
      creator: 'complyflow',
      lastModifiedBy: 'complyflow',
      created: date,
      modified: date,
    };
    this.writer = new DatedWorkbookWriter(options);
  }

  /** A sheet; views and page setup are written when the sheet opens, so they are given here. */
  sheet(name: string, options: Partial<ExcelJS.AddWorksheetOptions> = {}): ExcelJS.Worksheet {
    return this.writer.addWorksheet(name, options);
  }

  /** Adds a row, styles it, and commits it (it cannot be changed after). */
  async row(ws: ExcelJS.Worksheet, values: ReadonlyArray<string | number>, style?: (row: ExcelJS.Row) => void): Promise<void> {
    const row = ws.addRow(values.map(cell));
    style?.(row);
    row.commit();
    if (++this.rowsWritten % ROWS_PER_PAUSE === 0) await new Promise((resolve) => setImmediate(resolve));
  }

  async bytes(): Promise<Uint8Array> {
    await this.writer.commit();
    await this.drained;
    const buf = Buffer.concat(this.chunks);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  }
}

/**
 * Every cell of every sheet: neutralised, and cut to what Excel holds. Empty
 * text is a blank cell: without shared strings an empty string is written as
 * an empty value, which readers take for a blank anyway.
 */
const cell = (v: string | number): string | number | null => (v === '' ? null : typeof v === 'string' ? fitExcelCell(neutralizeCell(v)) : v);

const bold = (row: ExcelJS.Row) => {
  row.font = { bold: true };
};
const wrapped = { alignment: { wrapText: true, vertical: 'top' } } as const;

/**
 * A sheet holding one table: bold frozen header, wrapped text, fixed widths,
 * a filter on the header, printed landscape one page wide with the header on
 * every page. `beforeCommit` adds what the sheet ends with (data validations).
 */
async function addTable(
  book: StreamedWorkbook,
  name: string,
  columns: ReadonlyArray<{ header: string; width: number }>,
  rows: Iterable<ReadonlyArray<string | number>>,
  beforeCommit?: (ws: ExcelJS.Worksheet) => void,
): Promise<void> {
  const ws = book.sheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    // Printed as a table is read: landscape, one page wide, the header row on every page.
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  ws.columns = columns.map((c) => ({ header: cell(c.header) as string, width: c.width, style: wrapped }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  head.commit();
  for (const r of rows) await book.row(ws, r);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  beforeCommit?.(ws);
  ws.commit();
}

const COVER_WIDTHS = [22, 30, 16, 24, 18, 11, 31];

/** The cover sheet, left open: the questionnaire adds its vendor table to it. */
async function addCover(book: StreamedWorkbook, title: string, facts: Array<[string, string]>): Promise<ExcelJS.Worksheet> {
  const ws = book.sheet(COVER_SHEET);
  ws.columns = COVER_WIDTHS.map((width) => ({ width, style: wrapped }));
  await book.row(ws, [title], (row) => {
    row.font = { bold: true, size: 14 };
  });
  for (const [k, v] of facts)
    await book.row(ws, [k, v], (row) => {
      row.getCell(1).font = { bold: true };
    });
  await book.row(ws, []);
  return ws;
}

/** The questionnaire workbook: cover (game, as-of, disclaimer, vendors), then a sheet per vendor. */
export async function renderQuestionnaireXlsx(doc: Questionnaire): Promise<Uint8Array> {
  const book = new StreamedWorkbook(doc.asOf);
  const cover = await addCover(book, `Vendor questionnaire: ${doc.game.name}`, [
    ['Game', `${doc.game.name} (${doc.game.id})`],
    ['As of', doc.asOf],
    ['Generated by', `${doc.tool.name} ${doc.tool.version}`],
    ['Disclaimer', doc.disclaimer],
    [
      'How to answer',
      'Fill in the Answer and Notes columns on each vendor sheet. Keep the Question id column and the sheet names unchanged so the answers can be read back.',
    ],
  ]);
  await book.row(cover, COVER_VENDOR_HEADER, bold);
  const taken = new Set<string>();
  const names = doc.vendors.map((v) => sheetName(v.name, taken, v.id));
  for (const [i, v] of doc.vendors.entries())
    await book.row(cover, [v.id, v.name, v.role, v.services.join(', '), v.regions.join(', '), v.questions.length, names[i]!]);
  // the legend of the short names in "Why we ask"; no row of it names a sheet, so the answers reader passes it by
  const legend = lawLegend(doc);
  if (legend.length) {
    await book.row(cover, []);
    await book.row(cover, ['Short name', 'Law', 'Pack'], bold);
    for (const row of legend) await book.row(cover, row);
  }
  cover.commit();
  for (const [i, v] of doc.vendors.entries()) await addTable(book, names[i]!, QUESTION_COLUMNS, questionRows(v, doc));
  return book.bytes();
}

const CHECKLIST_WIDTHS = [40, 14, 10, 18, 10, 13, 12, 14, 40, 26, 30, 12, 22, 40, 60, 30, 44, 30, 30, 60];

/** The checklist workbook (`check --format xlsx`): cover, then one row per item. */
export async function renderChecklistXlsx(report: Report): Promise<Uint8Array> {
  const book = new StreamedWorkbook(report.asOf);
  const uncovered = uncoveredSentence(report.uncoveredMarkets);
  const cover = await addCover(book, `Privacy compliance checklist: ${report.game.name}`, [
    ...(uncovered ? [['Not covered', uncovered] as [string, string]] : []),
    ['Game', `${report.game.name} (${report.game.id})`],
    ['As of', report.asOf],
    ['Markets', report.markets.join(', ')],
    ['Generated by', `${report.tool.name} ${report.tool.version}`],
    ['Disclaimer', report.disclaimer],
    ['Laws', lawsHeadline(report).text],
    ['Items', String(report.summary.items)],
    ["Not verified against the law's text", notVerifiedSentence(report.summary)],
  ]);
  cover.commit();
  // The sheet a person works down: worst first, then by market; ids break ties so the order is stable.
  const sorted = [...report.items].sort(
    (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || compare(a.jurisdiction, b.jurisdiction) || compare(a.id, b.id),
  );
  // Rows are made as they are written: a portfolio has tens of thousands.
  const rows = checklistRows(report, sorted);
  // The work plan leads: a compliance owner works from tasks; the per-law checklist follows.
  await addTable(
    book,
    'Work plan',
    [
      { header: '#', width: 6 },
      { header: 'Task id', width: 40 },
      { header: 'Task', width: 50 },
      { header: 'Severity', width: 10 },
      { header: 'Determination', width: 13 },
      { header: 'Status', width: 13 },
      { header: 'Strictest deadline', width: 40 },
      { header: 'Set by', width: 30 },
      { header: 'Laws', width: 50 },
      { header: 'Items closed', width: 12 },
      { header: 'For', width: 60 },
      { header: 'Citations', width: 60 },
      { header: 'Own task because', width: 40 },
    ],
    report.plan.map((t, i) => [
      i + 1,
      t.id,
      t.title,
      t.severity,
      t.determination,
      t.status,
      t.deadline ? `${describeDuration(t.deadline.within)} of ${t.deadline.from}, to ${t.deadline.to}` : '',
      t.deadline ? t.deadline.setBy.join(', ') : '',
      t.regulations.join(', '),
      `${t.progress.closed}/${t.progress.total}`,
      t.subjects.map((s) => s.subject.id).join('; '),
      t.citations.join('; '),
      t.ownTask ?? '',
    ]),
  );
  // Each task's subjects, one row each: the work done (and marked) one purpose or vendor at a time.
  await addTable(
    book,
    'Plan subjects',
    [
      { header: 'Task id', width: 32 },
      { header: 'Subject id (mark under tasks:)', width: 48 },
      { header: 'For', width: 30 },
      { header: 'Determination', width: 13 },
      { header: 'Status', width: 13 },
      { header: 'Laws', width: 50 },
      { header: 'Items', width: 80 },
      { header: 'Evidence', width: 60 },
    ],
    (function* () {
      for (const t of report.plan)
        for (const s of t.subjects)
          yield [
            t.id,
            s.id,
            `${s.subject.type} ${s.subject.id}`,
            s.determination,
            s.status,
            s.regulations.join(', '),
            s.items.join('; '),
            s.evidence.join('; '),
          ];
    })(),
  );
  if (report.factsToGive.length)
    await addTable(
      book,
      'Facts to give',
      [
        { header: 'Fact', width: 70 },
        { header: 'Where in the flow', width: 45 },
        { header: 'Items waiting', width: 14 },
        { header: 'Settled by it alone', width: 18 },
        { header: 'Path', width: 40 },
      ],
      report.factsToGive.map((f) => [f.description, f.where, f.items, f.settles, f.fact]),
    );
  // A drop-down keeps the Status column readable back by `check --status`.
  const statusColumn = CHECKLIST_CSV_HEADER.indexOf('Status') + 1;
  // One validation over the column's range, not one per cell: a portfolio's 76,000 rows held a validation object each.
  const uncoveredRowCount = uncoveredRows(report).length;
  const firstRow = 2 + uncoveredRowCount;
  const lastRow = sorted.length + 1 + uncoveredRowCount;
  const statusDropDown = (ws: ExcelJS.Worksheet) => {
    if (lastRow < firstRow) return;
    const column = ws.getColumn(statusColumn).letter;
    (ws as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(
      `${column}${firstRow}:${column}${lastRow}`,
      {
        type: 'list',
        allowBlank: true,
        formulae: [`"${ITEM_STATUSES.join(',')}"`],
        showErrorMessage: true,
        errorTitle: 'Status',
        error: `One of ${ITEM_STATUSES.join(', ')}`,
      },
    );
  };
  await addTable(
    book,
    'Checklist',
    CHECKLIST_CSV_HEADER.map((header, k) => ({ header, width: CHECKLIST_WIDTHS[k] ?? 20 })),
    rows,
    statusDropDown,
  );
  await addTable(
    book,
    'Laws',
    [
      { header: 'Law', width: 20 },
      { header: 'Name', width: 50 },
      { header: 'Jurisdiction', width: 12 },
      { header: 'Status', width: 16 },
      { header: 'Why', width: 70 },
      { header: 'To decide, give', width: 30 },
      { header: 'In force', width: 12 },
      { header: 'Last reviewed', width: 13 },
    ],
    report.regulations.map((r) => [
      r.id,
      r.name,
      r.jurisdiction,
      r.status,
      r.reasons.join('; '),
      r.unknown.map((f) => describeFact(f, report)).join('; '),
      r.inForce,
      r.lastReviewed,
    ]),
  );
  const progress = buildProgress(report);
  const progressRow = (label: string, what: string, p: Progress) => [
    label,
    what,
    p.closed,
    p.total,
    `${p.percent}%`,
    p.done,
    p.notApplicable,
    p.inProgress,
    p.todo,
  ];
  await addTable(
    book,
    'Progress',
    ['Scope', 'Market or law', 'Closed', 'Total', '%', 'Done', 'Not applicable', 'In progress', 'To do'].map((header, k) => ({
      header,
      width: k === 1 ? 50 : 12,
    })),
    [
      progressRow('overall', 'all items', progress.overall),
      ...progress.byMarket.map((m) => progressRow('market', m.jurisdiction, m.progress)),
      ...progress.byLaw.map((l) => progressRow('law', `${l.name} (${l.id})`, l.progress)),
    ],
  );
  await addTable(
    book,
    'Matrix',
    [
      { header: 'Topic', width: 22 },
      { header: 'Strictest deadline', width: 30 },
      { header: 'Jurisdiction', width: 12 },
      { header: 'Deadline', width: 16 },
      { header: 'Items', width: 80 },
    ],
    report.matrix
      .flatMap((row) => {
        const strictest = row.strictest ? `${describeDuration(row.strictest.within)} (${row.strictest.jurisdictions.join(', ')})` : '';
        const cells = row.cells.map((c) => [row.topic, strictest, c.jurisdiction, c.deadline ? describeDuration(c.deadline) : '', c.items.join('; ')]);
        // Markets no pack covers stand beside each topic as "not covered", never as a silent gap.
        if (report.uncoveredMarkets.length) cells.push([row.topic, strictest, report.uncoveredMarkets.join(', '), '', NOT_COVERED]);
        return cells;
      })
      .concat(report.matrix.length === 0 && report.uncoveredMarkets.length ? [['every topic', '', report.uncoveredMarkets.join(', '), '', NOT_COVERED]] : []),
  );
  if (report.uncoveredMarkets.length)
    await addTable(
      book,
      'Not covered',
      [
        { header: 'Market', width: 10 },
        { header: 'Rule pack', width: 70 },
      ],
      report.uncoveredMarkets.map((m) => [m, 'none loaded: this checklist says nothing about its laws']),
    );
  if (report.unmatchedStatus.length)
    await addTable(
      book,
      'Stale status entries',
      [
        { header: 'Status entry that matches no current item', width: 80 },
        { header: 'Now one item for the game (review the status there)', width: 60 },
      ],
      staleStatusEntries(report).map((e) => [e.id, e.now ?? '']),
    );
  return book.bytes();
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
  const book = new StreamedWorkbook(asOf);
  (await addCover(book, title, facts)).commit();
  await addTable(
    book,
    sheet,
    header.map((h) => ({ header: h, width: Math.min(60, Math.max(14, h.length + 4)) })),
    rows,
  );
  return book.bytes();
}
