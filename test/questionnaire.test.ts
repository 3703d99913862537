// Vendor questionnaires (issue 5): questions follow each vendor's flows, merge
// across laws, and render to Markdown, CSV and XLSX without formula injection.
// The law packs change while this is written, so the tests use their own
// small laws (and the vendor-assurance pack), and the CLI runs from a sandbox
// copy of the build holding only those packs.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { evaluate } from '../src/core/assemble.js';
import { loadQuestions, loadRegulations } from '../src/load/regulations.js';
import type { Flow, Regulation, Report } from '../src/core/types.js';
import { neutralizeCell, questionnaireFromReport, renderQuestionnaireMarkdown, QUESTION_COLUMNS } from '../src/render/questionnaire.js';
import { renderQuestionnaireCsv, renderChecklistCsv } from '../src/render/csv.js';
import { renderQuestionnaireXlsx, renderChecklistXlsx, sheetName, COVER_SHEET } from '../src/render/xlsx.js';
import { answersFromXlsx, cellText } from '../src/load/answers.js';
import { regulation, rule, tax } from './helpers.js';
import { vendorWorld } from './vendor-world.js';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const AS_OF = '2026-11-25';
const bank = loadQuestions(join(ROOT, 'questions')).questions;
const FORMULA = /^[=+\-@\t\r]/;
const EVIL = '=HYPERLINK("http://evil.example","click")';

/** Two small laws that ask overlapping questions, so merging across laws shows. */
function testLaws(): Regulation[] {
  const a = regulation(
    [
      rule({
        id: 'processor-contract',
        for: 'vendor',
        topic: 'processor-contract',
        citation: 'Law A s. 28',
        when: { vendor: { role: ['processor'] } },
        questions: ['dpa-signed', 'subprocessors', 'deletion-at-end', 'breach-notice-hours'],
      }),
      rule({
        id: 'breach',
        for: 'game',
        topic: 'breach-notification',
        citation: 'Law A s. 33',
        deadline: { within: 'PT72H', from: 'awareness', to: 'the authority' },
        questions: ['breach-notice-hours'],
      }),
      rule({
        id: 'ai',
        for: 'vendor',
        topic: 'ai-transparency',
        citation: 'Law A s. 50',
        when: { vendor: { services: ['ai-model'] } },
        questions: ['ai-training-on-player-data', 'ai-prompt-retention'],
      }),
    ],
    { id: 'law-a', jurisdiction: 'EU', territory: ['EEA'], appliesWhen: { offeredIn: ['EEA'] } },
  );
  const b = regulation(
    [
      rule({
        id: 'processor-duties',
        for: 'vendor',
        topic: 'processor-contract',
        citation: 'Law B s. 24',
        when: { vendor: { role: ['processor'] } },
        questions: ['subprocessors', 'security-measures', 'breach-notice-hours'],
      }),
      rule({
        id: 'breach',
        for: 'game',
        topic: 'breach-notification',
        citation: 'Law B s. 26',
        deadline: { within: 'P3D', from: 'assessment', to: 'the commission' },
      }),
    ],
    { id: 'law-b', name: 'Law B', jurisdiction: 'SG', appliesWhen: { offeredIn: ['SG'] } },
  );
  return [a, b];
}

function testReport(f: Flow = vendorWorld(), laws: Regulation[] = testLaws()): Report {
  return evaluate(f, laws, tax, { asOf: AS_OF, toolVersion: '0.0.0-test', questions: bank });
}

const ids = (r: Report, vendor: string) => r.vendors.find((v) => v.id === vendor)!.questions.map((q) => q.id);

