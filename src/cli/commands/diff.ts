// `complyflow diff <old.json> <new.json>`: what changed between two runs of
// `check --format json`: items added, removed and changed, laws that now apply.
import type { Command } from 'commander';
import type { Context } from '../main.js';
import { diffReports, type ReportDiff } from '../../core/diff.js';
import type { Report } from '../../core/types.js';
import { DISCLAIMER } from '../../core/assemble.js';
import { parseFormat } from '../options.js';
import { emit, resolveFrom } from '../io.js';
import { UsageError } from '../../errors.js';
import { diffStoreAnswers, type StoresDiff, type StoresReport } from '../../core/stores.js';
import { readBytes } from '../../load/read.js';
import { jsonText } from '../../render/json.js';

export type DiffFormat = 'md' | 'json';
export const DIFF_FORMATS: readonly DiffFormat[] = ['md', 'json'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Read a JSON report written by `check --format json`, with a plain message when it is not one. */
export function readReport(file: string, shown: string): Report {
  const read = readBytes(file);
  if (read.issue) throw new UsageError(`${shown}: ${read.issue.message}`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes!);
  } catch {
    throw new UsageError(`${shown}: not UTF-8 text; give two reports written by complyflow check --format json`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`${shown}: not valid JSON (${(e as Error).message}); give two reports written by complyflow check --format json`);
  }
  const problem = !isObject(value)
    ? 'not a JSON object'
    : value['schemaVersion'] !== 1
      ? 'not a complyflow report (schemaVersion 1)'
      : !Array.isArray(value['items']) || !value['items'].every((i) => isObject(i) && typeof i['id'] === 'string')
        ? 'its "items" is not a list of checklist items'
        : !Array.isArray(value['regulations']) || !value['regulations'].every((r) => isObject(r) && typeof r['id'] === 'string')
          ? 'its "regulations" is not a list of laws'
          : null;
  if (problem) throw new UsageError(`${shown}: ${problem}; give two reports written by complyflow check --format json`);
  const report = value as unknown as Report;
  report.tool ??= { name: 'complyflow', version: 'unknown' };
  report.game ??= { id: 'unknown', name: 'unknown' };
  return report;
}

/** A file written by `stores --format json`, or undefined when it is something else (then read as a report). */
function peekStores(file: string): StoresReport | undefined {
  try {
    // Through the bounded reader, so a huge or endless input stops here too and counts as an input of the run.
    const read = readBytes(file);
    if (!read.bytes) return undefined;
    const v: unknown = JSON.parse(
      Buffer.from(read.bytes)
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    );
    if (!isObject(v) || v['schemaVersion'] !== undefined || !Array.isArray(v['stores']) || !isObject(v['game'])) return undefined;
    const ok = v['stores'].every((s) => isObject(s) && (s['store'] === 'play' || s['store'] === 'apple') && Array.isArray(s['dataTypes']));
    return ok ? (v as unknown as StoresReport) : undefined;
  } catch {
    return undefined;
  }
}

/** The store-answers diff as text. */
export function renderStoresDiff(diff: StoresDiff, format: DiffFormat): string {
  if (format === 'json') return jsonText(diff);
  const cell = (t: string) => t.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const lines = [`# Changes in the app store answers: ${diff.game.name}`, '', `> ${DISCLAIMER}`, ''];
  if (diff.storesAdded.length) lines.push(`Stores added: ${diff.storesAdded.join(', ')}.`, '');
  if (diff.storesRemoved.length) lines.push(`Stores removed: ${diff.storesRemoved.join(', ')}.`, '');
  if (diff.changes.length === 0) lines.push('No answer changed.', '');
  else {
    lines.push('| Store | Data type | Change | Answer | Before | After |', '| --- | --- | --- | --- | --- | --- |');
    for (const c of diff.changes)
      for (const f of c.fields) lines.push(`| ${c.store} | ${cell(c.name)} | ${c.change} | ${f.field} | ${cell(f.from)} | ${cell(f.to)} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/** The diff as text; Markdown through its template (the template engine loads only for it). */
export async function renderDiff(diff: ReportDiff, format: DiffFormat): Promise<string> {
  if (format === 'json') return jsonText(diff);
  const { template } = await import('../../render/handlebars.js');
  return template('diff.md.hbs', 'markdown')({ diff, disclaimer: DISCLAIMER }).replace(/\n{3,}/g, '\n\n');
}

interface DiffOpts {
  format?: string;
  out?: string;
}

export function registerDiff(program: Command, ctx: Context): void {
  program
    .command('diff')
    .description(
      'what changed between two JSON reports (check --format json): items added, removed, changed; laws that now apply; or between two store answers (stores --format json)',
    )
    .argument('<old>', 'the earlier report (JSON)')
    .argument('<new>', 'the later report (JSON)')
    .option('--format <format>', `output format: ${DIFF_FORMATS.join(', ')}`)
    .option('--out <file>', 'write there (atomically) instead of stdout')
    .action(async (oldFile: string, newFile: string, opts: DiffOpts) => {
      const { io } = ctx;
      const format = parseFormat(opts.format, DIFF_FORMATS, 'md');
      const before = peekStores(resolveFrom(io, oldFile));
      const after = peekStores(resolveFrom(io, newFile));
      if (before && after) {
        emit(io, opts.out, renderStoresDiff(diffStoreAnswers(before, after), format));
        return;
      }
      if (before || after)
        throw new UsageError(`give two files of the same kind: two reports (check --format json) or two store answers (stores --format json)`);
      const diff = diffReports(readReport(resolveFrom(io, oldFile), oldFile), readReport(resolveFrom(io, newFile), newFile));
      const text = await renderDiff(diff, format);
      emit(io, opts.out, text);
    });
}
