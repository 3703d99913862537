import type { ListRef } from '../../types.js';
import { predicate } from '../predicate.js';
import { list } from '../operands.js';
import { all, F, T, U, type Outcome } from '../outcome.js';

/** For transfers: the destination country is (not) in a list. */
export const region = predicate<'region', { in?: ListRef; notIn?: ListRef }>({
  key: 'region',
  level: 'subject',
  onlyFor: ['transfer'],
  schema: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    description: 'For transfers: the destination country is (not) in a list.',
    properties: { in: { $ref: '#/definitions/listRef' }, notIn: { $ref: '#/definitions/listRef' } },
  },
  doc: { example: 'region: {in: [...], notIn: {param: adequateCountries}}', holds: '(for: transfer only) the destination country is (not) in the list' },
  explain: (p, subject, ctx) => {
    if (subject.region === undefined) return F('not a transfer');
    const r = subject.recipient!;
    if (subject.region === null) return U(`${r.facts}.regions`, `where ${r.label} processes data is not given`);
    const c = subject.region;
    const parts: Outcome[] = [];
    if (p.in) {
      const l = list(p.in, ctx);
      const hit = ctx.tax.markets.countriesOf(l.items).has(c);
      parts.push(hit ? T(`${c} is in ${l.label}`) : F(`${c} is not in ${l.label}`));
    }
    if (p.notIn) {
      const l = list(p.notIn, ctx);
      const hit = ctx.tax.markets.countriesOf(l.items).has(c);
      parts.push(hit ? F(`${c} is in ${l.label}`) : T(`${c} is not in ${l.label}`));
    }
    return all([T(`${r.label} processes data in ${c}`), ...parts]);
  },
  compile: ({ in: inside, notIn }, ctx) => {
    const insideSet = inside ? ctx.tax.markets.countriesOf(list(inside, ctx).items) : undefined;
    const outsideSet = notIn ? ctx.tax.markets.countriesOf(list(notIn, ctx).items) : undefined;
    return (s) => {
      if (s.region === undefined) return false;
      if (s.region === null) return null;
      if (insideSet && !insideSet.has(s.region)) return false;
      if (outsideSet && outsideSet.has(s.region)) return false;
      return true;
    };
  },
  lint: (p, pointer, l) => {
    l.keys(p.in, l.markets, 'region', `${pointer}/in`);
    l.keys(p.notIn, l.markets, 'region', `${pointer}/notIn`);
  },
});
