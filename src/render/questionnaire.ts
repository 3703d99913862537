// Vendor questionnaires: the report's `vendors` section shaped for people
// (Markdown) and spreadsheets (CSV, XLSX). One row model serves every table
// format so the columns, and the formula-injection guard, are the same.
import type { Report, ReportQuestion, ReportVendor } from '../core/types.js';
import { uncoveredSentence } from '../core/coverage.js';
import { template } from './handlebars.js';
import { jsonText } from './json.js';

/** What `complyflow questions --format json` writes: the report's vendors section plus its context. */
export interface Questionnaire {
  schemaVersion: 1;
  tool: Report['tool'];
  asOf: string;
  disclaimer: string;
  game: Report['game'];
  /** the laws (and practice packs) the questions cite, for naming them */
  regulations: Array<{ id: string; name: string; shortName: string; jurisdiction: string }>;
  /** offered markets no loaded rule pack covers (present only when there are some): no question comes from their laws */
  uncoveredMarkets?: string[];
  vendors: ReportVendor[];
}

export { QUESTIONNAIRE_FORMATS, type QuestionnaireFormat } from './formats.js';

/** The questionnaire for some (default: all) vendors of a report. Pure. */
export function questionnaireFromReport(report: Report, vendorIds?: readonly string[]): Questionnaire {
  const wanted = vendorIds?.length ? new Set(vendorIds) : undefined;
  const vendors = report.vendors.filter((v) => !wanted || wanted.has(v.id));
  const cited = new Set(vendors.flatMap((v) => v.questions.flatMap((q) => q.regulations)));
  return {
    schemaVersion: 1,
    tool: report.tool,
    asOf: report.asOf,
    disclaimer: report.disclaimer,
    game: report.game,
    regulations: report.regulations
      .filter((r) => cited.has(r.id))
      .map((r) => ({ id: r.id, name: r.name, shortName: r.shortName ?? r.id, jurisdiction: r.jurisdiction })),
    ...(report.uncoveredMarkets.length ? { uncoveredMarkets: report.uncoveredMarkets } : {}),
    vendors,
  };
}

// ---------------------------------------------------------------- cells

export { neutralizeCell } from '../core/cells.js';

export { QUESTION_COLUMNS, VENDOR_COLUMNS, HEADER_TO_KEY, type ColumnKey } from '../core/questionnaire-columns.js';

/** The laws behind a question by their short names (GDPR; PIPL): the legend names them in full. */
function lawNames(q: ReportQuestion, doc: Questionnaire): string {
  const byId = new Map(doc.regulations.map((r) => [r.id, r]));
  return q.regulations.map((id) => byId.get(id)?.shortName ?? id).join('; ');
}

/** The legend of the short names: short name, full name, pack id, in the order of the short names. */
export function lawLegend(doc: Questionnaire): Array<[string, string, string]> {
  return doc.regulations
    .map((r): [string, string, string] => [r.shortName, r.name, r.id])
    .sort((a, b) => (a[0].toLowerCase() < b[0].toLowerCase() ? -1 : a[0].toLowerCase() > b[0].toLowerCase() ? 1 : a[2] < b[2] ? -1 : 1));
}

/** One vendor's question rows (raw text, not yet neutralised). */
export function questionRows(vendor: ReportVendor, doc: Questionnaire): string[][] {
  return vendor.questions.map((q) => [q.id, q.text, lawNames(q, doc), q.citations.join('; '), q.evidence.join('; '), '', '']);
}

// ---------------------------------------------------------------- Markdown

export function renderQuestionnaireMarkdown(doc: Questionnaire): string {
  const view = {
    doc,
    legend: lawLegend(doc).map(([short, name, id]) => ({ short, name, id })),
    uncovered: uncoveredSentence(doc.uncoveredMarkets ?? [], 'questionnaire'),
    vendors: doc.vendors.map((v) => ({
      vendor: v,
      questions: v.questions.map((q) => ({ q, why: lawNames(q, doc) })),
    })),
  };
  return template('questionnaire.md.hbs', 'markdown')(view).replace(/\n{3,}/g, '\n\n');
}

export function renderQuestionnaireJson(doc: Questionnaire): string {
  return jsonText(doc);
}
