// Answers back in (issue 5): filled questionnaires (YAML, CSV, XLSX) read into
// one structure, and answers that leave an obligation open become findings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { answerFindings, answerSeconds, applyAnswers, unmatchedAnswers, yesNo, type Answers } from '../src/core/answers.js';
import { answersFromCsv, answersFromValue, loadAnswers } from '../src/load/answers.js';
import { loadQuestions } from '../src/load/regulations.js';
import { questionnaireFromReport } from '../src/render/questionnaire.js';
import { renderQuestionnaireCsv } from '../src/render/csv.js';
import { renderQuestionnaireXlsx } from '../src/render/xlsx.js';
import { evaluate } from '../src/core/assemble.js';
import type { Flow, Regulation, Report } from '../src/core/types.js';
import { regulation, rule, tax } from './helpers.js';
import { vendorWorld } from './vendor-world.js';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const bank = loadQuestions(join(ROOT, 'questions')).questions;

function testLaws(): Regulation[] {
  return [
    regulation(
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
        }),
        rule({
          id: 'ai',
          for: 'vendor',
          topic: 'ai-transparency',
          citation: 'Law A s. 50',
          when: { vendor: { services: ['ai-model'] } },
          questions: ['ai-training-on-player-data'],
        }),
      ],
      { id: 'law-a', jurisdiction: 'EU', territory: ['EEA'], appliesWhen: { offeredIn: ['EEA'] } },
    ),
    regulation(
      [
        rule({
          id: 'processor-duties',
          for: 'vendor',
          topic: 'processor-contract',
          citation: 'Law B s. 24',
          when: { vendor: { role: ['processor'] } },
          questions: ['subprocessors', 'breach-notice-hours'],
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
    ),
  ];
}

function testReport(f: Flow = vendorWorld(), laws: Regulation[] = testLaws()): Report {
  return evaluate(f, laws, tax, { asOf: '2026-11-25', toolVersion: '0.0.0-test', questions: bank });
}

const answers = (vendors: Answers['vendors']): Answers => ({ version: 1, vendors });
const findingIds = (a: Answers) => answerFindings(testReport(), a, bank).map((i) => i.id);

describe('reading answers', () => {
  it('reads a clear yes or no', () => {
    expect(['Yes', 'yes, signed', 'Y', 'Agreed', 'signed 2026-01-10'].map(yesNo)).toEqual(['yes', 'yes', 'yes', 'yes', 'yes']);
    expect(['No', 'no DPA', 'Not at this time', 'never', 'We do not'].map(yesNo)).toEqual(['no', 'no', 'no', 'no', 'no']);
    expect(['Under review', 'see attachment', ''].map(yesNo)).toEqual([null, null, null]);
  });

  it('reads committed times in any common spelling', () => {
    expect(answerSeconds('48')).toBe(48 * 3600);
    expect(answerSeconds('within 24 hours')).toBe(24 * 3600);
    expect(answerSeconds('24-48h')).toBe(48 * 3600);
    expect(answerSeconds('7 days')).toBe(7 * 86400);
    expect(answerSeconds('5 business days')).toBe(5 * 86400);
    expect(answerSeconds('PT36H')).toBe(36 * 3600);
    expect(answerSeconds('P2D')).toBe(2 * 86400);
    expect(answerSeconds('as soon as possible')).toBeNull();
  });

  it('checks the YAML shape and points at each problem', () => {
    const ok = answersFromValue(
      { version: 1, vendors: { rtc: { 'dpa-signed': { answer: 'no', notes: 'legal reviewing' }, 'breach-notice-hours': 48, subprocessors: true } } },
      'a.yaml',
    );
    expect(ok.issues).toEqual([]);
    expect(ok.answers!.vendors.rtc).toEqual({
      'dpa-signed': { answer: 'no', notes: 'legal reviewing' },
      'breach-notice-hours': { answer: '48' },
      subprocessors: { answer: 'yes' },
    });
    const bad = answersFromValue({ version: 2, vendors: { rtc: { 'dpa-signed': { answer: ['x'], colour: 'red' }, other: [] } }, extra: 1 }, 'a.yaml');
    expect(bad.answers).toBeUndefined();
    expect(bad.issues.map((i) => i.pointer).sort()).toEqual([
      '/extra',
      '/vendors/rtc/dpa-signed/answer',
      '/vendors/rtc/dpa-signed/colour',
      '/vendors/rtc/other',
      '/version',
    ]);
  });

  describe('from files', () => {
    let dir: string;
    beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'cf-ans-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reads YAML and locates mistakes by line and column', async () => {
      const good = join(dir, 'good.yaml');
      writeFileSync(good, 'version: 1\nvendors:\n  rtc:\n    dpa-signed: { answer: "No" }\n');
      expect((await loadAnswers(good)).answers!.vendors.rtc!['dpa-signed']!.answer).toBe('No');
      const bad = join(dir, 'bad.yaml');
      writeFileSync(bad, 'version: 1\nvendors:\n  rtc:\n    dpa-signed: { answer: [1] }\n');
      const r = await loadAnswers(bad);
      expect(r.answers).toBeUndefined();
      expect(r.issues[0]).toMatchObject({ pointer: '/vendors/rtc/dpa-signed/answer', line: 4 });
      const proto = join(dir, 'proto.yaml');
      writeFileSync(proto, 'version: 1\nvendors:\n  __proto__: { x: 1 }\n');
      expect((await loadAnswers(proto)).answers).toBeUndefined();
      expect((await loadAnswers(join(dir, 'missing.yaml'))).issues[0]!.message).toMatch(/not found/);
      expect((await loadAnswers(join(dir, 'answers.txt'))).answers).toBeUndefined();
    });

    it('reads back the CSV it wrote, with answers filled in', async () => {
      const doc = questionnaireFromReport(testReport());
      const rows = parseCsvSync(renderQuestionnaireCsv(doc), { bom: true }) as string[][];
      for (const r of rows.slice(1))
        if (r[0] === 'rtc' && r[2] === 'dpa-signed') {
          r[7] = 'No';
          r[8] = 'only our own terms';
        }
      for (const r of rows.slice(1)) if (r[0] === 'llm' && r[2] === 'breach-notice-hours') r[7] = '=7*24';
      const file = join(dir, 'filled.csv');
      writeFileSync(file, '\ufeff' + stringify(rows));
      const r = await loadAnswers(file);
      expect(r.issues).toEqual([]);
      expect(r.answers!.vendors).toEqual({
        rtc: { 'dpa-signed': { answer: 'No', notes: 'only our own terms' } },
        llm: { 'breach-notice-hours': { answer: '=7*24' } },
      });
    });

    it('reads back the XLSX it wrote (unanswered: nothing recorded)', async () => {
      const file = join(dir, 'q.xlsx');
      writeFileSync(file, await renderQuestionnaireXlsx(questionnaireFromReport(testReport())));
      expect(await loadAnswers(file)).toEqual({ answers: { version: 1, vendors: {} }, issues: [] });
    });

    it('refuses a workbook whose ZIP directory unpacks past the limit, before inflating anything', async () => {
      const bytes = Buffer.from(await renderQuestionnaireXlsx(questionnaireFromReport(testReport())));
      const { unpackedSize, MAX_UNPACKED_XLSX_BYTES } = await import('../src/load/answers.js');
      expect(unpackedSize(bytes)).toBeGreaterThan(0);
      expect(unpackedSize(bytes)).toBeLessThan(MAX_UNPACKED_XLSX_BYTES);
      // a bomb's directory: the first entry claims 2 GiB
      const dirAt = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      bytes.writeUInt32LE(0x7fffffff, dirAt + 24);
      const file = join(dir, 'bomb.xlsx');
      writeFileSync(file, bytes);
      const r = await loadAnswers(file);
      expect(r.issues.map((i) => i.message)).toEqual([expect.stringMatching(/^the workbook unpacks to \d+ bytes; the limit is 268435456$/)]);
      writeFileSync(file, Buffer.from('not a zip at all'));
      expect((await loadAnswers(file)).issues[0]!.message).toMatch(/not a readable XLSX workbook/);
    });

    it('says which columns a foreign CSV lacks', async () => {
      const r = await answersFromCsv('a,b\n1,2\n', 'x.csv');
      expect(r.issues[0]!.message).toMatch(/Vendor id.*Question id.*Answer/);
    });
  });
});

