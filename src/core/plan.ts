// The work plan: the checklist grouped into the fewest pieces of work. Items
// of every law about the same topic and kind of subject are one task (the
// assessments of every purpose that needs one, the opt-out mechanism of the
// game, the breach process), with the strictest deadline among them and every
// law it satisfies; within it, each subject (a purpose, a vendor, a transfer)
// keeps its own items, laws and status, so the work can be done and marked one
// subject at a time. A law whose text refuses work done for another law
// (`reuse: {allowed: false}` on its rule) keeps a task of its own. The per-law
// checklist stays as it is: an auditor asks per law.
import { durationSeconds } from './duration.js';
import { TOPIC_NAMES, TOPICS } from './generated/topics.js';
import type { Deadline, Determination, ForKind, ItemStatus, ReportItem, Severity, Topic } from './types.js';
import { SEVERITIES } from './types.js';
import { naturalOrder } from './order.js';

/** One subject a task is done for (a purpose, a vendor, a transfer, the game): its own items and laws. */
export interface PlanSubject {
  /** `<topic>/<subject type>:<subject id>`, plus `/<pack>` in a law's own task: marked under `tasks:`, it closes this subject's items alone */
  id: string;
  subject: { type: ForKind; id: string };
  /** applies if any of its items applies; else to confirm if any is; else upcoming */
  determination: Determination;
  regulations: string[];
  /** the ids of the items it satisfies */
  items: string[];
  /** what an auditor will ask for on this subject, from every item, without repeats */
  evidence: string[];
  status: ItemStatus;
}

export interface PlanTask {
  /** stable: `<topic>/<subject type>`, plus `/<pack>` for a law that keeps its own task */
  id: string;
  topic: Topic;
  title: string;
  /** what the work is done for: every purpose, vendor, transfer or data element that needs it, or the game */
  subjectType: ForKind;
  /** the highest severity among its items */
  severity: Severity;
  /** applies if any item applies; else to confirm if any is; else upcoming */
  determination: Determination;
  /** the shortest deadline among its items, and the laws that set it */
  deadline: (Deadline & { setBy: string[] }) | null;
  /** the earliest date one of its items applies from */
  inForce: string;
  regulations: string[];
  jurisdictions: string[];
  /** each law's citation it satisfies, as `<pack>: <citation>`, without repeats */
  citations: string[];
  /** the subjects it is done for, each with its items: every item of the task is in exactly one */
  subjects: PlanSubject[];
  /** the laws whose text accepts this work done for another law, as `<pack>: <provision>` (from the rules' `reuse`) */
  reuseAllowedBy?: string[];
  /** why this law keeps a task of its own (its text refuses work done for another law) */
  ownTask?: string;
  status: ItemStatus;
  progress: { closed: number; total: number };
}

/** What the plan needs to know of an item's rule: whether its law accepts work done for another law, and the provision that says so. */
export type ReuseOf = (item: ReportItem) => { allowed: boolean; why?: string };

/** The reuse decisions a plan already made, for a plan rebuilt with more items (vendors' answers). */
export function reuseFromPlan(plan: readonly PlanTask[]): ReuseOf {
  const refused = new Map<string, string>();
  const allowed = new Map<string, string>();
  for (const t of plan) {
    if (t.ownTask !== undefined) for (const subject of t.subjects) for (const id of subject.items) refused.set(id, t.ownTask);
    for (const entry of t.reuseAllowedBy ?? []) {
      const at = entry.indexOf(': ');
      allowed.set(`${t.id}|${entry.slice(0, at)}`, entry.slice(at + 2));
    }
  }
  return (item) => {
    const why = refused.get(item.id);
    if (why !== undefined) return { allowed: false, why };
    const allows = allowed.get(`${item.topic}/${item.subject.type}|${item.regulation}`);
    return allows === undefined ? { allowed: true } : { allowed: true, why: allows };
  };
}

