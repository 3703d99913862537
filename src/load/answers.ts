// Reading filled questionnaires back: the CSV or XLSX `complyflow questions`
// wrote (with the Answer and Notes columns filled in), or a YAML file
//   { version: 1, vendors: { <vendor-id>: { <question-id>: { answer, notes?, evidence? } } } }
// Every problem is collected and located (file, row or cell, JSON pointer).
import { extname } from 'node:path';
import type { Answer, Answers } from '../core/answers.js';
import type { Issue } from '../core/types.js';
import { InputError } from '../errors.js';
import { readBytes, locateIssues } from './read.js';
import { parseYaml } from './yaml.js';
import { cellText, csvRows, openWorkbook, utf8Text } from './spreadsheet.js';
export { cellText, MAX_UNPACKED_XLSX_BYTES, unpackedSize } from './spreadsheet.js';
import { HEADER_TO_KEY, QUESTION_COLUMNS, VENDOR_COLUMNS, type ColumnKey } from '../core/questionnaire-columns.js';

const COLUMN_HEADERS: ReadonlyMap<ColumnKey, string> = new Map([...VENDOR_COLUMNS, ...QUESTION_COLUMNS].map((c) => [c.key, c.header]));

export interface LoadedAnswers {
  answers?: Answers;
  issues: Issue[];
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

import { unneutralize } from '../core/cells.js';
export { unneutralize };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return undefined;
}

const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Check the shape of a parsed YAML answers document; pure. */
export function answersFromValue(value: unknown, file: string): LoadedAnswers {
  const issues: Issue[] = [];
  const add = (pointer: string, message: string, hint?: string) => issues.push({ file, pointer, message, ...(hint ? { hint } : {}) });
  if (!isRecord(value)) {
    add('', 'an answers file is a mapping with version: 1 and vendors:');
    return { issues };
  }
  for (const k of Object.keys(value))
    if (k !== 'version' && k !== 'vendors' && k !== '$schema') add(`/${esc(k)}`, `unknown key "${k}"`, 'expected version and vendors');
  if (value.version !== 1) add('/version', 'version must be 1');
  const vendors: Answers['vendors'] = Object.create(null);
  if (!isRecord(value.vendors)) add('/vendors', 'vendors must map vendor ids to their answers');
  else
    for (const [vid, qs] of Object.entries(value.vendors)) {
      const vp = `/vendors/${esc(vid)}`;
      if (!ID.test(vid) || FORBIDDEN.has(vid)) add(vp, `"${vid}" is not a vendor id`);
      if (!isRecord(qs)) {
        add(vp, 'each vendor maps question ids to answers');
        continue;
      }
      const out: Record<string, Answer> = Object.create(null);
      for (const [qid, a] of Object.entries(qs)) {
        const qp = `${vp}/${esc(qid)}`;
        if (!ID.test(qid) || FORBIDDEN.has(qid)) add(qp, `"${qid}" is not a question id`);
        const short = scalarText(a);
        if (short !== undefined) {
          out[qid] = { answer: short };
          continue;
        }
        if (!isRecord(a)) {
          add(qp, 'an answer is text, or a mapping with answer, notes and evidence');
          continue;
        }
        for (const k of Object.keys(a))
          if (!['answer', 'notes', 'evidence'].includes(k)) add(`${qp}/${esc(k)}`, `unknown key "${k}"`, 'expected answer, notes or evidence');
        const text = scalarText(a.answer);
        if (text === undefined) add(`${qp}/answer`, 'answer must be text, a number, or yes/no');
        const entry: Answer = { answer: text ?? '' };
        if (a.notes !== undefined) {
          const n = scalarText(a.notes);
          if (n === undefined) add(`${qp}/notes`, 'notes must be text');
          else entry.notes = n;
        }
        if (a.evidence !== undefined) {
          if (!Array.isArray(a.evidence) || !a.evidence.every((e) => typeof e === 'string')) add(`${qp}/evidence`, 'evidence must be a list of text');
          else entry.evidence = a.evidence as string[];
        }
        out[qid] = entry;
      }
      vendors[vid] = out;
    }
  return issues.length ? { issues } : { answers: { version: 1, vendors: { ...vendors } }, issues };
}

/** Collect answer rows from a table (CSV or one sheet); `where(row)` names a row for messages. */
class RowCollector {
  readonly vendors: Record<string, Record<string, Answer>> = {};
  readonly issues: Issue[] = [];
  constructor(readonly file: string) {}

  add(vendor: string, question: string, answer: string, notes: string, where: string): void {
    const a = unneutralize(answer).trim();
    const n = unneutralize(notes).trim();
    if (!a && !n) return;
    if (!ID.test(vendor) || FORBIDDEN.has(vendor)) {
      this.issues.push({ file: this.file, pointer: where, message: `"${vendor}" is not a vendor id` });
      return;
    }
    if (!ID.test(question) || FORBIDDEN.has(question)) {
      this.issues.push({ file: this.file, pointer: where, message: `"${question}" is not a question id` });
      return;
    }
    const qs = (this.vendors[vendor] ??= {});
    if (qs[question]) {
      this.issues.push({ file: this.file, pointer: where, message: `a second answer to ${question} for vendor ${vendor}` });
      return;
    }
    qs[question] = { answer: a, ...(n ? { notes: n } : {}) };
  }

  result(): LoadedAnswers {
    return this.issues.length ? { issues: this.issues } : { answers: { version: 1, vendors: this.vendors }, issues: [] };
  }
}

