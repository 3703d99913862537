// The work plan: the checklist grouped into the fewest pieces of work. Items
// of different laws about the same topic and subject (an assessment for one
// purpose, the opt-out mechanism of the game, the breach process) are one
// task, with the strictest deadline among them and every law it satisfies. A
// law whose text refuses work done for another law (`reuse: {allowed: false}`
// on its rule) keeps a task of its own. The per-law checklist stays as it is:
// an auditor asks per law.
import { durationSeconds } from './duration.js';
import { TOPIC_NAMES, TOPICS } from './generated/topics.js';
import type { Deadline, Determination, ForKind, ItemStatus, ReportItem, Severity, Topic } from './types.js';
import { SEVERITIES } from './types.js';

export interface PlanTask {
  /** stable: `<topic>/<subject type>:<subject id>`, plus `/<pack>` for a law that keeps its own task */
  id: string;
  topic: Topic;
  title: string;
  subject: { type: ForKind; id: string };
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
  /** the ids of the items it satisfies */
  items: string[];
  /** each law's citation it satisfies, as `<pack>: <citation>`, without repeats */
  citations: string[];
  /** what an auditor will ask for, from every item, without repeats */
  evidence: string[];
  /** why this law keeps a task of its own (its text refuses work done for another law) */
  ownTask?: string;
  status: ItemStatus;
  progress: { closed: number; total: number };
}

/** What the plan needs to know of an item's rule: whether its law accepts work done for another law. */
export type ReuseOf = (item: ReportItem) => { allowed: boolean; why?: string };

/** The reuse decisions a plan already made, for a plan rebuilt with more items (vendors' answers). */
export function reuseFromPlan(plan: readonly PlanTask[]): ReuseOf {
  const refused = new Map<string, string>();
  for (const t of plan) if (t.ownTask !== undefined) for (const id of t.items) refused.set(id, t.ownTask);
  return (item) => {
    const why = refused.get(item.id);
    return why === undefined ? { allowed: true } : { allowed: false, why };
  };
}

const DETERMINATION_RANK: Record<Determination, number> = { applies: 0, 'to-confirm': 1, upcoming: 2 };
const TOPIC_RANK = new Map<Topic, number>(TOPICS.map((t, i) => [t, i]));

function subjectLabel(s: { type: ForKind; id: string }): string {
  if (s.type === 'game') return 'the game';
  if (s.type === 'transfer') return `transfer ${s.id.replace('@', ' to ')}`;
  return `${s.type} ${s.id}`;
}

const closed = (s: ItemStatus) => s === 'done' || s === 'not-applicable';

/** A task's status from its items': done when all are closed, in progress once any is started or closed. */
function taskStatus(items: readonly ReportItem[]): ItemStatus {
  if (items.every((i) => closed(i.status))) return items.some((i) => i.status === 'done') ? 'done' : 'not-applicable';
  return items.some((i) => i.status !== 'todo') ? 'in-progress' : 'todo';
}

/** The key of the task an item belongs to. */
export function taskIdOf(item: ReportItem, reuseOf: ReuseOf): string {
  const base = `${item.topic}/${item.subject.type}:${item.subject.id}`;
  return reuseOf(item).allowed ? base : `${base}/${item.regulation}`;
}

export function buildPlan(items: readonly ReportItem[], reuseOf: ReuseOf): PlanTask[] {
  // A portfolio's items share a few dozen deadlines: each is parsed once.
  const parsed = new Map<string, number>();
  const secondsOf = (d: string) => {
    let n = parsed.get(d);
    if (n === undefined) parsed.set(d, (n = durationSeconds(d)));
    return n;
  };
  const groups = new Map<string, ReportItem[]>();
  for (const item of items) {
    const id = taskIdOf(item, reuseOf);
    let g = groups.get(id);
    if (!g) groups.set(id, (g = []));
    g.push(item);
  }
  const tasks: PlanTask[] = [];
  for (const [id, group] of groups) {
    const first = group[0]!;
    let severity = first.severity;
    let determination = first.determination;
    let inForce = first.inForce;
    let shortest: { seconds: number; deadline: Deadline; setBy: Set<string> } | undefined;
    const regulations = new Set<string>();
    const jurisdictions = new Set<string>();
    const evidence = new Set<string>();
    const citations = new Set<string>();
    for (const item of group) {
      citations.add(`${item.regulation}: ${item.citation}`);
      if (SEVERITIES.indexOf(item.severity) < SEVERITIES.indexOf(severity)) severity = item.severity;
      if (DETERMINATION_RANK[item.determination] < DETERMINATION_RANK[determination]) determination = item.determination;
      if (item.inForce < inForce) inForce = item.inForce;
      regulations.add(item.regulation);
      jurisdictions.add(item.jurisdiction);
      for (const e of item.evidence) evidence.add(e);
      if (item.deadline) {
        const seconds = secondsOf(item.deadline.within);
        if (!shortest || seconds < shortest.seconds) shortest = { seconds, deadline: item.deadline, setBy: new Set([item.regulation]) };
        else if (seconds === shortest.seconds) shortest.setBy.add(item.regulation);
      }
    }
    const reuse = reuseOf(first);
    tasks.push({
      id,
      topic: first.topic,
      title: `${TOPIC_NAMES[first.topic]}: ${subjectLabel(first.subject)}${reuse.allowed ? '' : ` (${first.regulation}, on its own)`}`,
      subject: first.subject,
      severity,
      determination,
      deadline: shortest ? { ...shortest.deadline, setBy: [...shortest.setBy].sort() } : null,
      inForce,
      regulations: [...regulations].sort(),
      jurisdictions: [...jurisdictions].sort(),
      items: group.map((i) => i.id),
      citations: [...citations],
      evidence: [...evidence],
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
