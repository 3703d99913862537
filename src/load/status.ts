// Reading status back from where the compliance owner works: the checklist XLSX or CSV that
// `complyflow check` wrote (Status, Owner and "Evidence on file" columns, by item id), or the YAML
// status file. Every problem is collected and located (file, row or cell).
import { extname } from 'node:path';
import { ITEM_STATUSES, type Issue, type ItemStatus, type StatusEntry, type StatusFile } from '../core/types.js';
import { InputError } from '../errors.js';
import { didYouMean } from '../core/suggest.js';
import { readBytes, readYaml } from './read.js';
import { unneutralize } from './answers.js';
import { csvRows, sheetRows, utf8Text } from './spreadsheet.js';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export interface LoadedStatus {
  status?: StatusFile;
  issues: Issue[];
  /** where an entry is, for messages: `items` or `tasks`, then its id, to "file:line:column" or "file, Checklist!n" */
  where?: (kind: 'items' | 'tasks', id: string) => string | undefined;
}

const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Status entries from checklist rows: `rows[0]` is the header; `where(n)` names row n (1-based) for messages. */
export function statusFromRows(rows: readonly (readonly string[])[], file: string, where: (n: number) => string): LoadedStatus {
  const header = (rows[0] ?? []).map((h) => unneutralize(h).trim().toLowerCase());
  const col = (name: string) => header.indexOf(name.toLowerCase());
  const [id, status, owner, evidence] = [col('Item id'), col('Status'), col('Owner'), col('Evidence on file')];
  if (id < 0 || status < 0)
    return {
      issues: [
        {
          file,
          pointer: where(1),
          line: 1,
          column: 1,
          message: 'the header row lacks the columns "Item id" and "Status"',
          hint: 'use the checklist complyflow check --format csv or xlsx wrote',
        },
      ],
    };
  const issues: Issue[] = [];
  const items: Record<string, StatusEntry> = Object.create(null);
  const rowOf = new Map<string, number>();
  rows.slice(1).forEach((r, k) => {
    const n = k + 2;
    const get = (c: number) => (c >= 0 ? unneutralize(r[c] ?? '').trim() : '');
    const itemId = get(id);
    if (!itemId || itemId === 'uncovered-markets') return;
    if (FORBIDDEN.has(itemId)) {
      issues.push({ file, pointer: where(n), message: `${where(n)}: "${itemId}" is not an item id` });
      return;
    }
    const value = get(status).toLowerCase();
    const ownerText = get(owner);
    const evidenceList = get(evidence)
      .split(';')
      .map((e) => e.trim())
      .filter(Boolean);
    // An untouched row (todo, nobody, nothing on file) says nothing: the item stays as the report has it.
    if ((value === '' || value === 'todo') && !ownerText && !evidenceList.length) return;
    if (value && !ITEM_STATUSES.includes(value as ItemStatus)) {
      issues.push({ file, pointer: where(n), message: `${where(n)}: status "${value}" for ${itemId} is not one of ${ITEM_STATUSES.join(', ')}` });
      return;
    }
    if (items[itemId]) {
      issues.push({ file, pointer: where(n), message: `${where(n)}: a second row for item ${itemId}` });
      return;
    }
    const s = (value || 'todo') as ItemStatus;
    rowOf.set(itemId, n);
    items[itemId] = {
      status: s,
      ...(ownerText ? { owner: ownerText } : {}),
      ...(evidenceList.length ? { evidence: evidenceList } : {}),
      // The sheet has no reason column; the status file requires one for not-applicable.
      ...(s === 'not-applicable' ? { reason: `marked not applicable in ${file}, ${where(n)}` } : {}),
    };
  });
  if (issues.length) return { issues };
  return {
    status: { version: 1, items: { ...items } },
    issues,
    where: (kind, itemId) => (kind === 'items' && rowOf.has(itemId) ? `${file}, ${where(rowOf.get(itemId)!)}` : undefined),
  };
}

async function statusFromXlsx(bytes: Uint8Array, file: string): Promise<LoadedStatus> {
  const { rows, issues } = await sheetRows(bytes, file, 'Checklist', 'use the workbook complyflow check --format xlsx wrote');
  if (issues.length) return { issues };
  if (!rows)
    return {
      issues: [{ file, pointer: '', message: 'no "Checklist" sheet', hint: 'use the workbook complyflow check --format xlsx wrote; keep its sheet names' }],
    };
  return statusFromRows(rows, file, (n) => `Checklist!${n}`);
}

/** Read status by extension: .yaml/.yml (the status file), .csv or .xlsx (the checklist). */
export async function loadStatus(file: string): Promise<LoadedStatus> {
  const ext = extname(file).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') {
    const r = readYaml<StatusFile>(file, 'status');
    if (!r.value) return { issues: r.issues };
    const parsed = r.parsed;
    return {
      status: r.value,
      issues: [],
      where: (kind, id) => {
        const at = parsed?.locate(`/${kind}/${esc(id)}`);
        return at ? `${file}:${at.line}:${at.column}` : undefined;
      },
    };
  }
  const r = readBytes(file);
  if (r.issue) return { issues: [r.issue] };
  if (ext === '.xlsx') return statusFromXlsx(r.bytes!, file);
  const { text, issue } = utf8Text(r.bytes!, file);
  if (text === undefined) return { issues: [issue!] };
  const { rows, issues } = csvRows(text, file);
  if (!rows) return { issues };
  return statusFromRows(rows, file, (n) => `row ${n}`);
}

/** Load status, failing with every issue. */
export async function requireStatusFrom(file: string): Promise<StatusFile> {
  return (await requireLoadedStatus(file)).status;
}

/** Load status with where its entries are, failing with every issue. */
export async function requireLoadedStatus(file: string): Promise<Required<Pick<LoadedStatus, 'status' | 'where'>>> {
  const r = await loadStatus(file);
  if (!r.status) throw new InputError(r.issues);
  return { status: r.status, where: r.where ?? (() => undefined) };
}

/**
 * The status entries that match no current item or task, and a line for each of the first `shown`: where
 * it is, and the nearest id that exists. Said at once, so a typo is fixed before anyone reads to the
 * bottom of the report. Only the lines shown look for a nearest id: that search compares every id, and a
 * stale file of 300,000 entries must not take hours.
 */
export function unmatchedStatusLines(
  status: StatusFile,
  where: LoadedStatus['where'],
  file: string,
  itemIds: readonly string[],
  taskIds: readonly string[],
  shown: number,
): { lines: string[]; total: number } {
  const items = new Set(itemIds);
  const tasks = new Set(taskIds);
  const lines: string[] = [];
  let total = 0;
  for (const [kind, ids, known] of [
    ['items', Object.keys(status.items), items],
    ['tasks', Object.keys(status.tasks ?? {}), tasks],
  ] as const)
    for (const id of ids) {
      if (known.has(id)) continue;
      total++;
      if (lines.length >= shown) continue;
      const hint = didYouMean(id, kind === 'items' ? itemIds : taskIds);
      lines.push(`${where?.(kind, id) ?? file}: the status entry "${id}" matches no current ${kind === 'items' ? 'item' : 'task'}${hint ? ` (${hint})` : ''}`);
    }
  return { lines, total };
}
