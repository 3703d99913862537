import type { Comparison, ListRef } from '../../types.js';
import { predicate } from '../predicate.js';
import { compareRange, list } from '../operands.js';
import { F, formatNumber, T } from '../outcome.js';

/**
 * Players in a set of markets, as a range: a market inside the set counts
 * exactly; a larger market that overlaps it (US for a one-state law) bounds
 * it from above; an unknown count leaves the range open.
 */
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
      "players in the law's territory (or `in: [...]`) compare; several markets add up; a larger market (US for a state law) only bounds the count from above, so an unknown share is *unknown* unless the total already decides it",
  },
  explain: (p, _subject, ctx) => {
    const within = p.in ? ctx.tax.markets.leavesOf(list(p.in, ctx).items) : ctx.territory;
    const where = p.in ? list(p.in, ctx).label : ctx.territoryLabel;
    let lo = 0;
    let hi = 0;
    const parts: string[] = [];
    const missing: string[] = [];
    for (const m of ctx.index.flow.markets) {
      const leaves = [...ctx.tax.markets.leaves(m.code)];
      const inside = leaves.filter((l) => within.has(l)).length;
      if (inside === 0) continue;
      const subset = inside === leaves.length;
      if (m.players === undefined) {
        hi = Infinity;
        missing.push(`markets[${m.code}].players`);
        parts.push(`${m.code}: players not given`);
      } else if (subset) {
        lo += m.players;
        hi += m.players;
        parts.push(`${m.code}: ${formatNumber(m.players)}`);
      } else {
        hi += m.players;
        parts.push(`${m.code}: ${formatNumber(m.players)} (in all of ${m.code}, so at most that many in ${where})`);
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
