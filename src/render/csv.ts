// CSV output (csv-stringify; reading back is src/load/spreadsheet.ts): RFC 4180, CRLF, UTF-8
// with a byte order mark so spreadsheet programs pick the right encoding.
// Every cell goes through neutralizeCell (formula injection).
import { stringify } from 'csv-stringify/sync';
import type { Report, ReportItem } from '../core/types.js';
import { uncoveredSentence } from '../core/coverage.js';
import { neutralizeCell } from '../core/cells.js';
import { describeFact } from '../core/facts.js';
import { QUESTION_COLUMNS, questionRows, VENDOR_COLUMNS, type Questionnaire } from './questionnaire.js';

/** Rows stringified at a time: a portfolio's checklist is tens of thousands of rows, its CSV tens of megabytes. */
const ROWS_PER_PIECE = 1000;

/**
 * A table of text cells as CSV, the one way every CSV is written: every cell
 * neutralised, and every cell with a line break or tab quoted (a lone CR or LF
 * ends a row for some readers; a tab separates cells for others). In pieces of
 * whole rows; joined, they are the table as one text.
 */
export function* csvPieces(header: readonly string[], rows: Iterable<readonly string[]>): Generator<string> {
  let batch: (readonly string[])[] = [header];
  let first = true;
  const piece = () => {
    const text = stringify(
      batch.map((r) => r.map((c) => neutralizeCell(c))),
      { bom: first, record_delimiter: 'windows', quoted_match: /[\r\n\t]/ },
    );
    first = false;
    batch = [];
    return text;
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= ROWS_PER_PIECE) yield piece();
  }
  if (batch.length) yield piece();
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [...csvPieces(header, rows)].join('');
}

/** The questionnaire as one table: a row per vendor and question, with empty answer and notes columns. */
export function renderQuestionnaireCsv(doc: Questionnaire): string {
  const header = [...VENDOR_COLUMNS, ...QUESTION_COLUMNS].map((c) => c.header);
  const rows = doc.vendors.flatMap((v) => questionRows(v, doc).map((r) => [v.id, v.name, ...r]));
  return toCsv(header, rows);
}

export const CHECKLIST_CSV_HEADER = [
  'Item id',
  'Regulation',
  'Jurisdiction',
  'Topic',
  'Severity',
  'Determination',
  'Status',
  'Owner',
  'Title',
  'Citation',
  'URL',
  'Verification',
  'Subject',
  'Why',
  'Action',
  'Deadline',
  'Evidence expected',
  'Evidence on file',
  'To decide, give',
  'Not modelled',
] as const;

/** Item id of the row that leads the checklist table when offered markets have no rule pack. */
export const UNCOVERED_ROW_ID = 'uncovered-markets';

/**
 * The first row of the checklist table when offered markets have no rule
 * pack (none when all are covered): a table read row by row must say so too.
 */
export function uncoveredRows(report: Report): string[][] {
  if (report.uncoveredMarkets.length === 0) return [];
  const row = CHECKLIST_CSV_HEADER.map(() => '');
  const set = (column: (typeof CHECKLIST_CSV_HEADER)[number], value: string) => (row[CHECKLIST_CSV_HEADER.indexOf(column)] = value);
  set('Item id', UNCOVERED_ROW_ID);
  set('Jurisdiction', report.uncoveredMarkets.join(', '));
  set('Topic', 'scope');
  set('Determination', 'not-covered');
  set('Title', uncoveredSentence(report.uncoveredMarkets));
  set('Action', "Check these markets' laws another way, or load a rule pack that covers them (--rules), before launching there.");
  return [row];
}

/** The checklist (`check --format csv`): one row per item, after the row naming uncovered markets, if any. */
export function renderChecklistCsv(report: Report): string {
  return [...checklistCsvPieces(report)].join('');
}

/** The checklist CSV in pieces, its rows made as they are written. */
export function checklistCsvPieces(report: Report): Generator<string> {
  return csvPieces(CHECKLIST_CSV_HEADER, checklistRows(report));
}

/** One item as a checklist row, in the order of CHECKLIST_CSV_HEADER (the CSV and the XLSX sheet share it). */
function checklistRow(i: ReportItem, report: Report): string[] {
  return [
    i.id,
    i.regulation,
    i.jurisdiction,
    i.topic,
    i.severity,
    i.determination,
    i.status,
    i.owner ?? '',
    i.title,
    i.citation,
    i.url ?? '',
    i.verification,
    `${i.subject.type}:${i.subject.id}`,
    i.because.join('; '),
    i.action,
    i.deadline ? `${i.deadline.within} from ${i.deadline.from}, to ${i.deadline.to}` : '',
    i.evidence.join('; '),
    i.evidenceProvided.join('; '),
    i.unknown.map((f) => describeFact(f, report)).join('; '),
    (i.notModelled ?? []).map((n) => `${n.provision}: ${n.says} (${n.why})`).join('; '),
  ];
}

/** The checklist's rows, made as they are written: the uncovered-markets row, then the items (in the report's order unless given). */
export function* checklistRows(report: Report, items: Iterable<ReportItem> = report.items): Generator<string[]> {
  yield* uncoveredRows(report);
  for (const i of items) yield checklistRow(i, report);
}
