// No silent markets: offered markets no loaded rule pack covers are named in
// Markets here are ones no bundled pack is planned for (EG, KE, NG, PK, ZA), so a new pack does not change this test.
// every format, shown in the matrix, and fail a --fail-on gate unless allowed.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli, EXAMPLE, ROOT } from './run.js';
import { AS_OF, checkJson, exampleFlow, scratch, writeFlow } from '../audit/helpers.js';
import { parseCsv } from '../../src/load/spreadsheet.js';
import { DEFAULT_REGULATIONS_DIR } from '../../src/load/regulations.js';

const dir = scratch();
const FIVE = ['EG', 'KE', 'NG', 'PK', 'ZA'];
const BANNER = 'No rule pack covers EG, KE, NG, PK, ZA: this checklist says nothing about their laws.';
const offered = (codes: string[]) => ({ ...exampleFlow(), markets: codes.map((code) => ({ code, players: 10_000 })) });
const FLOW = writeFlow(dir, 'five.yaml', offered(['EU', 'ZA', 'EG', 'NG', 'PK', 'KE']));
const run = (flow: string, ...extra: string[]) => cli(['check', flow, '--as-of', AS_OF, ...extra]);

async function sheets(file: string): Promise<Map<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const out = new Map<string, string[][]>();
  for (const ws of wb.worksheets) {
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    out.set(ws.name, rows);
  }
  return out;
}