const DETERMINATION_RANK: Record<Determination, number> = { applies: 0, 'to-confirm': 1, upcoming: 2 };
const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;
const TOPIC_RANK = new Map<Topic, number>(TOPICS.map((t, i) => [t, i]));

const SUBJECT_NOUNS: Record<ForKind, [string, string]> = {
  game: ['the game', 'the game'],
  market: ['market', 'markets'],
  data: ['data element', 'data elements'],
  purpose: ['purpose', 'purposes'],
  vendor: ['vendor', 'vendors'],
  flow: ['flow', 'flows'],
  transfer: ['transfer', 'transfers'],
};

/** What a task is done for, in words: "the game", "purpose ads", "12 purposes". */
function subjectsLabel(type: ForKind, subjects: readonly { id: string }[]): string {
  if (type === 'game') return 'the game';
  const [one, many] = SUBJECT_NOUNS[type];
  if (subjects.length > 1) return `${subjects.length.toLocaleString('en-US')} ${many}`;
  return `${one} ${type === 'transfer' ? subjects[0]!.id.replace('@', ' to ') : subjects[0]!.id}`;
}
const closed = (s: ItemStatus) => s === 'done' || s === 'not-applicable';

/** A task's status from its items': done when all are closed, in progress once any is started or closed. */
function taskStatus(items: readonly ReportItem[]): ItemStatus {
  if (items.every((i) => closed(i.status))) return items.some((i) => i.status === 'done') ? 'done' : 'not-applicable';
  return items.some((i) => i.status !== 'todo') ? 'in-progress' : 'todo';
}

/** An item's task (its topic and kind of subject) and subject within it; a law that keeps its own task adds its id to both. */
export function planIds(item: ReportItem, reuse: { allowed: boolean }): { taskId: string; subjectId: string } {
  const own = reuse.allowed ? '' : `/${item.regulation}`;
  return { taskId: `${item.topic}/${item.subject.type}${own}`, subjectId: `${item.topic}/${item.subject.type}:${item.subject.id}${own}` };
}

const bestDetermination = (items: readonly ReportItem[]): Determination =>
  items.reduce<Determination>((d, i) => (DETERMINATION_RANK[i.determination] < DETERMINATION_RANK[d] ? i.determination : d), 'upcoming');

function planSubject(id: string, items: readonly ReportItem[]): PlanSubject {
  const evidence = new Set<string>();
  const regulations = new Set<string>();
  for (const item of items) {
    regulations.add(item.regulation);
    for (const e of item.evidence) evidence.add(e);
  }
  return {
    id,
    subject: items[0]!.subject,
    determination: bestDetermination(items),
    regulations: [...regulations].sort(),
    items: items.map((i) => i.id),
    evidence: [...evidence],
    status: taskStatus(items),
  };
}

