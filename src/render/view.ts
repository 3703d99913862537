// A view of the report shaped for templates: per law, grouped by topic, in
// the matrix's topic order. Derived, never stored: JSON stays the model.
import { TOPIC_ORDER } from '../core/matrix.js';
import type { Report, ReportItem, ReportRegulation } from '../core/types.js';
import type { PlanTask } from '../core/plan.js';
import { groupBy } from './progress.js';
import { uncoveredSentence } from '../core/coverage.js';
import { isOpen } from '../core/gate.js';
import { lawsHeadline, notVerifiedSentence, type LawsHeadline } from '../core/summary.js';

export interface LawView {
  regulation: ReportRegulation;
  /** the report's vendors, to name them in the facts that would decide an item */
  vendors: Report['vendors'];
  topics: Array<{ topic: string; items: ReportItem[] }>;
  progress: { done: number; total: number };
}

export interface ReportView {
  report: Report;
  laws: LawView[];
  applicable: LawView[];
  others: ReportRegulation[];
  /** status entries that match no current item, with the item that now stands for them, if any */
  stale: StaleStatusEntry[];
  /** the sentence naming the offered markets no rule pack covers; '' when every one is covered */
  uncovered: string;
  /** how many items rest on rules not verified against the law's text, in words */
  notVerified: string;
  /** the laws that apply and those giving only items to confirm or upcoming, named */
  headline: LawsHeadline;
  planView: PlanView;
}

export interface PlanView {
  tasks: Array<{ n: number; task: PlanTask; laws: string; for: string }>;
  /** how many items the tasks cover, written with thousands separators */
  items: string;
  closed: number;
}

/** Laws a task serves, listed when few, counted when many (a task can serve twenty states). */
const LISTED_LAWS = 6;
/** Subjects a task is done for, listed when few, counted when many (a portfolio has a thousand purposes). */
const LISTED_SUBJECTS = 8;

function listed(names: readonly string[], most: number): string {
  return names.length <= most ? names.join(', ') : `${names.slice(0, most).join(', ')} and ${(names.length - most).toLocaleString('en-US')} more`;
}

export function buildPlanView(report: Report): PlanView {
  const tasks = report.plan.map((task, i) => ({
    n: i + 1,
    task,
    laws: `${task.regulations.length > LISTED_LAWS ? `${task.regulations.length} laws: ` : ''}${listed(task.regulations, LISTED_LAWS)}`,
    for:
      task.subjectType === 'game'
        ? 'the game'
        : listed(
            task.subjects.map((s) => s.subject.id),
            LISTED_SUBJECTS,
          ),
  }));
  return {
    tasks,
    items: report.items.length.toLocaleString('en-US'),
    closed: report.plan.filter((t) => t.status === 'done' || t.status === 'not-applicable').length,
  };
}

export interface StaleStatusEntry {
  id: string;
  /** the single item its rule now gives for the whole game (`items: one`), which the entry's status may belong to */
  now?: string;
}

/**
 * Status entries that match no current item. An entry for one subject of a
 * rule that now gives a single item for the game (`pack/rule/purpose:ads`
 * where `pack/rule` is an item) points to that item: its status is to be
 * reviewed there, not lost.
 */
export function staleStatusEntries(report: Report): StaleStatusEntry[] {
  if (report.unmatchedStatus.length === 0) return [];
  const ids = new Set(report.items.map((i) => i.id));
  return report.unmatchedStatus.map((id) => {
    const rule = id.split('/').slice(0, 2).join('/');
    return rule !== id && ids.has(rule) ? { id, now: rule } : { id };
  });
}

export function buildView(report: Report): ReportView {
  const byRegulation = groupBy(report.items, (i) => i.regulation);
  const laws: LawView[] = report.regulations.map((regulation) => {
    const items = byRegulation.get(regulation.id) ?? [];
    const byTopic = groupBy(items, (i) => i.topic);
    const topics = TOPIC_ORDER.filter((topic) => byTopic.has(topic)).map((topic) => ({ topic, items: byTopic.get(topic)! }));
    return { regulation, vendors: report.vendors, topics, progress: { done: items.filter((i) => !isOpen(i)).length, total: items.length } };
  });
  const applicable = laws.filter((l) => l.topics.length > 0);
  const shown = new Set(applicable.map((l) => l.regulation));
  return {
    report,
    laws,
    applicable,
    others: report.regulations.filter((r) => !shown.has(r)),
    stale: staleStatusEntries(report),
    uncovered: uncoveredSentence(report.uncoveredMarkets),
    notVerified: notVerifiedSentence(report.summary),
    headline: lawsHeadline(report),
    planView: buildPlanView(report),
  };
}
