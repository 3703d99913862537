// The cross-market matrix: each topic side by side for every jurisdiction,
// with the strictest deadline named so one process can serve every market.
import { durationSeconds } from './duration.js';
import type { MatrixCell, MatrixRow, ReportItem, Topic } from './types.js';
import { TOPICS } from './generated/topics.js';

/** Topics in the order the matrix and the checklist show them (taxonomy/topics.yaml). */
export const TOPIC_ORDER: readonly Topic[] = TOPICS;

export function buildMatrix(items: readonly ReportItem[]): MatrixRow[] {
  // One pass groups items by topic and jurisdiction; durations are compared as seconds, each parsed once.
  const byTopic = new Map<Topic, Map<string, MatrixCell>>();
  const seconds = new Map<string, number>();
  const secondsOf = (d: string) => {
    let s = seconds.get(d);
    if (s === undefined) seconds.set(d, (s = durationSeconds(d)));
    return s;
  };
  for (const item of items) {
    if (item.determination === 'upcoming') continue;
    let cells = byTopic.get(item.topic);
    if (!cells) byTopic.set(item.topic, (cells = new Map()));
    let cell = cells.get(item.jurisdiction);
    if (!cell) cells.set(item.jurisdiction, (cell = { jurisdiction: item.jurisdiction, items: [], deadline: null }));
    cell.items.push(item.id);
    const within = item.deadline?.within;
    if (within !== undefined && (cell.deadline === null || secondsOf(within) < secondsOf(cell.deadline))) cell.deadline = within;
  }
  const rows: MatrixRow[] = [];
  for (const topic of TOPIC_ORDER) {
    const cells = byTopic.get(topic);
    if (!cells) continue;
    const sorted = [...cells.values()].sort((a, b) => (a.jurisdiction < b.jurisdiction ? -1 : 1));
    let strictest: MatrixRow['strictest'] = null;
    for (const c of sorted) {
      if (!c.deadline) continue;
      const s = secondsOf(c.deadline);
      if (!strictest || s < secondsOf(strictest.within)) strictest = { within: c.deadline, jurisdictions: [c.jurisdiction] };
      else if (s === secondsOf(strictest.within)) strictest.jurisdictions.push(c.jurisdiction);
    }
    rows.push({ topic, strictest, cells: sorted });
  }
  return rows;
}
