// Lookups over the taxonomies: dotted-key subtree matching and market/region expansion.
import type { MarketEntry, Taxonomies } from './types.js';

/** A dotted key matches a pattern when it equals it or lies in its subtree. */
export function keyMatches(key: string, pattern: string): boolean {
  // No `pattern + '.'`: this runs for every data element of every rule, and each concatenation is garbage.
  return key === pattern || (key.length > pattern.length && key.charCodeAt(pattern.length) === DOT && key.startsWith(pattern));
}

const DOT = 46;

/** The country of a region code: an ISO 3166-2 subdivision (US-CA, CA-QC) is its country, anything else itself. */
export function countryOf(region: string): string {
  return /^[A-Z]{2}-/.test(region) ? region.slice(0, 2) : region;
}

export function matchesAny(key: string, patterns: readonly string[]): boolean {
  for (const p of patterns) if (keyMatches(key, p)) return true;
  return false;
}

/**
 * Market and region arithmetic. As a market, a group code (EU, EEA, US, CA, SEA)
 * stands for its members: US means every state, CA every province and
 * territory. As a region (where a vendor processes data) everything is reduced
 * to countries: a subdivision (US-CA, CA-QC) is its country.
 */
export class Markets {
  private readonly byCode = new Map<string, MarketEntry>();
  private readonly alias = new Map<string, string>();
  private readonly leafCache = new Map<string, ReadonlySet<string>>();
  /** Groups that are also countries (US, CA): as a region, the country itself. */
  private readonly countryGroups = new Set<string>();

  constructor(entries: readonly MarketEntry[]) {
    for (const e of entries) {
      // US and CA are both a group (every subdivision, as a market) and a country (as a region): keep the group.
      if (this.byCode.get(e.code)?.members) {
        if (!e.members) this.countryGroups.add(e.code);
        continue;
      }
      this.byCode.set(e.code, e);
      for (const a of e.aliases ?? []) this.alias.set(a, e.code);
    }
  }

  /** The canonical code for an input spelling (UK → GB), or undefined when unknown. */
  canonical(code: string): string | undefined {
    if (this.byCode.has(code)) return code;
    return this.alias.get(code);
  }

  allCodes(): string[] {
    return [...this.byCode.keys(), ...this.alias.keys()];
  }

  /** Every smallest market the taxonomy knows (countries and subdivisions; US and CA are their subdivisions), sorted. */
  leafCodes(): string[] {
    const out: string[] = [];
    for (const [code, e] of this.byCode) if (!e.members) out.push(code);
    return out.sort();
  }

  name(code: string): string {
    return this.byCode.get(this.canonical(code) ?? code)?.name ?? code;
  }

  /** The smallest markets a code stands for: countries, US states and Canadian provinces and territories. */
  leaves(code: string): ReadonlySet<string> {
    const c = this.canonical(code) ?? code;
    let cached = this.leafCache.get(c);
    if (!cached) {
      const members = this.byCode.get(c)?.members;
      const out = new Set<string>();
      if (members) for (const m of members) for (const l of this.leaves(m)) out.add(l);
      else out.add(c);
      cached = out;
      this.leafCache.set(c, cached);
    }
    return cached;
  }

  leavesOf(codes: readonly string[]): Set<string> {
    const out = new Set<string>();
    for (const c of codes) for (const l of this.leaves(c)) out.add(l);
    return out;
  }

  /** Countries a region code stands for: groups expand, a subdivision is its country (US-CA is US, CA-QC is CA). */
  countries(code: string): ReadonlySet<string> {
    let cached = this.countryCache.get(code);
    if (!cached) {
      const c = this.canonical(code) ?? code;
      const out = new Set<string>();
      if (this.countryGroups.has(c)) out.add(c);
      else for (const l of this.leaves(c)) out.add(countryOf(l));
      this.countryCache.set(code, (cached = out));
    }
    return cached;
  }

  // Asked for each vendor region by each law: one set per code.
  private readonly countryCache = new Map<string, ReadonlySet<string>>();

  private readonly countriesCache = new WeakMap<readonly string[], ReadonlySet<string>>();

  /**
   * The countries of a list of region codes. Asked per transfer and per law of
   * the same lists (a law's territory, a parameter, a vendor's regions), which
   * are read-only once loaded: each list is reduced once.
   */
  countriesOf(codes: readonly string[]): ReadonlySet<string> {
    let out = this.countriesCache.get(codes);
    if (!out) {
      const set = new Set<string>();
      for (const c of codes) for (const l of this.countries(c)) set.add(l);
      this.countriesCache.set(codes, (out = set));
    }
    return out;
  }
}

export class Taxonomy {
  readonly markets: Markets;
  readonly categoryKeys: ReadonlySet<string>;
  readonly useKeys: ReadonlySet<string>;
  readonly subjectKeys: ReadonlySet<string>;
  readonly serviceKeys: ReadonlySet<string>;
  readonly roleKeys: ReadonlySet<string>;
  readonly featureKeys: ReadonlySet<string>;
  /** the age the flow's `child` tag and `audience.knownChildren` lie below (taxonomy/data-subjects.yaml) */
  readonly childAgeBelow: number;

  constructor(readonly data: Taxonomies) {
    this.markets = new Markets(data.markets);
    this.categoryKeys = new Set(data.categories.map((c) => c.key));
    this.useKeys = new Set(data.uses.map((c) => c.key));
    this.subjectKeys = new Set(data.subjects.map((c) => c.key));
    this.serviceKeys = new Set(data.services.map((c) => c.key));
    this.roleKeys = new Set(data.roles.map((c) => c.key));
    this.featureKeys = new Set(data.features.map((c) => c.key));
    const below = data.subjects.find((s) => s.key === 'child')?.below;
    if (below === undefined) throw new Error('taxonomy/data-subjects.yaml: the child subject has no `below` age');
    this.childAgeBelow = below;
  }
}