describe('questions follow the data and merge across laws', () => {
  const report = testReport();

  it('asks the real-time voice vendor about sub-processors, deletion at the end and breach-notice hours', () => {
    expect(ids(report, 'rtc')).toEqual(expect.arrayContaining(['subprocessors', 'deletion-at-end', 'breach-notice-hours', 'dpa-signed']));
  });

  it('asks only the AI vendor about training on players’ data', () => {
    expect(ids(report, 'llm')).toContain('ai-training-on-player-data');
    expect(ids(report, 'rtc')).not.toContain('ai-training-on-player-data');
  });

  it('asks each question once per vendor', () => {
    for (const v of report.vendors) expect(new Set(v.questions.map((q) => q.id)).size).toBe(v.questions.length);
  });

  it('merges the laws and citations that ask the same question', () => {
    const q = report.vendors.find((v) => v.id === 'rtc')!.questions.find((x) => x.id === 'subprocessors')!;
    expect(q.regulations).toEqual(['law-a', 'law-b']);
    expect(q.citations).toEqual(['Law A s. 28', 'Law B s. 24']);
    expect(q.items).toEqual(['law-a/processor-contract/vendor:rtc', 'law-b/processor-duties/vendor:rtc']);
  });

  it('limits the questionnaire to the vendors asked for', () => {
    const doc = questionnaireFromReport(report, ['llm']);
    expect(doc.vendors.map((v) => v.id)).toEqual(['llm']);
    expect(doc.asOf).toBe(AS_OF);
    expect(doc.game.id).toBe('g');
    expect(doc.regulations.map((r) => r.id)).toEqual(['law-a', 'law-b']);
  });
});

describe('the vendor-assurance practice pack', () => {
  let dir: string;
  let packs: Regulation[];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cf-va-'));
    cpSync(join(ROOT, 'regulations', 'vendor-assurance'), join(dir, 'vendor-assurance'), { recursive: true });
    const r = loadRegulations(dir, tax, new Set(bank.map((q) => q.id)));
    expect(r.issues).toEqual([]);
    packs = r.regulations;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is good practice, not law, and says so', () => {
    const [pack] = packs;
    expect(pack!.kind).toBe('practice');
    for (const r of pack!.rules) {
      expect(r.topic).toBe('vendor-assurance');
      expect(r.citation).toMatch(/no legal requirement/i);
      expect(r.verification).not.toBe('verified');
      expect(r.note).toBeTruthy();
    }
  });

  it('asks service-assurance questions of a runtime vendor in any market', () => {
    for (const markets of [[{ code: 'EU', players: 1 }], [{ code: 'JP' }], [{ code: 'US-TX' }]]) {
      const report = testReport(vendorWorld({ markets }), packs);
      expect(ids(report, 'rtc')).toEqual(
        expect.arrayContaining([
          'support-response-resolution',
          'fault-recovery-rto-rpo',
          'local-support-coverage',
          'support-channels',
          'documentation-languages',
          'sla-service-credits',
          'launch-support',
          'scaling-upgrade-path',
          'exit-migration-handover',
          'compliance-cooperation',
        ]),
      );
      const q = report.vendors[1]!.questions.find((x) => x.id === 'sla-service-credits')!;
      expect(q.citations).toEqual(['Good practice (no legal requirement)']);
    }
  });

  it('stays in the report whatever --market limits it to', () => {
    const r = evaluate(vendorWorld(), packs, tax, { asOf: AS_OF, toolVersion: 't', questions: bank, markets: ['SG'] });
    expect(r.regulations.map((x) => x.id)).toEqual(['vendor-assurance']);
  });
});

describe('formula injection', () => {
  it('neutralises cells that begin with =, +, -, @, tab or carriage return', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutralizeCell(s)).toBe(`'${s}`);
    for (const s of ['a=1', '', 'ok', "'quoted"]) expect(neutralizeCell(s)).toBe(s);
  });
});

function evilReport(): Report {
  const f = vendorWorld();
  f.vendors[0]!.name = EVIL;
  return testReport(f);
}

