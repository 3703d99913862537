// The facts a flow leaves out, in a person's words: each one named where it
// goes in the flow and counted by the items waiting on it, most first, so the
// compliance owner knows which few answers settle most of the open items.
import type { Flow, ReportItem } from './types.js';

export interface FactToGive {
  /** the fact as the engine names it: a path in the flow (`vendors[adnet].sellsOrShares`) */
  fact: string;
  /** what it is, in words */
  description: string;
  /** where to write it in the flow file */
  where: string;
  /** items that name it among the facts that would decide them */
  items: number;
  /** of those, the items it alone would decide */
  settles: number;
}

const CONTROLLER: Record<string, string> = {
  annualRevenueUsd: "the studio's annual revenue in US dollars",
  employees: "the studio's number of employees",
  establishedIn: 'the country where the studio is established',
  smallBusiness: 'whether the studio is a small business (US SBA definition)',
  revenueShareFromDataSales: "the share of the studio's revenue from selling or sharing personal data (0 to 1)",
  euRepresentative: 'whether the studio has appointed an EU representative (a name, or null for none)',
  ukRepresentative: 'whether the studio has appointed a UK representative (a name, or null for none)',
  dpo: 'whether the studio has appointed a data protection officer (a name, or null for none)',
};

const AUDIENCE: Record<string, string> = {
  minimumAge: 'the youngest age the terms allow (0 for none)',
  ageGate: 'whether an age gate asks players their age (none, neutral or verified)',
  childDirected: 'whether the game is directed to children (no, mixed or primary)',
  knownChildren: 'whether the studio knows some players are under 13',
};

const VENDOR: Record<string, (name: string) => string> = {
  sellsOrShares: (n) => `whether ${n} sells or shares players' data for its own purposes`,
  dpfCertified: (n) => `whether ${n} is certified under the EU-US Data Privacy Framework`,
  regions: (n) => `where ${n} processes or stores data`,
};

/** What naming a fact needs: the vendors' names (a flow's or a report's vendors). */
export interface FactNames {
  vendors: ReadonlyArray<{ id: string; name: string }>;
}

/** A fact path in a person's words (unknown paths are returned as they are). */
export function describeFact(fact: string, flow: FactNames): string {
  let m = /^controller\.(\w+)$/.exec(fact);
  if (m) return CONTROLLER[m[1]!] ?? fact;
  m = /^audience\.(\w+)$/.exec(fact);
  if (m) return AUDIENCE[m[1]!] ?? fact;
  m = /^vendors\[(.+)\]\.(\w+)$/.exec(fact);
  if (m) {
    const name = flow.vendors.find((v) => v.id === m![1])?.name ?? m[1]!;
    return VENDOR[m[2]!]?.(name) ?? fact;
  }
  m = /^systems\[(.+)\]\.regions$/.exec(fact);
  if (m) return `where the studio's system ${m[1]} runs`;
  m = /^affiliates\[(.+)\]\.regions$/.exec(fact);
  if (m) return `where the group's affiliate ${m[1]} processes data`;
  m = /^markets\[(.+)\]\.players$/.exec(fact);
  if (m) return `the number of players in ${m[1] === 'US' ? 'the US' : m[1]}`;
  m = /^players in (.+)$/.exec(fact);
  if (m) return `the number of players in ${m[1]}`;
  if (fact === 'features') return 'what players can do in the game (voice-chat, text-chat, loot-boxes, ...)';
  return fact;
}

/** Where a fact path goes in the flow file. */
function whereInFlow(fact: string): string {
  let m = /^(controller|audience)\.(\w+)$/.exec(fact);
  if (m) return `${m[1]}: ${m[2]}`;
  m = /^(vendors|systems|affiliates)\[(.+)\]\.(\w+)$/.exec(fact);
  if (m) return `${m[1]}: the one with id ${m[2]}, ${m[3]}`;
  m = /^markets\[(.+)\]\.players$/.exec(fact);
  if (m) return `markets: the one with code ${m[1]}, players`;
  if (/^players in /.test(fact)) return 'markets: players for each market';
  if (fact === 'features') return 'features: a list (or [] for none)';
  return fact;
}

/** Every fact the items are waiting on, most items first. */
export function factsToGive(items: readonly ReportItem[], flow: Flow): FactToGive[] {
  const counts = new Map<string, { items: number; settles: number }>();
  for (const item of items) {
    if (item.unknown.length === 0) continue;
    const facts = new Set(item.unknown);
    for (const fact of facts) {
      let c = counts.get(fact);
      if (!c) counts.set(fact, (c = { items: 0, settles: 0 }));
      c.items++;
      if (facts.size === 1) c.settles++;
    }
  }
  return [...counts]
    .map(([fact, c]) => ({ fact, description: describeFact(fact, flow), where: whereInFlow(fact), ...c }))
    .sort((a, b) => b.items - a.items || b.settles - a.settles || (a.fact < b.fact ? -1 : a.fact > b.fact ? 1 : 0));
}
