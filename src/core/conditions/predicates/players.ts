import type { Comparison, Flow, ListRef } from '../../types.js';
import type { Taxonomy } from '../../taxonomy.js';

type MarketTaxonomy = Taxonomy['markets'];
import { predicate } from '../predicate.js';
import { compareRange, list } from '../operands.js';
import { F, formatNumber, T } from '../outcome.js';

/**
 * Players in a set of markets, as a range: a market inside the set counts
 * exactly; a larger market that overlaps it (US for a one-state law) bounds
 * it from above; an unknown count leaves the range open. A larger market's
 * count includes the listed markets inside it (US beside US-CA): those count
 * exactly and the rest of the total bounds the remaining states.
 */
interface Share {
  m: Flow['markets'][number];
  /** the market's leaves not covered by a listed market inside it that gives its own count */
  leaves: readonly string[];
  /** its count less those inner counts; undefined when its count is not given */
  rest: number | undefined;
  /** the inner markets subtracted (nested ones only through the outermost) */
  outermost: Flow['markets'];
}

/**
 * A larger market's count includes the listed markets inside it that give their own count: those
 * count exactly, and only the rest of the total is spread over the remaining leaves. Computed once
 * per flow (every law's thresholds read it), quadratic in the markets listed.
 */
const sharesCache = new WeakMap<Flow['markets'], { tax: MarketTaxonomy; shares: Share[] }>();
function sharesOf(markets: Flow['markets'], tax: MarketTaxonomy): Share[] {
  const hit = sharesCache.get(markets);
  if (hit && hit.tax === tax) return hit.shares;
  const shares = markets.map((m) => {
    const own = tax.leaves(m.code);
    const given = markets.filter((o) => o !== m && o.players !== undefined && isInside(tax.leaves(o.code), own));
    const outermost = given.filter((o) => !given.some((g) => g !== o && isInside(tax.leaves(o.code), tax.leaves(g.code))));
    const taken = new Set(given.flatMap((o) => [...tax.leaves(o.code)]));
    const leaves = [...own].filter((l) => !taken.has(l));
    const rest = m.players === undefined ? undefined : Math.max(0, m.players - outermost.reduce((n, o) => n + o.players!, 0));
    return { m, leaves, rest, outermost };
  });
  sharesCache.set(markets, { tax, shares });
  return shares;
}

/** inner lies strictly inside outer: every leaf of inner is a leaf of outer, and outer has more. */
function isInside(inner: ReadonlySet<string>, outer: ReadonlySet<string>): boolean {
  return inner.size < outer.size && [...inner].every((l) => outer.has(l));
}

export const players = predicate<'players', Comparison & { in?: ListRef }>({
  key: 'players',
  level: 'game',
  schema: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    description: "Players per year in the law's territory (or in `in`).",
    properties: {
      in: { $ref: '#/definitions/listRef' },
      gt: { $ref: '#/definitions/numberRef' },
      gte: { $ref: '#/definitions/numberRef' },
      lt: { $ref: '#/definitions/numberRef' },
      lte: { $ref: '#/definitions/numberRef' },
    },
  },
  doc: {
    example: 'players: {gte: 100000}',
    holds:
      "players in the law's territory (or `in: [...]`) compare; several markets add up; a larger market (US for a state law) only bounds the count from above, less the markets inside it listed with their own count (US 500,000 beside US-CA 120,000: at most 380,000 in Texas), so an unknown share is *unknown* unless the total already decides it",
  },
  explain: (p, _subject, ctx) => {
    const within = p.in ? ctx.tax.markets.leavesOf(list(p.in, ctx).items) : ctx.territory;
    const where = p.in ? list(p.in, ctx).label : ctx.territoryLabel;
    let lo = 0;
    let hi = 0;
    const parts: string[] = [];
    const missing: string[] = [];
    for (const { m, leaves, rest, outermost } of sharesOf(ctx.index.flow.markets, ctx.tax.markets)) {
      const inside = leaves.filter((l) => within.has(l)).length;
      if (inside === 0) continue;
      const subset = inside === leaves.length;
      const beside = outermost.length ? ` less ${outermost.map((o) => `${o.code}: ${formatNumber(o.players!)}`).join(', ')}` : '';
      if (rest === undefined) {
        hi = Infinity;
        missing.push(`markets[${m.code}].players`);
        parts.push(`${m.code}: players not given`);
      } else if (subset) {
        lo += rest;
        hi += rest;
        parts.push(`${m.code}: ${formatNumber(m.players!)}${beside}`);
      } else {
        hi += rest;
        parts.push(
          `${m.code}: ${formatNumber(m.players!)}${beside} (in all of ${m.code}${outermost.length ? ' outside those' : ''}, so at most ${formatNumber(rest)} in ${where})`,
        );
      }
    }
    const r = compareRange(lo, hi, p, ctx);
    const counted = parts.length ? parts.join('; ') : 'not offered there';
    const text = `players in ${where} ${r.value === false ? 'not ' : ''}${r.text} (${counted})`;
    if (r.value === null) return { value: null, because: [text], unknown: missing.length ? missing : [`players in ${where}`] };
    return r.value ? T(text) : F(text);
  },
  lint: (p, pointer, l) => l.keys(p.in, l.markets, 'market', `${pointer}/in`),
});
