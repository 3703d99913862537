// Vendor questionnaires: the questions each vendor's own flows call for,
// merged across laws so one question appears once with every citation.
import type { Finding } from './evaluate.js';
import { byId as orderById } from './order.js';
import type { Flow, Question, ReportItem, ReportQuestion, ReportVendor, Vendor } from './types.js';

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
  /** laws and citations as added, without a repeat of the last one (sorted and made unique at the end) */
  regs: string[];
  cites: string[];
  items: string[];
  /** the run of findings that last added its law and citation (see below) */
  run: number;
}

/** Add to a list unless it is the list's last element (findings in order repeat their law and citation). */
function addNew(xs: string[], x: string): void {
  if (xs.length === 0 || xs[xs.length - 1] !== x) xs.push(x);
}

/** A question of the bank, the vendors it concerns, and its entry per vendor. */
interface Asked {
  q: Question;
  concerned: ReadonlySet<string>;
  entries: Map<string, Entry>;
}

export function buildVendorQuestions(flow: Flow, findings: readonly Finding[], bank: readonly Question[]): ReportVendor[] {
  const bankById = new Map(bank.map((q) => [q.id, q]));
  // Entries by question, then vendor: a finding's question is looked up once, and its vendors in that question's entries.
  const asked = new Map<string, Asked | null>();
  const askedFor = (qid: string): Asked | null => {
    let a = asked.get(qid);
    if (a === undefined) {
      const q = bankById.get(qid);
      a = q ? { q, concerned: new Set(flow.vendors.filter((v) => concerns(q, v)).map((v) => v.id)), entries: new Map() } : null;
      asked.set(qid, a);
    }
    return a;
  };
  // Findings come grouped by law and rule: a run of findings with the same law and citation adds them to each
  // entry once, to a list (set adds per question and vendor were most of the time of this merge).
  let run = 0;
  let previous: ReportItem | undefined;
  for (const f of findings) {
    if (f.questions.length === 0 || f.item.determination === 'upcoming') continue;
    const { regulation, citation, id } = f.item;
    if (!previous || previous.regulation !== regulation || previous.citation !== citation) run++;
    previous = f.item;
    for (const qid of f.questions) {
      const a = askedFor(qid);
      if (!a) continue;
      for (const v of f.vendors) {
        if (!a.concerned.has(v.id)) continue;
        let entry = a.entries.get(v.id);
        if (!entry) a.entries.set(v.id, (entry = { q: a.q, regs: [], cites: [], items: [], run: 0 }));
        if (entry.run !== run) {
          entry.run = run;
          addNew(entry.regs, regulation);
          addNew(entry.cites, citation);
        }
        entry.items.push(id);
      }
    }
  }
  const perVendor = new Map<string, Entry[]>();
  for (const a of asked.values())
    for (const [vendorId, entry] of a?.entries ?? []) {
      let list = perVendor.get(vendorId);
      if (!list) perVendor.set(vendorId, (list = []));
      list.push(entry);
    }
  const marketList = () => flow.markets.map((m) => m.code).join(', ');
  return [...flow.vendors].sort(orderById).map((v) => {
    const qs = (perVendor.get(v.id) ?? []).sort((a, b) => (a.q.id < b.q.id ? -1 : 1));
    const questions: ReportQuestion[] = qs.map((e) => ({
      id: e.q.id,
      // Bank texts name "our markets" as the game's own, not a fixed list.
      text: e.q.text.includes('{{markets}}') ? e.q.text.replaceAll('{{markets}}', marketList()) : e.q.text,
      evidence: e.q.evidence,
      regulations: sortedUnique(e.regs),
      citations: sortedUnique(e.cites),
      items: sortedUnique(e.items),
    }));
    return { id: v.id, name: v.name, role: v.role, services: v.services, regions: v.regions ?? [], questions };
  });
}
