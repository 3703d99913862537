// Per-format goldens on a synthetic flow checked against a fixture rule pack
// only (test/fixtures/golden-pack), never the bundled library: a new or changed
// law pack under regulations/ leaves these snapshots alone, so a change here
// points at a renderer or the engine. After an intended change to a format:
// `npx vitest run test/golden-synthetic.test.ts -u`.
import { resolve, sep } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { check, requireFlow, type RuleLibrary } from '../src/library.js';
import { loadTaxonomy } from '../src/load/taxonomy.js';
import { DEFAULT_REGULATIONS_DIR, loadQuestions, loadRegulations } from '../src/load/regulations.js';
import { renderReport } from '../src/render/index.js';
import { questionnaireFromReport } from '../src/render/questionnaire.js';
import { renderQuestionnaire } from '../src/render/questionnaire-output.js';
import { renderRopa, ropaFor } from '../src/render/ropa.js';
import { renderStores } from '../src/render/stores.js';
import { storeAnswers, storesForPlatforms } from '../src/core/stores.js';
import { requireStoreMappings } from '../src/load/stores.js';

const PACKS = resolve('test/fixtures/golden-pack');
const AS_OF = '2026-12-04';

/** A library of the fixture pack and its own question bank, and nothing of complyflow's. */
function syntheticLibrary(): RuleLibrary {
  const tax = loadTaxonomy();
  const q = loadQuestions(resolve('test/fixtures/golden-pack-questions'));
  const r = loadRegulations(PACKS, tax, new Set(q.questions.map((x) => x.id)));
  return {
    tax,
    regulations: r.regulations,
    questions: q.questions,
    ruleFiles: r.ruleFiles,
    issues: [...q.issues, ...r.issues],
    evidenceIssues: r.evidenceIssues,
  };
}

const lib = syntheticLibrary();
const flow = requireFlow('test/fixtures/golden-flow.yaml', lib.tax);
const raw = check(lib, flow, { asOf: AS_OF });
// The tool's version is not part of what the rules say.
const report = { ...raw, tool: { ...raw.tool, version: '(version)' } };

/** An XLSX as what a reader sees (each sheet's name and cell values), not its bytes (zip timestamps, styles). */
async function sheets(bytes: string | Uint8Array): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => {
    out.push(`## ${ws.name}`);
    ws.eachRow({ includeEmpty: true }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(JSON.stringify(row.getCell(c).text));
      out.push(cells.join(' | '));
    });
  });
  return out.join('\n') + '\n';
}

const text = (x: string | Uint8Array) => (typeof x === 'string' ? x : Buffer.from(x).toString('utf8'));

describe('the synthetic goldens load only the fixture pack', () => {
  it('loads the fixture pack cleanly, and nothing from regulations/', () => {
    expect(lib.issues).toEqual([]);
    expect(lib.regulations.map((r) => r.id)).toEqual(['zz-synthetic-law']);
    const files = [...lib.ruleFiles.values()];
    expect(files.length).toBe(6);
    for (const f of files) {
      expect(f.startsWith(PACKS + sep)).toBe(true);
      expect(f.startsWith(DEFAULT_REGULATIONS_DIR + sep)).toBe(false);
    }
    expect(report.regulations.map((r) => r.id)).toEqual(['zz-synthetic-law']);
    expect(report.items.every((i) => i.id.startsWith('zz-synthetic-law/'))).toBe(true);
  });

  it('covers what the formats must show: a to-confirm fact, an upcoming item, a transfer, an uncovered market', () => {
    const ids = report.items.map((i) => i.id).sort();
    expect(ids).toEqual([
      'zz-synthetic-law/notice',
      'zz-synthetic-law/processor-contract/vendor:cloudco',
      'zz-synthetic-law/processor-contract/vendor:metrix',
      'zz-synthetic-law/registration',
      'zz-synthetic-law/retention/data:device-id',
      'zz-synthetic-law/retention/data:email',
      'zz-synthetic-law/retention/data:score',
      'zz-synthetic-law/rights',
      'zz-synthetic-law/transfer/transfer:metrix@US',
    ]);
    const registration = report.items.find((i) => i.id === 'zz-synthetic-law/registration');
    expect(registration?.determination).toBe('to-confirm');
    expect(registration?.unknown).toEqual(['controller.annualRevenueUsd']);
    expect(report.items.find((i) => i.id === 'zz-synthetic-law/rights')?.determination).toBe('upcoming');
    expect(report.uncoveredMarkets).toEqual(['CH']);
    expect(report.vendors.map((v) => v.id)).toEqual(['cloudco', 'metrix']);
  });
});

describe('the synthetic flow in every format', () => {
  for (const [format, ext] of [
    ['json', 'json'],
    ['md', 'md'],
    ['html', 'html'],
    ['csv', 'csv'],
    ['oscal', 'oscal.json'],
  ] as const)
    it(`check --format ${format}`, async () => {
      await expect(text(await renderReport(report, format, { flow }))).toMatchFileSnapshot(`golden/synthetic/check.${ext}`);
    });
  it('check --format xlsx (sheet contents)', async () => {
    await expect(await sheets(await renderReport(report, 'xlsx', { flow }))).toMatchFileSnapshot('golden/synthetic/check.xlsx.txt');
  });

  const questionnaire = questionnaireFromReport(report);
  for (const format of ['md', 'csv', 'json'] as const)
    it(`questions --format ${format}`, async () => {
      await expect(text(await renderQuestionnaire(questionnaire, format))).toMatchFileSnapshot(`golden/synthetic/questions.${format}`);
    });
  it('questions --format xlsx (sheet contents)', async () => {
    await expect(await sheets(await renderQuestionnaire(questionnaire, 'xlsx'))).toMatchFileSnapshot('golden/synthetic/questions.xlsx.txt');
  });

  for (const view of ['controller', 'processor'] as const)
    for (const format of ['md', 'csv'] as const)
      it(`ropa --view ${view} --format ${format}`, async () => {
        await expect(text(await renderRopa(ropaFor(lib, flow, view), format, AS_OF))).toMatchFileSnapshot(`golden/synthetic/ropa-${view}.${format}`);
      });

  const stores = storesForPlatforms(flow.game.platforms) ?? [];
  const mappings = requireStoreMappings(stores, lib.tax);
  const answers = storeAnswers(flow, mappings, stores);
  for (const format of ['md', 'csv'] as const)
    it(`stores --format ${format}`, async () => {
      await expect(renderStores(answers, format, mappings)).toMatchFileSnapshot(`golden/synthetic/stores.${format}`);
    });
});
