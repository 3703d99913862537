import type { ListRef } from '../../types.js';
import type { LawContext } from '../context.js';
import { predicate } from '../predicate.js';
import { list } from '../operands.js';
import { F, T, U, type Outcome } from '../outcome.js';

export function controllerEstablishedIn(codes: string[], ctx: LawContext): Outcome {
  const at = ctx.index.flow.controller.establishedIn;
  if (!at) return U('controller.establishedIn', 'where the controller is established is not given');
  const wanted = ctx.tax.markets.countriesOf(codes);
  const hit = [...ctx.tax.markets.countries(at)].some((c) => wanted.has(c));
  const who = ctx.index.flow.controller.name;
  return hit ? T(`${who} is established in ${at}`) : F(`${who} is established in ${at}, not in ${codes.join(', ')}`);
}

export const establishedIn = predicate<'establishedIn', ListRef>({
  key: 'establishedIn',
  level: 'game',
  schema: { $ref: '#/definitions/listRef', description: 'The controller is established in one of these countries.' },
  doc: { example: 'establishedIn: [SG]', holds: 'the controller is established there (unknown if not given)' },
  explain: (codes, _subject, ctx) => controllerEstablishedIn(list(codes, ctx).items, ctx),
  lint: (codes, pointer, l) => l.keys(codes, l.markets, 'market', pointer),
});
