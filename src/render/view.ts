// A view of the report shaped for templates: per law, grouped by topic, in
// the matrix's topic order. Derived, never stored: JSON stays the model.
import { TOPIC_ORDER } from '../core/matrix.js';
import type { Report, ReportItem, ReportRegulation } from '../core/types.js';

export interface LawView {
  regulation: ReportRegulation;
  topics: Array<{ topic: string; items: ReportItem[] }>;
  progress: { done: number; total: number };
}

export interface ReportView {
  report: Report;
  laws: LawView[];
  applicable: LawView[];
  others: ReportRegulation[];
}

export function isOpen(item: ReportItem): boolean {
  return item.status !== 'done' && item.status !== 'not-applicable';
}

export function buildView(report: Report): ReportView {
  const laws: LawView[] = report.regulations.map((regulation) => {
    const items = report.items.filter((i) => i.regulation === regulation.id);
    const topics = TOPIC_ORDER.map((topic) => ({ topic, items: items.filter((i) => i.topic === topic) })).filter((t) => t.items.length);
    return { regulation, topics, progress: { done: items.filter((i) => !isOpen(i)).length, total: items.length } };
  });
  return {
    report,
    laws,
    applicable: laws.filter((l) => l.topics.length > 0),
    others: report.regulations.filter((r) => !laws.find((l) => l.regulation === r && l.topics.length > 0)),
  };
}
