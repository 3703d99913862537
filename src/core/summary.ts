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
  if (n === 0) return 'Every item rests on a rule verified against the law\'s text.';
  const parts = [secondary ? `${secondary} read only in a secondary source` : '', unverified ? `${unverified} not read in any text` : ''].filter(Boolean);
  return `${n} of ${summary.items} items rest on rules not verified against the law's text (${parts.join(', ')}): check them with counsel.`;
}
