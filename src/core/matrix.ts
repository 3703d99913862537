// The cross-market matrix: each topic side by side for every jurisdiction,
// with the strictest deadline named so one process can serve every market.
import { durationSeconds } from './duration.js';
import type { MatrixCell, MatrixRow, ReportItem, Topic } from './types.js';

export const TOPIC_ORDER: readonly Topic[] = [
  'scope', 'representative', 'dpo', 'registration', 'notice', 'lawful-basis', 'consent', 'children',
  'sensitive-data', 'rights', 'opt-out', 'security', 'breach-notification', 'impact-assessment',
  'processor-contract', 'transfer', 'retention', 'records', 'ai-transparency', 'vendor-assurance',
];

function shorter(a: string | null, b: string): string {
  return a === null || durationSeconds(b) < durationSeconds(a) ? b : a;
}

export function buildMatrix(items: readonly ReportItem[]): MatrixRow[] {
  const rows: MatrixRow[] = [];
  for (const topic of TOPIC_ORDER) {
    const cells = new Map<string, MatrixCell>();
    for (const item of items) {
      if (item.topic !== topic || item.determination === 'upcoming') continue;
      let cell = cells.get(item.jurisdiction);
      if (!cell) cells.set(item.jurisdiction, (cell = { jurisdiction: item.jurisdiction, items: [], deadline: null }));
      cell.items.push(item.id);
      if (item.deadline) cell.deadline = shorter(cell.deadline, item.deadline.within);
    }
    if (cells.size === 0) continue;
    const sorted = [...cells.values()].sort((a, b) => (a.jurisdiction < b.jurisdiction ? -1 : 1));
    let strictest: MatrixRow['strictest'] = null;
    for (const c of sorted) {
      if (!c.deadline) continue;
      const s = durationSeconds(c.deadline);
      if (!strictest || s < durationSeconds(strictest.within)) strictest = { within: c.deadline, jurisdictions: [c.jurisdiction] };
      else if (s === durationSeconds(strictest.within)) strictest.jurisdictions.push(c.jurisdiction);
    }
    rows.push({ topic, strictest, cells: sorted });
  }
  return rows;
}
