import type { ListRef } from '../../types.js';
import type { LawContext } from '../context.js';
import { predicate } from '../predicate.js';
import { list } from '../operands.js';
import { F, formatNumber, T, type Outcome } from '../outcome.js';

export function playersLabel(p: number | undefined): string {
  return p === undefined ? 'players not given' : `${formatNumber(p)} players`;
}

export function offeredInMarkets(codes: string[], ctx: LawContext): Outcome {
  const wanted = ctx.tax.markets.leavesOf(codes);
  const hits = ctx.index.flow.markets.filter((m) => [...ctx.tax.markets.leaves(m.code)].some((l) => wanted.has(l)));
  if (hits.length === 0) return F(`not offered in ${codes.join(', ')}`);
  return T(`offered in ${hits.map((m) => `${m.code} (${playersLabel(m.players)})`).join(', ')}`);
}

export const offeredIn = predicate<'offeredIn', ListRef>({
  key: 'offeredIn',
  level: 'game',
  schema: { $ref: '#/definitions/listRef', description: 'The game is offered in any of these markets.' },
  doc: { example: 'offeredIn: [EU, US-CA]', holds: 'the game is offered in one of these markets (groups expand; offering in `US` covers every state)' },
  explain: (codes, _subject, ctx) => offeredInMarkets(list(codes, ctx).items, ctx),
  lint: (codes, pointer, l) => l.keys(codes, l.markets, 'market', pointer),
});
