import { SEVERITIES, type Report, type ReportItem, type ReportRegulation } from './types.js';

const STATUSES = ['todo', 'in-progress', 'done', 'not-applicable'] as const;
const DETERMINATIONS = ['applies', 'to-confirm', 'upcoming'] as const;

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function summarize(regs: readonly ReportRegulation[], items: readonly ReportItem[]): Report['summary'] {
  const bySeverity = zeros(SEVERITIES);
  const byStatus = zeros(STATUSES);
  const byDetermination = zeros(DETERMINATIONS);
  // One pass; a value outside the vocabulary (a hand-edited status) is not counted.
  for (const i of items) {
    if (Object.hasOwn(bySeverity, i.severity)) bySeverity[i.severity]++;
    if (Object.hasOwn(byStatus, i.status)) byStatus[i.status as (typeof STATUSES)[number]]++;
    if (Object.hasOwn(byDetermination, i.determination)) byDetermination[i.determination]++;
  }
  return { applicable: regs.filter((r) => r.status === 'applies').length, items: items.length, bySeverity, byStatus, byDetermination };
}