describe('CSV', () => {
  it('writes every vendor question with empty answer and notes, neutralising formulas', () => {
    const csv = renderQuestionnaireCsv(questionnaireFromReport(evilReport()));
    expect(csv.startsWith('\ufeff')).toBe(true);
    const rows = parseCsvSync(csv, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Vendor id', 'Vendor', ...QUESTION_COLUMNS.map((c) => c.header)]);
    const rtc = rows.filter((r) => r[0] === 'rtc');
    expect(rtc.map((r) => r[2])).toContain('breach-notice-hours');
    for (const r of rtc) {
      expect(r[1]).toBe(`'${EVIL}`);
      expect(r[7]).toBe('');
      expect(r[8]).toBe('');
    }
    for (const cell of rows.flat()) expect(cell).not.toMatch(FORMULA);
  });

  it('renders the checklist too, one row per item', () => {
    const report = evilReport();
    const rows = parseCsvSync(renderChecklistCsv(report), { bom: true }) as string[][];
    expect(rows.slice(1).map((r) => r[0])).toEqual(report.items.map((i) => i.id));
    for (const cell of rows.flat()) expect(cell).not.toMatch(FORMULA);
  });
});

async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function sheetCells(ws: ExcelJS.Worksheet): unknown[] {
  const out: unknown[] = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(c.value)));
  return out;
}

describe('XLSX', () => {
  it('has a cover sheet, then a frozen, wrapped, readable sheet per vendor', async () => {
    const report = evilReport();
    const wb = await readWorkbook(await renderQuestionnaireXlsx(questionnaireFromReport(report)));
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe(COVER_SHEET);
    expect(names).toHaveLength(1 + report.vendors.length);
    const cover = sheetCells(wb.getWorksheet(COVER_SHEET)!).map(cellText);
    expect(cover).toEqual(expect.arrayContaining([AS_OF, 'Game (g)', 'llm', 'rtc', report.disclaimer]));
    expect(wb.created.toISOString()).toBe(`${AS_OF}T00:00:00.000Z`);
    expect(wb.modified.toISOString()).toBe(`${AS_OF}T00:00:00.000Z`);
    for (const ws of wb.worksheets.slice(1)) {
      expect(ws.name.length).toBeLessThanOrEqual(31);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).values).toEqual([undefined, ...QUESTION_COLUMNS.map((c) => c.header)]);
      expect(ws.getRow(2).getCell(2).alignment?.wrapText).toBe(true);
      for (let c = 1; c <= QUESTION_COLUMNS.length; c++) expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(10);
    }
  });

  it('neutralises formulas in every cell and writes no formulas', async () => {
    const wb = await readWorkbook(await renderQuestionnaireXlsx(questionnaireFromReport(evilReport())));
    const all = wb.worksheets.flatMap(sheetCells);
    expect(all).toContain(`'${EVIL}`);
    for (const v of all) {
      expect(typeof v === 'object' && v !== null && 'formula' in v).toBe(false);
      expect(cellText(v)).not.toMatch(FORMULA);
    }
    const checklist = await readWorkbook(await renderChecklistXlsx(evilReport()));
    for (const v of checklist.worksheets.flatMap(sheetCells)) expect(cellText(v)).not.toMatch(FORMULA);
  });

  it('is byte-for-byte the same whatever the clock says', async () => {
    const doc = questionnaireFromReport(testReport());
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2030-01-01T10:00:00Z'));
      const a = await renderQuestionnaireXlsx(doc);
      vi.setSystemTime(new Date('2031-06-15T17:33:21Z'));
      const b = await renderQuestionnaireXlsx(doc);
      expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
      const c = await renderChecklistXlsx(testReport());
      vi.setSystemTime(new Date('2030-01-01T10:00:00Z'));
      const d = await renderChecklistXlsx(testReport());
      expect(Buffer.compare(Buffer.from(c), Buffer.from(d))).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('round-trips: the same questions, and the answers typed into it', async () => {
    const doc = questionnaireFromReport(evilReport());
    const wb = await readWorkbook(await renderQuestionnaireXlsx(doc));
    const answerCol = QUESTION_COLUMNS.findIndex((c) => c.key === 'answer') + 1;
    const typed: Record<string, Record<string, string>> = {};
    for (const [i, v] of doc.vendors.entries()) {
      const ws = wb.worksheets[i + 1]!;
      const read: string[] = [];
      ws.eachRow((row, n) => {
        if (n === 1) return;
        const qid = cellText(row.getCell(1).value);
        read.push(qid);
        row.getCell(answerCol).value = `answer from ${v.id} to ${qid}`;
        (typed[v.id] ??= {})[qid] = `answer from ${v.id} to ${qid}`;
      });
      expect(read).toEqual(v.questions.map((q) => q.id));
    }
    const filled = new Uint8Array(await wb.xlsx.writeBuffer());
    const back = await answersFromXlsx(filled, 'filled.xlsx');
    expect(back.issues).toEqual([]);
    const got = Object.fromEntries(
      Object.entries(back.answers!.vendors).map(([v, qs]) => [v, Object.fromEntries(Object.entries(qs).map(([q, a]) => [q, a.answer]))]),
    );
    expect(got).toEqual(typed);
  });

  it('sanitises sheet names: at most 31 characters, no forbidden characters, unique', () => {
    const taken = new Set<string>();
    const names = [
      'A very long vendor name that goes on and on',
      'A very long vendor name that goes on and on',
      'x[y]:z*?/\\',
      "'quoted'",
      'Cover',
      '=SUM(A1)',
      '',
    ].map((n) => sheetName(n, taken, 'fallback'));
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]|^'|'$|^[=+\-@]/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names).not.toContain('Cover');
    expect(names[6]).toBe('fallback');
  });
});

