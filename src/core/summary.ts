import { SEVERITIES, type Report, type ReportItem, type ReportRegulation } from './types.js';

const STATUSES = ['todo', 'in-progress', 'done', 'not-applicable'] as const;
const DETERMINATIONS = ['applies', 'to-confirm', 'upcoming'] as const;

function count<K extends string>(keys: readonly K[], values: readonly string[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) if (v in out) out[v as K]++;
  return out;
}

export function summarize(regs: readonly ReportRegulation[], items: readonly ReportItem[]): Report['summary'] {
  return {
    applicable: regs.filter((r) => r.status === 'applies').length,
    items: items.length,
    bySeverity: count(SEVERITIES, items.map((i) => i.severity)),
    byStatus: count(STATUSES, items.map((i) => i.status)),
    byDetermination: count(DETERMINATIONS, items.map((i) => i.determination)),
  };
}
