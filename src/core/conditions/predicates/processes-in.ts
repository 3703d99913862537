import type { ListRef } from '../../types.js';
import type { Markets } from '../../taxonomy.js';
import { predicate } from '../predicate.js';
import { list } from '../operands.js';
import { F, listSomeOf, T, type Truth } from '../outcome.js';

/** Whether some of these regions lies in the wanted countries; unknown when none is given. */
function regionsIn(regions: readonly string[] | undefined, wanted: ReadonlySet<string>, markets: Markets): Truth {
  if (!regions || regions.length === 0) return null;
  for (const r of regions) for (const c of markets.countries(r)) if (wanted.has(c)) return true;
  return false;
}

/** First-party systems (at game scope) and the vendors in scope that process data in the listed countries. */
export const processesIn = predicate<'processesIn', ListRef>({
  key: 'processesIn',
  level: 'subject',
  schema: {
    $ref: '#/definitions/listRef',
    description: 'Some first-party system, affiliate or vendor in scope processes data in one of these countries (e.g. equipment in Malaysia).',
  },
  doc: {
    example: 'processesIn: [MY]',
    holds: 'a first-party system or an affiliate (game scope) or a vendor in scope processes data there; regions not given → unknown',
  },
  explain: (ref, subject, ctx) => {
    const l = list(ref, ctx);
    const wanted = ctx.tax.markets.countriesOf(l.items);
    const places = [
      // Players' devices run wherever players are; they are not the studio's equipment in a country.
      ...(subject.kind === 'game'
        ? [
            ...ctx.index.flow.systems
              .filter((s) => s.kind !== 'device')
              .map((s) => ({ who: `system ${s.id}`, regions: s.regions, fact: `systems[${s.id}].regions` })),
            // the group's affiliates process data where they are (or where they say)
            ...(ctx.index.flow.affiliates ?? []).map((a) => ({
              who: `affiliate ${a.id} (${a.name})`,
              regions: a.regions ?? [a.establishedIn],
              fact: `affiliates[${a.id}].regions`,
            })),
          ]
        : []),
      ...subject.vendors.map((v) => ({ who: `vendor ${v.id} (${v.name})`, regions: v.regions, fact: `vendors[${v.id}].regions` })),
    ];
    const hits = places.filter((p) => regionsIn(p.regions, wanted, ctx.tax.markets) === true);
    if (hits.length) return T(`${listSomeOf(hits, (h) => h.who)} processes data in ${l.label}`);
    const unknown = places.filter((p) => !p.regions || p.regions.length === 0);
    if (unknown.length)
      return { value: null, because: [`where ${listSomeOf(unknown, (u) => u.who)} processes data is not given`], unknown: unknown.map((u) => u.fact) };
    return F(`nothing in ${subject.label} processes data in ${l.label}`);
  },
  compile: (ref, ctx) => {
    const wanted = ctx.tax.markets.countriesOf(list(ref, ctx).items);
    const inWanted = (regions: readonly string[] | undefined) => regionsIn(regions, wanted, ctx.tax.markets);
    // Each vendor is asked about once per law, however many subjects it serves (the game asks about all of them).
    const byVendor = new Map<object, Truth>();
    const vendorIn = (v: { regions?: readonly string[] }): Truth => {
      let t = byVendor.get(v);
      if (t === undefined) byVendor.set(v, (t = inWanted(v.regions)));
      return t;
    };
    const systems = [
      ...ctx.index.flow.systems.filter((x) => x.kind !== 'device').map((x) => inWanted(x.regions)),
      ...(ctx.index.flow.affiliates ?? []).map((a) => inWanted(a.regions ?? [a.establishedIn])),
    ];
    return (s) => {
      let value: Truth = false;
      if (s.kind === 'game')
        for (const t of systems) {
          if (t === true) return true;
          if (t === null) value = null;
        }
      for (const v of s.vendors) {
        const t = vendorIn(v);
        if (t === true) return true;
        if (t === null) value = null;
      }
      return value;
    };
  },
  lint: (ref, pointer, l) => l.keys(ref, l.markets, 'market', pointer),
});
