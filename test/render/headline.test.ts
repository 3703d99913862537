// Issue 20, reading it: the headline names the laws that apply and those that
// give only items to confirm or upcoming; the questionnaire's "Why we ask"
// column uses short names, with a legend naming them in full.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/assemble.js';
import { lawsHeadline } from '../../src/core/summary.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { buildHtmlView } from '../../src/render/html.js';
import { questionnaireFromReport, questionRows, renderQuestionnaireMarkdown } from '../../src/render/questionnaire.js';
import { loadQuestions } from '../../src/load/regulations.js';
import { flow, regulation, rule, tax } from '../helpers.js';
import { ROOT } from '../cli/run.js';
import { join } from 'node:path';

const opts = { asOf: '2026-12-04', toolVersion: 'test', questions: loadQuestions(join(ROOT, 'questions')).questions };
const laws = [
  regulation([rule({ id: 'a', questions: ['security-measures'], for: 'vendor', when: { vendor: { role: ['processor'] } } })], {
    id: 'law-applies',
    name: 'The Long Name of the Applying Law',
    shortName: 'LAW-A',
  }),
  // undecided scope: its items are to confirm
  regulation([rule({ id: 'b' })], { id: 'law-undecided', name: 'Undecided Law', shortName: 'LAW-U', appliesWhen: { controller: { employees: { gte: 10 } } } }),
  regulation([rule({ id: 'c' })], { id: 'law-later', name: 'Later Law', shortName: 'LAW-L', inForce: '2027-06-01' }),
  regulation([rule({ id: 'd' })], { id: 'law-elsewhere', name: 'Elsewhere Law', shortName: 'LAW-E', jurisdiction: 'JP', appliesWhen: { offeredIn: ['JP'] } }),
];
const report = evaluate(flow(), laws, tax, opts);

describe('the headline names both kinds of law', () => {
  it('counts and names the laws that apply and those giving only open items', () => {
    const h = lawsHeadline(report);
    expect(h.apply).toEqual(['LAW-A']);
    expect(h.openOnly).toEqual([
      { name: 'LAW-L', toConfirm: 0, upcoming: 1 },
      { name: 'LAW-U', toConfirm: 1, upcoming: 0 },
    ]);
    expect(h.text).toBe('1 of 4 laws evaluated apply: LAW-A. 2 more give only items to confirm or upcoming: LAW-L (1 upcoming), LAW-U (1 to confirm).');
  });

  it('in Markdown and HTML', () => {
    expect(renderMarkdown(report)).toContain(`- Laws: ${lawsHeadline(report).text}`);
    expect(buildHtmlView(report).headline.text).toContain('2 more give only items');
  });
});

describe('"Why we ask" by short names, with a legend', () => {
  const doc = questionnaireFromReport(report);
  it('names the law by its short name in the column', () => {
    const rows = questionRows(doc.vendors[0]!, doc);
    expect(rows[0]![2]).toBe('LAW-A');
  });
  it('the Markdown legend names it in full', () => {
    const md = renderQuestionnaireMarkdown(doc);
    expect(md).toContain('## Laws named in "Why we ask"');
    expect(md).toContain('| LAW-A | The Long Name of the Applying Law | `law-applies` |');
  });
});

describe("the facts that would decide an item, in a person's words", () => {
  const law = regulation([rule({ id: 'sale', for: 'vendor', when: { vendor: { sellsOrShares: true } } })], { id: 'law-sale', shortName: 'SALE' });
  const r = evaluate(
    flow({ vendors: [{ id: 'appstores', name: 'App Stores', role: 'third-party', services: ['payments'], regions: ['US'] }] }),
    [law],
    tax,
    opts,
  );

  it('Markdown, CSV and the JSON path', async () => {
    const item = r.items.find((i) => i.rule === 'sale')!;
    expect(item.unknown).toEqual(['vendors[appstores].sellsOrShares']); // JSON keeps the path
    const words = "whether App Stores sells or shares players' data for its own purposes";
    expect(renderMarkdown(r)).toContain(`- **To decide, give:** ${words}`);
    const { renderChecklistCsv } = await import('../../src/render/csv.js');
    expect(renderChecklistCsv(r)).toContain(words);
    expect(renderChecklistCsv(r)).not.toContain('vendors[appstores]');
  });
});

describe('the XLSX questionnaire legend', () => {
  it('sits on the cover under the vendor table, and the answers still read back', async () => {
    const { renderQuestionnaireXlsx, COVER_SHEET } = await import('../../src/render/xlsx.js');
    const { answersFromXlsx } = await import('../../src/load/answers.js');
    const ExcelJS = (await import('exceljs')).default;
    const doc = questionnaireFromReport(report);
    const bytes = await renderQuestionnaireXlsx(doc);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const rows: string[][] = [];
    wb.getWorksheet(COVER_SHEET)!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map(String)));
    expect(rows).toContainEqual(['LAW-A', 'The Long Name of the Applying Law', 'law-applies']);
    const back = await answersFromXlsx(bytes, 'q.xlsx');
    expect(back.issues).toEqual([]);
  });
});
