// Spreadsheets a person fills and gives back (the questionnaire, the checklist's
// status columns): the bounded, plainly reported way to open a workbook or
// read CSV rows, and the text of a cell, shared by every reader.
import type ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Issue } from '../core/types.js';
import { MAX_INPUT_BYTES } from './yaml.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Plain text of an exceljs cell value (rich text, formulas' results, hyperlinks, dates). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isRecord(v)) {
    if (Array.isArray(v.richText)) return v.richText.map((t) => (isRecord(t) && typeof t.text === 'string' ? t.text : '')).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if (typeof v.text === 'string') return v.text;
    if (isRecord(v.text)) return cellText(v.text);
    if ('error' in v) return String(v.error);
  }
  return '';
}

/** What a workbook may unpack to: 8 times the input limit, far above any questionnaire, far below a zip bomb. */
export const MAX_UNPACKED_XLSX_BYTES = 8 * MAX_INPUT_BYTES;

/**
 * The unpacked size of a ZIP file, summed from its central directory before anything is inflated; undefined
 * when there is no directory. A ZIP64 entry (sizes past 4 GiB) counts as past the limit.
 */
export function unpackedSize(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end-of-directory record is within the last 64 KiB + 22 bytes (its comment is at most 65,535)
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) return undefined;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return Number.MAX_SAFE_INTEGER;
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

/** Past the unpacking limit or no ZIP at all: the plain problem; else nothing. */
function tooLarge(bytes: Uint8Array, file: string, hint: string): Issue[] {
  const unpacked = unpackedSize(bytes);
  if (unpacked === undefined || unpacked > MAX_UNPACKED_XLSX_BYTES)
    return [
      {
        file,
        pointer: '',
        message:
          unpacked === undefined
            ? 'not a readable XLSX workbook (no ZIP directory)'
            : `the workbook unpacks to ${unpacked} bytes; the limit is ${MAX_UNPACKED_XLSX_BYTES}`,
        hint,
      },
    ];
  return [];
}

/** A workbook, opened only when its ZIP directory says it unpacks within the limit; otherwise the plain problem. */
export async function openWorkbook(bytes: Uint8Array, file: string, hint: string): Promise<{ wb?: ExcelJS.Workbook; issues: Issue[] }> {
  const issues = tooLarge(bytes, file, hint);
  if (issues.length) return { issues };
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    return { issues: [{ file, pointer: '', message: `not a readable XLSX workbook: ${(e as Error).message}` }] };
  }
  return { wb, issues: [] };
}

/**
 * The text of every row of one sheet, read as a stream: a checklist of 76,000 rows loaded whole took 1.7 GB,
 * read row by row it holds only the rows' text. Undefined rows when the sheet is missing.
 */
export async function sheetRows(bytes: Uint8Array, file: string, sheet: string, hint: string): Promise<{ rows?: string[][]; issues: Issue[] }> {
  const issues = tooLarge(bytes, file, hint);
  if (issues.length) return { issues };
  const { default: Excel } = await import('exceljs');
  const { Readable } = await import('node:stream');
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let rows: string[][] | undefined;
  try {
    for await (const ws of reader) {
      const isSheet = (ws as unknown as { name?: string }).name === sheet;
      const found: string[][] = [];
      for await (const row of ws) {
        if (!isSheet) continue;
        const values = row.values as unknown[];
        // exceljs numbers cells from 1; rows it skips (blank) are kept as empty so row numbers stay right
        while (found.length < row.number - 1) found.push([]);
        found.push(values.slice(1).map(cellText));
      }
      if (isSheet) rows = found;
    }
  } catch (e) {
    return { issues: [{ file, pointer: '', message: `not a readable XLSX workbook: ${(e as Error).message}` }] };
  }
  return { ...(rows ? { rows } : {}), issues: [] };
}

/** A file's bytes as UTF-8 text, or the plain problem at 1:1. */
export function utf8Text(bytes: Uint8Array, file: string): { text?: string; issue?: Issue } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { issue: { file, pointer: '', line: 1, column: 1, message: 'the file is not valid UTF-8 text', hint: 'save it as UTF-8' } };
  }
}

/** Parse CSV text into rows of strings (BOM stripped, ragged rows allowed). Throws on malformed CSV. */
export function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
}

/** The rows of CSV text, or why it is not CSV. */
export function csvRows(text: string, file: string): { rows?: string[][]; issues: Issue[] } {
  try {
    return { rows: parseCsv(text), issues: [] };
  } catch (e) {
    return { issues: [{ file, pointer: '', message: `not valid CSV: ${(e as Error).message}` }] };
  }
}