describe('answers that leave an obligation open', () => {
  it('turns "no" to the DPA into a finding per law that asks it', () => {
    expect(findingIds(answers({ rtc: { 'dpa-signed': { answer: 'No' } } }))).toEqual(['law-a/answer-dpa-signed/vendor:rtc']);
    expect(findingIds(answers({ rtc: { 'dpa-signed': { answer: 'Yes, signed' } } }))).toEqual([]);
  });

  it('turns an answer it cannot judge into an item to review, with the answer in it, never nothing', () => {
    const vague = answerFindings(testReport(), answers({ llm: { 'ai-training-on-player-data': { answer: 'We may use prompts to train our models' } } }), bank);
    expect(vague.map((i) => [i.id, i.determination])).toEqual([['law-a/answer-ai-training-on-player-data/vendor:llm', 'to-confirm']]);
    expect(vague[0]!.because.join(' ')).toContain('We may use prompts to train our models');
    expect(vague[0]!.unknown).toEqual(['a review of the answer to ai-training-on-player-data']);
    expect(findingIds(answers({ rtc: { 'dpa-signed': { answer: 'under review' } } }))).toEqual(['law-a/answer-dpa-signed/vendor:rtc']);
  });

  it('flags a breach notice slower than the strictest deadline in the matrix, per asking law', () => {
    // law-a needs 72 hours, law-b 3 days: the strictest is 72 hours (EU, SG).
    const slow = answerFindings(testReport(), answers({ rtc: { 'breach-notice-hours': { answer: '7 days' } } }), bank);
    expect(slow.map((i) => i.id)).toEqual(['law-a/answer-breach-notice-hours/vendor:rtc', 'law-b/answer-breach-notice-hours/vendor:rtc']);
    expect(slow[0]).toMatchObject({ subject: { type: 'vendor', id: 'rtc' }, determination: 'applies', topic: 'breach-notification', status: 'todo' });
    expect(slow[0]!.citation).toContain('Law A s. 28');
    expect(findingIds(answers({ rtc: { 'breach-notice-hours': { answer: '72' } } }))).toHaveLength(2);
    expect(findingIds(answers({ rtc: { 'breach-notice-hours': { answer: 'within 24 hours' } } }))).toEqual([]);
    const vague = answerFindings(testReport(), answers({ rtc: { 'breach-notice-hours': { answer: 'promptly' } } }), bank);
    expect(vague.map((i) => i.determination)).toEqual(['to-confirm', 'to-confirm']);
  });

  it('flags an AI vendor that trains on players’ data', () => {
    expect(findingIds(answers({ llm: { 'ai-training-on-player-data': { answer: 'Yes, unless you opt out' } } }))).toEqual([
      'law-a/answer-ai-training-on-player-data/vendor:llm',
    ]);
    expect(findingIds(answers({ llm: { 'ai-training-on-player-data': { answer: 'No' } } }))).toEqual([]);
  });

  it('ignores answers the report does not ask, and lists them', () => {
    const a = answers({ rtc: { 'ai-training-on-player-data': { answer: 'yes' } }, ghost: { 'dpa-signed': { answer: 'no' } } });
    expect(findingIds(a)).toEqual([]);
    expect(unmatchedAnswers(testReport(), a)).toEqual(['ghost/dpa-signed', 'rtc/ai-training-on-player-data']);
  });

  it('adds the findings to a report, recomputing the summary, without touching the input', () => {
    const report = testReport();
    const before = JSON.stringify(report);
    const out = applyAnswers(report, answers({ rtc: { 'dpa-signed': { answer: 'no' } } }), bank);
    expect(JSON.stringify(report)).toBe(before);
    expect(out.items.length).toBe(report.items.length + 1);
    expect(out.summary.items).toBe(out.items.length);
    expect(out.items.map((i) => i.id)).toEqual([...out.items.map((i) => i.id)].sort());
    expect(applyAnswers(report, answers({}), bank)).toBe(report);
  });

  it('is deterministic', () => {
    const a = answers({ rtc: { 'dpa-signed': { answer: 'no' }, 'breach-notice-hours': { answer: '96 hours' } } });
    const r = testReport(vendorWorld(), testLaws());
    expect(JSON.stringify(answerFindings(r, a, bank))).toBe(JSON.stringify(answerFindings(r, a, bank)));
  });
});