export function buildPlan(items: readonly ReportItem[], reuseOf: ReuseOf): PlanTask[] {
  // A portfolio's items share a few dozen deadlines: each is parsed once.
  const parsed = new Map<string, number>();
  const secondsOf = (d: string) => {
    let n = parsed.get(d);
    if (n === undefined) parsed.set(d, (n = durationSeconds(d)));
    return n;
  };
  // task id → subject id → items, both in the order items first name them; each item's reuse decided once.
  // Items of a portfolio number tens of thousands and share a few hundred rules: the strings that name their
  // task and citation are made once per rule and law, not once per item.
  const groups = new Map<string, { subjects: Map<string, ReportItem[]>; reuseAllowedBy: Set<string> }>();
  const sharedTaskIds = new Map<string, Map<string, string>>();
  for (const item of items) {
    const reuse = reuseOf(item);
    let byType = sharedTaskIds.get(item.topic);
    if (!byType) sharedTaskIds.set(item.topic, (byType = new Map()));
    let taskId = reuse.allowed ? byType.get(item.subject.type) : undefined;
    if (taskId === undefined) {
      taskId = planIds(item, reuse).taskId;
      if (reuse.allowed) byType.set(item.subject.type, taskId);
    }
    let task = groups.get(taskId);
    if (!task) groups.set(taskId, (task = { subjects: new Map(), reuseAllowedBy: new Set() }));
    if (reuse.allowed && reuse.why !== undefined) task.reuseAllowedBy.add(`${item.regulation}: ${reuse.why}`);
    // Within a task every item has the same kind of subject: the subject's id names it.
    const g = task.subjects.get(item.subject.id);
    if (g) g.push(item);
    else task.subjects.set(item.subject.id, [item]);
  }
  const citationLines = new Map<string, Map<string, string>>();
  const citationLine = (item: ReportItem) => {
    let byCitation = citationLines.get(item.regulation);
    if (!byCitation) citationLines.set(item.regulation, (byCitation = new Map()));
    let line = byCitation.get(item.citation);
    if (line === undefined) byCitation.set(item.citation, (line = `${item.regulation}: ${item.citation}`));
    return line;
  };
  const tasks: PlanTask[] = [];
  for (const [id, { subjects: subjectGroups, reuseAllowedBy }] of groups) {
    const group: ReportItem[] = [];
    for (const g of subjectGroups.values()) for (const item of g) group.push(item);
    const first = group[0]!;
    const reuse = reuseOf(first);
    let severity = first.severity;
    let inForce = first.inForce;
    let shortest: { seconds: number; deadline: Deadline; setBy: Set<string> } | undefined;
    const regulations = new Set<string>();
    const jurisdictions = new Set<string>();
    const citations = new Set<string>();
    for (const item of group) {
      citations.add(citationLine(item));
      if (SEVERITY_RANK[item.severity] < SEVERITY_RANK[severity]) severity = item.severity;
      if (item.inForce < inForce) inForce = item.inForce;
      regulations.add(item.regulation);
      jurisdictions.add(item.jurisdiction);
      if (item.deadline) {
        const seconds = secondsOf(item.deadline.within);
        if (!shortest || seconds < shortest.seconds) shortest = { seconds, deadline: item.deadline, setBy: new Set([item.regulation]) };
        else if (seconds === shortest.seconds) shortest.setBy.add(item.regulation);
      }
    }
    const subjects = [...subjectGroups.values()]
      .map((g) => planSubject(planIds(g[0]!, reuse).subjectId, g))
      .sort((a, b) => naturalOrder(a.subject.id, b.subject.id));
    tasks.push({
      id,
      topic: first.topic,
      title: `${TOPIC_NAMES[first.topic]}: ${subjectsLabel(
        first.subject.type,
        subjects.map((s) => s.subject),
      )}${reuse.allowed ? '' : ` (${first.regulation}, on its own)`}`,
      subjectType: first.subject.type,
      severity,
      determination: bestDetermination(group),
      deadline: shortest ? { ...shortest.deadline, setBy: [...shortest.setBy].sort() } : null,
      inForce,
      regulations: [...regulations].sort(),
      jurisdictions: [...jurisdictions].sort(),
      citations: [...citations],
      subjects,
      ...(reuseAllowedBy.size ? { reuseAllowedBy: [...reuseAllowedBy].sort() } : {}),
      ...(reuse.allowed ? {} : { ownTask: reuse.why ?? `${first.regulation} does not accept work done for another law` }),
      status: taskStatus(group),
      progress: { closed: group.filter((i) => closed(i.status)).length, total: group.length },
    });
  }
  const seconds = new Map(tasks.map((t) => [t.id, t.deadline ? secondsOf(t.deadline.within) : Infinity]));
  // What to do first: the most severe, what applies now, what applied earliest, the tightest deadline, what serves most laws.
  return tasks.sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      DETERMINATION_RANK[a.determination] - DETERMINATION_RANK[b.determination] ||
      (a.inForce < b.inForce ? -1 : a.inForce > b.inForce ? 1 : 0) ||
      seconds.get(a.id)! - seconds.get(b.id)! ||
      b.regulations.length - a.regulations.length ||
      TOPIC_RANK.get(a.topic)! - TOPIC_RANK.get(b.topic)! ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