function columnsOf(header: readonly string[]): Map<ColumnKey, number> {
  const cols = new Map<ColumnKey, number>();
  header.forEach((h, i) => {
    const key = HEADER_TO_KEY.get(unneutralize(h).trim().toLowerCase());
    if (key && !cols.has(key)) cols.set(key, i);
  });
  return cols;
}

/** Answers from the questionnaire CSV (one table, a row per vendor and question). */
export async function answersFromCsv(text: string, file: string): Promise<LoadedAnswers> {
  const { rows, issues } = csvRows(text, file);
  if (!rows) return { issues };
  const cols = columnsOf(rows[0] ?? []);
  const missing = (['vendor-id', 'question-id', 'answer'] as const).filter((k) => !cols.has(k));
  if (missing.length)
    return {
      issues: [
        {
          file,
          pointer: '',
          line: 1,
          column: 1,
          message: `the header row lacks the columns ${missing.map((k) => `"${COLUMN_HEADERS.get(k)}"`).join(', ')}`,
          hint: 'use the CSV that complyflow questions --format csv wrote',
        },
      ],
    };
  const c = new RowCollector(file);
  rows.slice(1).forEach((r, i) => {
    const get = (k: ColumnKey) => (cols.has(k) ? (r[cols.get(k)!] ?? '') : '');
    c.add(unneutralize(get('vendor-id')).trim(), unneutralize(get('question-id')).trim(), get('answer'), get('notes'), `/rows/${i + 2}`);
  });
  return c.result();
}

/** Answers from the questionnaire workbook: the cover sheet maps sheets to vendor ids. */
export async function answersFromXlsx(bytes: Uint8Array, file: string): Promise<LoadedAnswers> {
  const { COVER_SHEET, COVER_VENDOR_HEADER } = await import('../render/xlsx.js');
  const { wb, issues } = await openWorkbook(bytes, file, 'use the workbook complyflow questions --format xlsx wrote');
  if (!wb) return { issues };
  const cover = wb.getWorksheet(COVER_SHEET);
  const sheets: Array<{ vendor: string; sheet: string }> = [];
  if (cover) {
    let inTable = false;
    let sheetCol = COVER_VENDOR_HEADER.length;
    cover.eachRow((row) => {
      const values = Array.from({ length: row.cellCount }, (_, i) => unneutralize(cellText(row.getCell(i + 1).value)).trim());
      if (!inTable) {
        if (values[0] === COVER_VENDOR_HEADER[0]) {
          inTable = true;
          const s = values.indexOf('Sheet');
          if (s >= 0) sheetCol = s + 1;
        }
        return;
      }
      const vendor = values[0] ?? '';
      const sheet = values[sheetCol - 1] ?? '';
      if (vendor && sheet) sheets.push({ vendor, sheet });
    });
  }
  if (!sheets.length)
    return {
      issues: [
        {
          file,
          pointer: COVER_SHEET,
          message: `no vendor table on a "${COVER_SHEET}" sheet`,
          hint: 'use the workbook complyflow questions --format xlsx wrote; keep its cover sheet',
        },
      ],
    };
  const c = new RowCollector(file);
  for (const { vendor, sheet } of sheets) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) {
      c.issues.push({
        file,
        pointer: `${COVER_SHEET}`,
        message: `the cover names a sheet "${sheet}" for vendor ${vendor}, but there is no such sheet`,
        hint: 'keep the sheet names unchanged',
      });
      continue;
    }
    const header = Array.from({ length: ws.getRow(1).cellCount }, (_, i) => cellText(ws.getRow(1).getCell(i + 1).value));
    const cols = columnsOf(header);
    if (!cols.has('question-id') || !cols.has('answer')) {
      c.issues.push({ file, pointer: `${sheet}!1`, message: `sheet "${sheet}" has no "Question id" and "Answer" header columns` });
      continue;
    }
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const get = (k: ColumnKey) => (cols.has(k) ? cellText(row.getCell(cols.get(k)! + 1).value) : '');
      c.add(vendor, unneutralize(get('question-id')).trim(), get('answer'), get('notes'), `${sheet}!${n}`);
    });
  }
  return c.result();
}

/** Read a filled questionnaire by its extension: .yaml/.yml, .csv or .xlsx. */
export async function loadAnswers(file: string): Promise<LoadedAnswers> {
  const r = readBytes(file);
  if (r.issue) return { issues: [r.issue] };
  const bytes = r.bytes!;
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') return answersFromXlsx(bytes, file);
  const { text, issue } = utf8Text(bytes, file);
  if (text === undefined) return { issues: [issue!] };
  if (ext === '.csv') return answersFromCsv(text, file);
  if (ext === '.yaml' || ext === '.yml') {
    const parsed = parseYaml(file, bytes);
    if (parsed.issues.length) return { issues: parsed.issues };
    const res = answersFromValue(parsed.value, file);
    return { ...res, issues: locateIssues(res.issues, parsed) };
  }
  return { issues: [{ file, pointer: '', message: `cannot tell the format of "${file}"`, hint: 'answers are read from .yaml, .yml, .csv or .xlsx files' }] };
}

/** Load answers, failing with every issue. */
export async function requireAnswers(file: string): Promise<Answers> {
  const r = await loadAnswers(file);
  if (!r.answers) throw new InputError(r.issues);
  return r.answers;
}
