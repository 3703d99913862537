// Answers back in: what vendors answered to their questionnaires, and the
// answers that leave an obligation open turned into findings. Pure: no I/O.
import { durationSeconds, describeDuration } from './duration.js';
import { buildMatrix } from './matrix.js';
import { buildPlan, reuseFromPlan } from './plan.js';
import { summarize } from './summary.js';
import { byId } from './order.js';
import { SEVERITIES, type Question, type Report, type ReportItem, type ReportQuestion, type ReportVendor, type Severity } from './types.js';

/** One answered question. */
export interface Answer {
  answer: string;
  notes?: string;
  evidence?: string[];
}

/** Answers per vendor id, then per question id (the YAML file's `vendors` map). */
export interface Answers {
  version: 1;
  vendors: Record<string, Record<string, Answer>>;
}

export type YesNo = 'yes' | 'no' | null;

/** A clear yes or no at the start of an answer, else null. */
export function yesNo(text: string): YesNo {
  const t = text.trim().toLowerCase();
  if (/^(no|n|false|not|never|none|we do not|we don't|we will not|we won't|we cannot|we can't|declined?|refused?)\b/.test(t)) return 'no';
  if (/^(yes|y|true|agreed?|signed|we do|we will|we can|confirmed?)\b/.test(t)) return 'yes';
  return null;
}

const UNIT_SECONDS: ReadonlyArray<[RegExp, number]> = [
  [/^(business\s+|working\s+)?days?$|^d$/, 86_400],
  [/^(hours?|hrs?|h)$/, 3_600],
  [/^(minutes?|mins?|m)$/, 60],
  [/^(weeks?|w)$/, 604_800],
  [/^months?$/, 2_592_000],
];

/**
 * The time committed in an answer, in seconds: an ISO 8601 duration
 * ("PT48H"), a number with a unit ("within 7 days", "48h", "24-48 hours":
 * the upper bound counts), or a bare number read in `bareUnit` seconds.
 */
export function answerSeconds(text: string, bareUnit = 3_600): number | null {
  const t = text.trim();
  const iso = /\bP(?:\d+[YMWD])*(?:T(?:\d+[HMS])+)?\b/.exec(t.toUpperCase());
  if (iso && iso[0] !== 'P') {
    try {
      return durationSeconds(iso[0]);
    } catch {
      /* not a duration after all */
    }
  }
  const m = /(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?\s*([a-z]+(?:\s+days?)?)?/i.exec(t);
  if (!m) return null;
  const n = Number(m[2] ?? m[1]);
  const unit = (m[3] ?? '').toLowerCase();
  if (!unit) return /^\s*\d+(\.\d+)?\s*$/.test(t) ? n * bareUnit : null;
  for (const [re, s] of UNIT_SECONDS) if (re.test(unit)) return n * s;
  return null;
}

function strictestSeverity(items: readonly ReportItem[]): Severity {
  let best = SEVERITIES.length - 1;
  for (const i of items) best = Math.min(best, SEVERITIES.indexOf(i.severity));
  return SEVERITIES[best] ?? 'medium';
}

interface Gap {
  because: string[];
  unknown: string[];
  determination: 'applies' | 'to-confirm';
}

/** How the bank says an answer is judged (expectedAnswer, timeUnit): data, not code. */
function judge(q: ReportQuestion, spec: Question | undefined, a: Answer, report: Report): Gap | null {
  const answer = a.answer.trim();
  if (!answer) return null;
  // An answer the tool cannot judge goes to a person: an item to confirm, never nothing.
  const toReview = (why: string): Gap => ({
    because: [`the vendor answered "${answer}" to ${q.id}`, why],
    unknown: [`a review of the answer to ${q.id}`],
    determination: 'to-confirm',
  });
  if (!spec?.expectedAnswer) return toReview('no rule judges this answer: read it against the question');
  const row = report.matrix.find((r) => r.topic === spec.topic);
  if (spec.expectedAnswer === 'within-strictest-deadline') {
    if (!row?.strictest)
      return answerSeconds(answer, spec.timeUnit === 'days' ? 86_400 : 3_600) === null
        ? toReview('it commits to no time, and no law here sets a deadline to compare with')
        : null;
    const limit = durationSeconds(row.strictest.within);
    const bare = spec.timeUnit === 'days' ? 86_400 : 3_600;
    const given = answerSeconds(answer, bare);
    const deadline = `${describeDuration(row.strictest.within)} (${row.strictest.jurisdictions.join(', ')})`;
    if (given === null)
      return yesNo(answer) === 'no'
        ? { because: [`the vendor answered "${answer}"`, `the strictest ${row.topic} deadline is ${deadline}`], unknown: [], determination: 'applies' }
        : {
            because: [`the answer "${answer}" commits to no time`, `the strictest ${row.topic} deadline is ${deadline}`],
            unknown: [`a committed time for ${q.id}`],
            determination: 'to-confirm',
          };
    if (given >= limit)
      return {
        because: [`the vendor commits to "${answer}"`, `the strictest ${row.topic} deadline is ${deadline}, which leaves us no time of our own`],
        unknown: [],
        determination: 'applies',
      };
    return null;
  }
  const got = yesNo(answer);
  if (got === null) return toReview('it is neither a clear yes nor a clear no');
  if (got === spec.expectedAnswer) return null;
  return { because: [`the vendor answered "${answer}" to ${q.id}`], unknown: [], determination: 'applies' };
}

/**
 * The answers that leave an obligation open, as checklist items: one per
 * vendor, question and law that asks it, tied to the law's own items. Items
 * have ids `<law>/answer-<question>/vendor:<vendor>`; answers to questions
 * the report does not ask are ignored (see unmatchedAnswers).
 */
export function answerFindings(report: Report, answers: Answers, bank: readonly Question[]): ReportItem[] {
  const specs = new Map(bank.map((q) => [q.id, q]));
  const items = new Map(report.items.map((i) => [i.id, i]));
  const regs = new Map(report.regulations.map((r) => [r.id, r]));
  const out: ReportItem[] = [];
  for (const vendor of report.vendors) {
    const given = answers.vendors[vendor.id];
    if (!given) continue;
    for (const q of vendor.questions) {
      const a = given[q.id];
      if (!a) continue;
      const gap = judge(q, specs.get(q.id), a, report);
      if (!gap) continue;
      for (const regId of q.regulations) {
        const linked = q.items.map((id) => items.get(id)).filter((i): i is ReportItem => !!i && i.regulation === regId);
        const first = linked[0];
        out.push({
          id: `${regId}/answer-${q.id}/vendor:${vendor.id}`,
          regulation: regId,
          jurisdiction: regs.get(regId)?.jurisdiction ?? first?.jurisdiction ?? '',
          rule: `answer-${q.id}`,
          citation: [...new Set(linked.map((i) => i.citation))].sort().join('; ') || q.citations.join('; '),
          url: first?.url ?? null,
          topic: specs.get(q.id)?.topic ?? first?.topic ?? 'processor-contract',
          severity: strictestSeverity(linked),
          title:
            gap.determination === 'to-confirm' && gap.unknown[0]?.startsWith('a review of')
              ? `Review ${vendor.name}'s answer to "${q.id}"`
              : `${vendor.name}'s answer to "${q.id}" leaves an obligation open`,
          action: `Resolve with ${vendor.name} before relying on it: ${q.text}`,
          evidence: q.evidence,
          deadline: null,
          subject: { type: 'vendor', id: vendor.id },
          because: [...gap.because, ...(a.notes ? [`notes: ${a.notes}`] : []), ...linked.map((i) => `asked because of ${i.id}`)],
          determination: gap.determination,
          unknown: gap.unknown,
          inForce: first?.inForce ?? report.asOf,
          verification: first?.verification ?? 'verified',
          status: 'todo',
          owner: null,
          evidenceProvided: a.evidence ?? [],
        });
      }
    }
  }
  return out.sort(byId);
}

/** Answers naming a vendor or question the report does not ask: `vendor/question`, sorted. */
export function unmatchedAnswers(report: Report, answers: Answers): string[] {
  const asked = new Map<string, ReportVendor>(report.vendors.map((v) => [v.id, v]));
  const out: string[] = [];
  for (const [vid, qs] of Object.entries(answers.vendors)) {
    const v = asked.get(vid);
    for (const qid of Object.keys(qs)) if (!v || !v.questions.some((q) => q.id === qid)) out.push(`${vid}/${qid}`);
  }
  return out.sort();
}

/** The report with answer findings added (items, matrix and summary recomputed). Pure. */
export function applyAnswers(report: Report, answers: Answers, bank: readonly Question[]): Report {
  const extra = answerFindings(report, answers, bank);
  if (!extra.length) return report;
  const items = [...report.items, ...extra].sort(byId);
  return { ...report, items, matrix: buildMatrix(items), plan: buildPlan(items, reuseFromPlan(report.plan)), summary: summarize(report.regulations, items) };
}
