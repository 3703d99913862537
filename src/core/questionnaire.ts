// Vendor questionnaires: the questions each vendor's own flows call for,
// merged across laws so one question appears once with every citation.
import type { Finding } from './evaluate.js';
import { byId as orderById } from './order.js';
import type { Flow, Question, ReportQuestion, ReportVendor, Vendor } from './types.js';

function concerns(q: Question, v: Vendor): boolean {
  if (q.roles && !q.roles.includes(v.role)) return false;
  if (q.services && !q.services.some((s) => v.services.includes(s))) return false;
  return true;
}

const sortUnique = (xs: Iterable<string>) => [...new Set(xs)].sort();

/** Sorted and unique: findings usually come in item order, so usually a check and a copy. */
function sortedUnique(xs: readonly string[]): string[] {
  for (let i = 1; i < xs.length; i++) if (!(xs[i - 1]! < xs[i]!)) return sortUnique(xs);
  return xs.slice();
}

interface Entry {
  q: Question;
  regs: Set<string>;
  cites: Set<string>;
  items: string[];
  /** the regulation and citation added last: findings come grouped by law and rule, so most adds repeat them */
  lastReg?: string;
  lastCite?: string;
}

export function buildVendorQuestions(flow: Flow, findings: readonly Finding[], bank: readonly Question[]): ReportVendor[] {
  const byId = new Map(bank.map((q) => [q.id, q]));
  // Which vendors each question concerns, worked out once per question.
  const concerned = new Map<string, ReadonlySet<string>>();
  const concernedBy = (q: Question) => {
    let ids = concerned.get(q.id);
    if (!ids) concerned.set(q.id, (ids = new Set(flow.vendors.filter((v) => concerns(q, v)).map((v) => v.id))));
    return ids;
  };
  const perVendor = new Map<string, Map<string, Entry>>();
  for (const f of findings) {
    if (f.questions.length === 0 || f.item.determination === 'upcoming') continue;
    const { regulation, citation, id } = f.item;
    for (const qid of f.questions) {
      const q = byId.get(qid);
      if (!q) continue;
      const ids = concernedBy(q);
      for (const v of f.vendors) {
        if (!ids.has(v.id)) continue;
        let qs = perVendor.get(v.id);
        if (!qs) perVendor.set(v.id, (qs = new Map()));
        let entry = qs.get(qid);
        if (!entry) qs.set(qid, (entry = { q, regs: new Set(), cites: new Set(), items: [] }));
        if (entry.lastReg !== regulation) entry.regs.add((entry.lastReg = regulation));
        if (entry.lastCite !== citation) entry.cites.add((entry.lastCite = citation));
        entry.items.push(id);
      }
    }
  }
  return [...flow.vendors]
    .sort(orderById)
    .map((v) => {
      const qs = [...(perVendor.get(v.id)?.values() ?? [])].sort((a, b) => (a.q.id < b.q.id ? -1 : 1));
      const questions: ReportQuestion[] = qs.map((e) => ({
        id: e.q.id,
        text: e.q.text,
        evidence: e.q.evidence,
        regulations: sortUnique(e.regs),
        citations: sortUnique(e.cites),
        items: sortedUnique(e.items),
      }));
      return { id: v.id, name: v.name, role: v.role, services: v.services, regions: v.regions ?? [], questions };
    });
}
