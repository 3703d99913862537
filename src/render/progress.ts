// Progress per market (jurisdiction) and per law, from one function so every
// format (Markdown, HTML, XLSX, JSON consumers) shows the same numbers.
import type { Report, ReportItem } from '../core/types.js';
import { isOpen } from './view.js';

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
  const closed = items.filter((i) => !isOpen(i)).length;
  return {
    total: items.length,
    closed,
    done: items.filter((i) => i.status === 'done').length,
    notApplicable: items.filter((i) => i.status === 'not-applicable').length,
    inProgress: items.filter((i) => i.status === 'in-progress').length,
    todo: items.filter((i) => i.status === 'todo').length,
    percent: items.length ? Math.floor((closed * 100) / items.length) : 0,
  };
}

/** Progress per market (jurisdiction) and per law: the numbers every format shows. */
export function buildProgress(report: Report): ProgressView {
  const jurisdictions = [...new Set(report.items.map((i) => i.jurisdiction))].sort();
  return {
    overall: progressOf(report.items),
    byMarket: jurisdictions.map((j) => ({ jurisdiction: j, progress: progressOf(report.items.filter((i) => i.jurisdiction === j)) })),
    byLaw: report.regulations
      .map((r) => ({ id: r.id, name: r.name, jurisdiction: r.jurisdiction, progress: progressOf(report.items.filter((i) => i.regulation === r.id)) }))
      .filter((l) => l.progress.total > 0),
  };
}

