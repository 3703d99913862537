// Law parameters (OSCAL-style): a law declares them with a default, a
// variation sets them for some markets (a member state's child-consent age),
// and the rules only read them. When a game is offered in several markets of
// one law, the declared `combine` picks the strictest value, and the source
// says which markets set it.
import type { ParameterDecl, Regulation } from './types.js';
import type { Markets } from './taxonomy.js';

export interface ResolvedParam {
  value: number | string | string[];
  /** which markets set the value, when a variation did */
  source: string;
}

export type ResolvedParams = Map<string, ResolvedParam>;

/** The declared value in force on a date: the latest schedule entry on or before it, else the base value. */
export function valueOn(decl: ParameterDecl, asOf: string): { value: ParameterDecl['value']; since?: string } {
  let best: { value: ParameterDecl['value']; since?: string } = { value: decl.value };
  for (const s of decl.schedule ?? []) if (s.from <= asOf && (best.since === undefined || s.from > best.since)) best = { value: s.value, since: s.from };
  return best;
}

export function resolveParams(reg: Regulation, offeredLeaves: ReadonlySet<string>, markets: Markets, asOf: string): ResolvedParams {
  const out: ResolvedParams = new Map();
  for (const [name, rawDecl] of Object.entries(reg.parameters ?? {})) {
    const dated = valueOn(rawDecl, asOf);
    const decl = { ...rawDecl, value: dated.value };
    // market leaf → value, starting from the default for every offered leaf
    const perLeaf = new Map<string, number | string | string[]>();
    for (const l of offeredLeaves) perLeaf.set(l, decl.value);
    for (const v of reg.variations ?? []) {
      if (!(name in v.set)) continue;
      for (const l of markets.leavesOf(v.markets)) if (offeredLeaves.has(l)) perLeaf.set(l, v.set[name]!);
    }
    if (perLeaf.size === 0 || !decl.combine || !(reg.variations ?? []).some((v) => name in v.set)) {
      out.set(name, { value: decl.value, source: dated.since ? `in force since ${dated.since}` : '' });
      continue;
    }
    const values = [...perLeaf.values()];
    let value: number | string | string[];
    if (decl.combine === 'union') value = [...new Set(values.flatMap((v) => (Array.isArray(v) ? v : [String(v)])))].sort();
    else {
      const nums = values.map(Number);
      value = decl.combine === 'max' ? Math.max(...nums) : Math.min(...nums);
    }
    const setters = [...perLeaf.entries()]
      .filter(([, v]) => decl.combine === 'union' || v === value)
      .map(([l]) => l)
      .sort();
    const shown = setters.length > 6 ? `${setters.slice(0, 6).join(', ')} and ${setters.length - 6} more` : setters.join(', ');
    out.set(name, { value, source: perLeaf.size > 1 || setters.length ? `strictest across offered markets: ${shown}` : '' });
  }
  return out;
}
