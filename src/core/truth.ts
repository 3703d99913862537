// The truth of a condition without its explanation. Most (rule, subject)
// pairs of a large portfolio are false and their "because" text is thrown
// away, so each rule's condition is first compiled, once per law, to a
// function that answers true, false or unknown without building any text;
// only pairs that are not false are explained by evaluateCondition.
// A test holds the two to the same answer on every rule and fixture.
import { evaluateCondition, isGameLevel, list, vendorTruth, type LawContext, type Truth } from './conditions.js';
import type { Subject } from './subjects.js';
import { matchesAny } from './taxonomy.js';
import type { Condition } from './types.js';

export type TruthOf = (subject: Subject) => Truth;

function someIn(xs: readonly string[], wanted: readonly string[]): boolean {
  for (const x of xs) if (wanted.includes(x)) return true;
  return false;
}

const always = (t: Truth): TruthOf => () => t;

/**
 * Three-valued AND (decided by the first false part) or OR (by the first true
 * part); otherwise unknown if any part is, else the other value.
 */
function decidedBy(decisive: boolean, parts: readonly TruthOf[]): TruthOf {
  return (s) => {
    let value: Truth = !decisive;
    for (const part of parts) {
      const t = part(s);
      if (t === decisive) return decisive;
      if (t === null) value = null;
    }
    return value;
  };
}

/** Compile a condition for one law: parameters and game-level facts are read once here. */
export function compileTruth(cond: Condition, ctx: LawContext): TruthOf {
  if ('all' in cond) return decidedBy(false, cond.all.map((c) => compileTruth(c, ctx)));
  if ('any' in cond) return decidedBy(true, cond.any.map((c) => compileTruth(c, ctx)));
  if ('not' in cond) {
    const inner = compileTruth(cond.not, ctx);
    return (s) => {
      const t = inner(s);
      return t === null ? null : !t;
    };
  }
  if ('always' in cond) return always(true);
  if (isGameLevel(cond))
    // The same for every subject (and memoised for the explanations too).
    return always(evaluateCondition(cond, ctx.index.game, ctx).value);
  if ('since' in cond) return always(ctx.asOf >= cond.since);
  if ('data' in cond) {
    const p = cond.data;
    const cats = p.category ? list(p.category, ctx).items : undefined;
    const subs = p.subjects ? list(p.subjects, ctx).items : undefined;
    const retention = p.retentionStated;
    // Plain loops: this runs for every pair of rule and subject, and closures made per call were a tenth of the evaluation's garbage.
    return (s) => {
      for (const d of s.data) {
        if (cats && !matchesAny(d.category, cats)) continue;
        if (subs && !someIn(d.subjects, subs)) continue;
        if (retention !== undefined && (d.retention !== undefined) !== retention) continue;
        return true;
      }
      return false;
    };
  }
  if ('use' in cond) {
    const uses = list(cond.use, ctx).items;
    return (s) => {
      for (const p of s.purposes) if (matchesAny(p.use, uses)) return true;
      return false;
    };
  }
  if ('lawfulBasis' in cond) {
    const { in: bases, missing } = cond.lawfulBasis;
    return (s) => {
      if (bases && !s.purposes.some((x) => x.lawfulBasis && bases.includes(x.lawfulBasis))) return false;
      if (missing !== undefined && s.purposes.some((x) => x.lawfulBasis === undefined) !== missing) return false;
      return true;
    };
  }
  if ('automatedDecisions' in cond) {
    const want = cond.automatedDecisions;
    return (s) => s.purposes.some((p) => (p.automatedDecisions ?? false) === want);
  }
  if ('processesIn' in cond) {
    const wanted = ctx.tax.markets.countriesOf(list(cond.processesIn, ctx).items);
    const inWanted = (regions: readonly string[] | undefined): Truth => {
      if (!regions || regions.length === 0) return null;
      return regions.some((r) => [...ctx.tax.markets.countries(r)].some((c) => wanted.has(c)));
    };
    const systems = ctx.index.flow.systems.filter((x) => x.kind !== 'device').map((x) => inWanted(x.regions));
    return (s) => {
      let value: Truth = false;
      const places = s.kind === 'game' ? [...systems, ...s.vendors.map((v) => inWanted(v.regions))] : s.vendors.map((v) => inWanted(v.regions));
      for (const t of places) {
        if (t === true) return true;
        if (t === null) value = null;
      }
      return value;
    };
  }
  if ('vendor' in cond) {
    const p = cond.vendor;
    const services = p.services ? list(p.services, ctx).items : undefined;
    return (s) => {
      let value: Truth = false;
      for (const v of s.vendors) {
        const t = vendorTruth(p, v, services, ctx.index.suppliers);
        if (t === true) return true;
        if (t === null) value = null;
      }
      return value;
    };
  }
  if ('region' in cond) {
    const { in: inside, notIn } = cond.region;
    const insideSet = inside ? ctx.tax.markets.countriesOf(list(inside, ctx).items) : undefined;
    const outsideSet = notIn ? ctx.tax.markets.countriesOf(list(notIn, ctx).items) : undefined;
    return (s) => {
      if (s.region === undefined) return false;
      if (s.region === null) return null;
      if (insideSet && !insideSet.has(s.region)) return false;
      if (outsideSet && outsideSet.has(s.region)) return false;
      return true;
    };
  }
  if ('market' in cond) {
    const wanted = ctx.tax.markets.leavesOf(list(cond.market.in, ctx).items);
    return (s) => (s.market === undefined ? false : [...ctx.tax.markets.leaves(s.market)].some((l) => wanted.has(l)));
  }
  if ('ref' in cond) throw new Error(`named condition "${cond.ref}" was not expanded when its pack loaded`);
  const unreachable: never = cond;
  throw new Error(`unknown condition ${JSON.stringify(unreachable)}`);
}
