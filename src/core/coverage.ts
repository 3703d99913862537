// Which markets the loaded rule packs cover, and which offered markets none
// does: a checklist must never be silent about a market nobody checked.
//
// A pack covers a market when its territory (`territory`, or else its
// jurisdiction) includes it, whether the law then applies to the game or not:
// MY's PDPA covers MY even for a studio with no establishment there. Practice
// packs (`kind: practice`, e.g. vendor-assurance with territory GLOBAL) are not
// law and cover nothing. Markets are compared as leaves (countries, US
// states, Canadian provinces and territories): as a market, US stands for every state and DC, so a federal pack
// with jurisdiction US (us-coppa) covers every state, as the taxonomy says.
// US territories that are ISO countries of their own (PR, GU, VI, AS, MP, UM)
// are not in the US group, so a US-wide pack does not cover them.
import type { Markets } from './taxonomy.js';
import type { Regulation } from './types.js';

/** The leaf markets a pack covers: its territory for a law, none for a practice pack. */
export function packCoverage(reg: Pick<Regulation, 'kind' | 'jurisdiction' | 'territory'>, markets: Markets): ReadonlySet<string> {
  if (reg.kind === 'practice') return new Set();
  return markets.leavesOf(reg.territory ?? [reg.jurisdiction]);
}

/** Every leaf market some loaded law pack covers. */
export function coveredMarkets(regulations: readonly Regulation[], markets: Markets): Set<string> {
  const out = new Set<string>();
  for (const r of regulations) for (const l of packCoverage(r, markets)) out.add(l);
  return out;
}

/**
 * The offered markets (groups expanded to countries and US states) that no
 * loaded law pack covers, sorted. With `selected` (`--market`), only offered
 * markets among the selected ones count: the report is limited to them.
 */
export function uncoveredMarkets(offered: readonly string[], regulations: readonly Regulation[], markets: Markets, selected?: readonly string[]): string[] {
  const covered = coveredMarkets(regulations, markets);
  const within = selected?.length ? markets.leavesOf(selected) : undefined;
  const out: string[] = [];
  for (const l of markets.leavesOf(offered)) if (!covered.has(l) && (!within || within.has(l))) out.push(l);
  return out.sort();
}

/** The plain sentence every output leads with when markets are uncovered; '' when none are. */
export function uncoveredSentence(codes: readonly string[], what = 'checklist'): string {
  if (codes.length === 0) return '';
  return `No rule pack covers ${codes.join(', ')}: this ${what} says nothing about ${codes.length === 1 ? 'its' : 'their'} laws.`;
}

export interface MarketCoverage {
  code: string;
  name: string;
  /** ids of the law packs whose territory includes this market, sorted */
  packs: string[];
}

/** Every leaf market of the taxonomy with the law packs that cover it (`rules list`). */
export function marketCoverage(regulations: readonly Regulation[], markets: Markets): MarketCoverage[] {
  const byMarket = new Map<string, string[]>();
  for (const r of regulations)
    for (const l of packCoverage(r, markets)) {
      let list = byMarket.get(l);
      if (!list) byMarket.set(l, (list = []));
      list.push(r.id);
    }
  return markets.leafCodes().map((code) => ({ code, name: markets.name(code), packs: (byMarket.get(code) ?? []).sort() }));
}