describe('offered markets no rule pack covers', { timeout: 180_000 }, () => {
  it('are named in the JSON report, sorted, and on stderr', () => {
    expect(checkJson(FLOW).uncoveredMarkets).toEqual(FIVE);
    const r = run(FLOW, '--format', 'json');
    expect(r.stderr).toContain(BANNER);
  });

  it('lead the Markdown and HTML reports, and stand as a "not covered" matrix column', () => {
    const md = run(FLOW).stdout;
    expect(md.indexOf(BANNER)).toBeGreaterThan(0);
    expect(md.indexOf(BANNER)).toBeLessThan(md.indexOf('## Summary'));
    const matrix = md
      .slice(md.indexOf('## Cross-market matrix'))
      .split('\n')
      .filter((l) => l.startsWith('| '));
    expect(matrix[0]).toBe('| Topic | Strictest deadline | Jurisdictions | EG, KE, NG, PK, ZA |');
    expect(matrix.length).toBeGreaterThan(2);
    for (const row of matrix.slice(2)) expect(row.endsWith('| not covered |')).toBe(true);

    const html = run(FLOW, '--format', 'html').stdout;
    expect(html.indexOf(BANNER)).toBeGreaterThan(0);
    expect(html.indexOf(BANNER)).toBeLessThan(html.indexOf('id="summary"'));
    const table = html.slice(html.indexOf('<section id="matrix"'), html.indexOf('</section>', html.indexOf('<section id="matrix"')));
    expect(table).toContain('<th class="uncovered">EG, KE, NG, PK, ZA</th>');
    expect(table.split('<td class="uncovered">not covered</td>').length - 1).toBe(table.split('<tr><td>').length - 1);
  });

  it('lead the CSV and XLSX checklists; the workbook says so on its cover, matrix and a sheet', async () => {
    const rows = parseCsv(run(FLOW, '--format', 'csv').stdout);
    expect(rows[1]![0]).toBe('uncovered-markets');
    expect(rows[1]![2]).toBe(FIVE.join(', '));
    expect(rows[1]).toContain(BANNER);
    expect(rows.slice(2).every((r) => r[0] !== 'uncovered-markets')).toBe(true);

    const file = join(dir, 'five.xlsx');
    expect(run(FLOW, '--format', 'xlsx', '--out', file).code).toBe(0);
    const wb = await sheets(file);
    expect(wb.get('Cover')![1]).toEqual(['Not covered', BANNER]);
    expect(wb.get('Checklist')![1]![0]).toBe('uncovered-markets');
    expect(
      wb
        .get('Not covered')!
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(FIVE);
    const matrix = wb.get('Matrix')!.slice(1);
    const topics = new Set(matrix.map((r) => r[0]));
    expect(matrix.filter((r) => r[2] === FIVE.join(', ') && r[4] === 'not covered').map((r) => r[0])).toEqual([...topics]);
  });

  it('are an OSCAL observation in a result of their own, first, and the document stays valid', () => {
    const require = createRequire(import.meta.url);
    const Ajv = require('ajv') as typeof import('ajv').default;
    const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'oscal', 'oscal_assessment-results_schema_v1.0.6.json'), 'utf8')));
    const doc = JSON.parse(run(FLOW, '--format', 'oscal').stdout);
    validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    const ar = doc['assessment-results'];
    expect(ar.metadata.remarks.startsWith(BANNER)).toBe(true);
    const first = ar.results[0];
    expect(first.observations).toHaveLength(1);
    expect(first.observations[0].description).toBe(BANNER);
    expect(first.observations[0].props.map((p: { value: string }) => p.value)).toEqual(FIVE);
    expect(first.findings).toBeUndefined();
  });

  it('a fully covered flow has an empty list and no banner anywhere', () => {
    expect(checkJson(EXAMPLE).uncoveredMarkets).toEqual([]);
    for (const format of ['md', 'html', 'csv', 'oscal']) {
      const r = run(EXAMPLE, '--format', format);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain('No rule pack covers');
      expect(r.stdout).not.toContain('uncovered');
      expect(r.stderr).toBe('');
    }
  });

  it('--market limits them to the selected markets', () => {
    expect(checkJson(FLOW, ['--market', 'EG', 'EU']).uncoveredMarkets).toEqual(['EG']);
    expect(checkJson(FLOW, ['--market', 'EU']).uncoveredMarkets).toEqual([]);
  });

  it('a --rules pack whose territory includes EG covers it, whether or not it applies', () => {
    const packs = join(dir, 'packs');
    cpSync(join(DEFAULT_REGULATIONS_DIR, 'us-il-bipa'), join(packs, 'acme-eg'), { recursive: true });
    const reg = join(packs, 'acme-eg', 'regulation.yaml');
    writeFileSync(
      reg,
      readFileSync(reg, 'utf8')
        .replace(/^id: .*$/m, 'id: acme-eg')
        .replace(/^jurisdiction: .*$/m, 'jurisdiction: EG'),
    );
    expect(checkJson(FLOW, ['--rules', packs]).uncoveredMarkets).toEqual(['KE', 'NG', 'PK', 'ZA']);
    const list = JSON.parse(cli(['rules', 'list', '--format', 'json', '--rules', packs]).stdout) as { uncoveredMarkets: string[] };
    expect(list.uncoveredMarkets).not.toContain('EG');
  });

  it('--fail-on fails on an uncovered market unless --allow-uncovered, naming the markets', () => {
    const br = writeFlow(dir, 'br.yaml', offered(['EG']));
    // Every item closed: only the uncovered market can fail the gate.
    const items = checkJson(br).items.map((i) => i.id);
    const status = join(dir, 'all-done.yaml');
    writeFileSync(status, ['version: 1', 'items:', ...items.map((id) => `  "${id}": { status: done }`)].join('\n') + '\n');
    const failed = run(br, '--format', 'json', '--status', status, '--fail-on', 'low');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/no rule pack covers EG \(--allow-uncovered/);
    expect(run(br, '--format', 'json', '--status', status, '--fail-on', 'low', '--allow-uncovered').code).toBe(0);
    // Without --fail-on nothing fails; the example, fully covered, passes the gate it passed before.
    expect(run(br, '--format', 'json').code).toBe(0);
    expect(run(EXAMPLE, '--format', 'json', '--fail-on', 'critical', '--status', status).stderr).not.toMatch(/no rule pack covers/);
  });

  it('rules list names the markets with a pack and those without (Markdown and JSON)', () => {
    const list = JSON.parse(cli(['rules', 'list', '--format', 'json']).stdout) as {
      markets: Array<{ code: string; packs: string[] }>;
      uncoveredMarkets: string[];
    };
    const packsOf = (code: string) => list.markets.find((x) => x.code === code)!.packs;
    expect(packsOf('DE')).toEqual(expect.arrayContaining(['eu-gdpr']));
    expect(packsOf('US-WY')).toEqual(['us-coppa', 'us-wy-breach']);
    expect(packsOf('EG')).toEqual([]);
    expect(list.uncoveredMarkets).toEqual(expect.arrayContaining(['EG', 'ZA']));
    expect(list.uncoveredMarkets).not.toContain('DE');
    for (const practice of ['vendor-assurance', 'apple-app-store', 'google-play']) expect(list.markets.every((x) => !x.packs.includes(practice))).toBe(true);
    const md = cli(['rules', 'list']).stdout;
    expect(md).toMatch(/\n\| DE \| [^|]+ \| [^|]*eu-gdpr/);
    expect(md.slice(md.indexOf('## Markets no rule pack covers'))).toMatch(/\bEG\b/);
  });

  it('questions say so at the top and on stderr, ropa on stderr', () => {
    expect(cli(['questions', FLOW, '--as-of', AS_OF]).stderr).toContain('No rule pack covers EG, KE, NG, PK, ZA: this questionnaire');
    expect(cli(['ropa', FLOW, '--as-of', AS_OF]).stderr).toContain('No rule pack covers EG, KE, NG, PK, ZA: this record of processing');
    const md = cli(['questions', FLOW, '--as-of', AS_OF]).stdout;
    const at = md.indexOf('No rule pack covers EG, KE, NG, PK, ZA: this questionnaire says nothing about their laws.');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(md.indexOf('## '));
    expect(JSON.parse(cli(['questions', FLOW, '--as-of', AS_OF, '--format', 'json']).stdout).uncoveredMarkets).toEqual(FIVE);
    const covered = cli(['questions', EXAMPLE, '--as-of', AS_OF]);
    expect(covered.stderr).toBe('');
    expect(covered.stdout).not.toContain('No rule pack covers');
    expect(JSON.parse(cli(['questions', EXAMPLE, '--as-of', AS_OF, '--format', 'json']).stdout)).not.toHaveProperty('uncoveredMarkets');
  });
});
