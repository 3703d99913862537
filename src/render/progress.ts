// Progress per market (jurisdiction) and per law, from one function so every
// format (Markdown, HTML, XLSX, JSON consumers) shows the same numbers.
import type { Report, ReportItem } from '../core/types.js';

export interface Progress {
  total: number;
  /** done or not applicable */
  closed: number;
  done: number;
  notApplicable: number;
  inProgress: number;
  todo: number;
  /** closed / total, in whole percent rounded down (100 only when everything is closed) */
  percent: number;
}

export interface ProgressView {
  overall: Progress;
  byMarket: Array<{ jurisdiction: string; progress: Progress }>;
  byLaw: Array<{ id: string; name: string; jurisdiction: string; progress: Progress }>;
}

export function progressOf(items: readonly ReportItem[]): Progress {
  let done = 0;
  let notApplicable = 0;
  let inProgress = 0;
  let todo = 0;
  for (const i of items) {
    if (i.status === 'done') done++;
    else if (i.status === 'not-applicable') notApplicable++;
    else if (i.status === 'in-progress') inProgress++;
    else if (i.status === 'todo') todo++;
  }
  const closed = done + notApplicable;
  return {
    total: items.length,
    closed,
    done,
    notApplicable,
    inProgress,
    todo,
    percent: items.length ? Math.floor((closed * 100) / items.length) : 0,
  };
}

/** Items grouped by a key, in first-seen order within each group. */
export function groupBy<K>(items: readonly ReportItem[], key: (i: ReportItem) => K): Map<K, ReportItem[]> {
  const out = new Map<K, ReportItem[]>();
  for (const i of items) {
    const k = key(i);
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  }
  return out;
}

/** Progress per market (jurisdiction) and per law: the numbers every format shows. */
export function buildProgress(report: Report): ProgressView {
  const byJurisdiction = groupBy(report.items, (i) => i.jurisdiction);
  const byRegulation = groupBy(report.items, (i) => i.regulation);
  return {
    overall: progressOf(report.items),
    byMarket: [...byJurisdiction.keys()].sort().map((j) => ({ jurisdiction: j, progress: progressOf(byJurisdiction.get(j)!) })),
    byLaw: report.regulations
      .map((r) => ({ id: r.id, name: r.name, jurisdiction: r.jurisdiction, progress: progressOf(byRegulation.get(r.id) ?? []) }))
      .filter((l) => l.progress.total > 0),
  };
}