describe('Markdown', () => {
  it('lists each vendor with its question ids and an answer column', () => {
    const md = renderQuestionnaireMarkdown(questionnaireFromReport(testReport()));
    expect(md).toContain('## Acme RTC (`rtc`)');
    expect(md).toContain('| `breach-notice-hours` |');
    expect(md).toContain('| Answer |');
    expect(md).toContain('not legal advice');
  });
});

// ---------------------------------------------------------------- the built CLI

const lawYaml = (id: string, jurisdiction: string, territory: string) => `id: ${id}
name: Questionnaire test law ${id}
jurisdiction: ${jurisdiction}
territory: [${territory}]
version: test
inForce: 2020-01-01
sources: [{ title: test, url: https://example.org }]
lastReviewed: 2026-11-25
appliesWhen: { offeredIn: [${territory}] }
`;
const ruleYaml = (id: string, citation: string, when: string, questions: string[], extra = '') => `id: ${id}
title: ${id}
citation: ${citation}
topic: processor-contract
severity: high
for: vendor
when: ${when}
action: act
evidence: [proof]
verification: verified
questions: [${questions.join(', ')}]
${extra}`;

describe('complyflow questions (built CLI)', () => {
  let sb: string;
  let bin: string;
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: sb, encoding: 'utf8' });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };

  beforeAll(() => {
    // A sandbox install of the build with only the packs these tests rely on.
    sb = mkdtempSync(join(tmpdir(), 'cf-q-'));
    for (const d of ['dist', 'schemas', 'taxonomy', 'questions', 'templates']) cpSync(join(ROOT, d), join(sb, d), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(sb, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(sb, 'node_modules'), 'dir');
    mkdirSync(join(sb, 'regulations'));
    cpSync(join(ROOT, 'regulations', 'vendor-assurance'), join(sb, 'regulations', 'vendor-assurance'), { recursive: true });
    for (const [id, jur, terr, cite] of [
      ['qa-law-a', 'EU', 'EEA', 'Law A s. 28'],
      ['qa-law-b', 'SG', 'SG', 'Law B s. 24'],
    ] as const) {
      mkdirSync(join(sb, 'packs', id, 'rules'), { recursive: true });
      writeFileSync(join(sb, 'packs', id, 'regulation.yaml'), lawYaml(id, jur, terr));
      writeFileSync(
        join(sb, 'packs', id, 'rules', 'processor.yaml'),
        ruleYaml('processor', cite, '{ vendor: { role: [processor] } }', ['subprocessors', 'deletion-at-end', 'breach-notice-hours']),
      );
      writeFileSync(join(sb, 'packs', id, 'rules', 'ai.yaml'), ruleYaml('ai', cite, '{ vendor: { services: [ai-model] } }', ['ai-training-on-player-data']));
    }
    const f = vendorWorld();
    f.vendors[0]!.name = EVIL;
    writeFileSync(join(sb, 'flow.yaml'), JSON.stringify(f));
    bin = join(sb, 'dist', 'cli', 'bin.js');
  });
  afterAll(() => rmSync(sb, { recursive: true, force: true }));

  const base = ['questions', 'flow.yaml', '--rules', 'packs', '--as-of', AS_OF];

  it('writes the report’s vendors section as JSON, merged across laws', () => {
    const r = run([...base, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { asOf: string; game: { id: string }; vendors: Report['vendors'] };
    expect(doc.asOf).toBe(AS_OF);
    expect(doc.game.id).toBe('g');
    const rtc = doc.vendors.find((v) => v.id === 'rtc')!;
    const llm = doc.vendors.find((v) => v.id === 'llm')!;
    expect(rtc.questions.map((q) => q.id)).toEqual(
      expect.arrayContaining(['subprocessors', 'deletion-at-end', 'breach-notice-hours', 'exit-migration-handover']),
    );
    expect(llm.questions.map((q) => q.id)).toContain('ai-training-on-player-data');
    expect(rtc.questions.map((q) => q.id)).not.toContain('ai-training-on-player-data');
    for (const v of doc.vendors) expect(new Set(v.questions.map((q) => q.id)).size).toBe(v.questions.length);
    const sub = rtc.questions.find((q) => q.id === 'subprocessors')!;
    expect(sub.regulations).toEqual(['qa-law-a', 'qa-law-b']);
    expect(sub.citations).toEqual(['Law A s. 28', 'Law B s. 24']);
  });

  it('limits to one vendor with --vendor, and suggests the closest id for a typo', () => {
    const one = JSON.parse(run([...base, '--format', 'json', '--vendor', 'llm']).stdout) as { vendors: Array<{ id: string }> };
    expect(one.vendors.map((v) => v.id)).toEqual(['llm']);
    const bad = run([...base, '--vendor', 'rtx']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('did you mean rtc?');
    expect(bad.stderr).not.toContain('    at ');
  });

  it('limits to laws covering --market', () => {
    const doc = JSON.parse(run([...base, '--format', 'json', '--market', 'SG']).stdout) as { vendors: Report['vendors'] };
    const sub = doc.vendors.find((v) => v.id === 'rtc')!.questions.find((q) => q.id === 'subprocessors')!;
    expect(sub.regulations).toEqual(['qa-law-b']);
  });

  it('neutralises the vendor name in CSV and XLSX files', async () => {
    const csv = run([...base, '--format', 'csv']);
    expect(csv.code).toBe(0);
    for (const cell of (parseCsvSync(csv.stdout, { bom: true }) as string[][]).flat()) expect(cell).not.toMatch(FORMULA);
    expect(csv.stdout).toContain(`"'=HYPERLINK(`);
    const x = run([...base, '--format', 'xlsx', '--out', 'out/q.xlsx']);
    expect(x.code).toBe(0);
    const wb = await readWorkbook(readFileSync(join(sb, 'out', 'q.xlsx')));
    const all = wb.worksheets.flatMap(sheetCells).map(cellText);
    expect(all).toContain(`'${EVIL}`);
    for (const v of all) expect(v).not.toMatch(FORMULA);
  });

  it('writes Markdown by default and refuses XLSX to a terminal', () => {
    const md = run(base);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('| `breach-notice-hours` |');
    const x = run([...base, '--format', 'xlsx']);
    expect(x.code).toBe(2);
    expect(x.stderr).toContain('--out');
  });
});
