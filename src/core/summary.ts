import { SEVERITIES, type Report, type ReportItem, type ReportRegulation } from './types.js';

const STATUSES = ['todo', 'in-progress', 'done', 'not-applicable'] as const;
const DETERMINATIONS = ['applies', 'to-confirm', 'upcoming'] as const;
const VERIFICATIONS = ['verified', 'secondary', 'unverified'] as const;

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function summarize(regs: readonly ReportRegulation[], items: readonly ReportItem[]): Report['summary'] {
  const bySeverity = zeros(SEVERITIES);
  const byStatus = zeros(STATUSES);
  const byDetermination = zeros(DETERMINATIONS);
  const byVerification = zeros(VERIFICATIONS);
  // One pass; a value outside the vocabulary (a hand-edited status) is not counted.
  for (const i of items) {
    if (Object.hasOwn(bySeverity, i.severity)) bySeverity[i.severity]++;
    if (Object.hasOwn(byStatus, i.status)) byStatus[i.status as (typeof STATUSES)[number]]++;
    if (Object.hasOwn(byDetermination, i.determination)) byDetermination[i.determination]++;
    if (Object.hasOwn(byVerification, i.verification)) byVerification[i.verification]++;
  }
  return { applicable: regs.filter((r) => r.status === 'applies').length, items: items.length, bySeverity, byStatus, byDetermination, byVerification };
}

/**
 * How many items rest on rules not read in the law's text, in words, so a
 * compliance owner knows how much to check with counsel.
 */
export function notVerifiedSentence(summary: Report['summary']): string {
  const { secondary = 0, unverified = 0 } = summary.byVerification;
  const n = secondary + unverified;
  if (summary.items === 0) return '';
  if (n === 0) return "Every item rests on a rule verified against the law's text.";
  const parts = [secondary ? `${secondary} read only in a secondary source` : '', unverified ? `${unverified} not read in any text` : ''].filter(Boolean);
  return `${n} of ${summary.items} items rest on rules not verified against the law's text (${parts.join(', ')}): check them with counsel.`;
}

/**
 * The laws in the headline, named: those that apply, and those that give
 * items only to confirm or upcoming (a law whose scope is undecided, or not
 * yet in force), so "N of M apply" never hides laws that ask for work.
 */
export interface LawsHeadline {
  apply: string[];
  openOnly: Array<{ name: string; toConfirm: number; upcoming: number }>;
  /** the headline sentence, without Markdown */
  text: string;
}

export function lawsHeadline(report: Pick<Report, 'regulations' | 'items'>): LawsHeadline {
  const counts = new Map<string, { toConfirm: number; upcoming: number }>();
  for (const i of report.items) {
    const c = counts.get(i.regulation) ?? { toConfirm: 0, upcoming: 0 };
    if (i.determination === 'to-confirm') c.toConfirm++;
    else if (i.determination === 'upcoming') c.upcoming++;
    counts.set(i.regulation, c);
  }
  const nameOf = (r: ReportRegulation) => r.shortName ?? r.id;
  const apply = report.regulations.filter((r) => r.status === 'applies').map(nameOf);
  const openOnly = report.regulations.filter((r) => r.status !== 'applies' && counts.has(r.id)).map((r) => ({ name: nameOf(r), ...counts.get(r.id)! }));
  const what = (o: (typeof openOnly)[number]) =>
    [o.toConfirm ? `${o.toConfirm} to confirm` : '', o.upcoming ? `${o.upcoming} upcoming` : ''].filter(Boolean).join(', ');
  let text = `${apply.length} of ${report.regulations.length} laws evaluated apply${apply.length ? `: ${apply.join(', ')}` : ''}.`;
  if (openOnly.length)
    text += ` ${openOnly.length} more ${openOnly.length === 1 ? 'gives' : 'give'} only items to confirm or upcoming: ${openOnly.map((o) => `${o.name} (${what(o)})`).join(', ')}.`;
  return { apply, openOnly, text };
}
