import type { ControllerPredicate } from '../../types.js';
import { predicate } from '../predicate.js';
import { compareKnown, list } from '../operands.js';
import { all, F, T, U, type Outcome } from '../outcome.js';
import { controllerEstablishedIn } from './established-in.js';

const REPRESENTATIVES = [
  ['hasEuRepresentative', 'euRepresentative', 'an EU representative', 'EU representative'],
  ['hasUkRepresentative', 'ukRepresentative', 'a UK representative', 'UK representative'],
  ['hasDpo', 'dpo', 'a data protection officer', 'data protection officer'],
] as const;

export const controller = predicate<'controller', ControllerPredicate>({
  key: 'controller',
  level: 'game',
  schema: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      annualRevenueUsd: { $ref: '#/definitions/comparison' },
      employees: { $ref: '#/definitions/comparison' },
      revenueShareFromDataSales: { $ref: '#/definitions/comparison' },
      smallBusiness: { type: 'boolean' },
      establishedIn: { $ref: '#/definitions/listRef' },
      hasEuRepresentative: { type: 'boolean' },
      hasUkRepresentative: { type: 'boolean' },
      hasDpo: { type: 'boolean' },
    },
  },
  doc: {
    example:
      'controller: {annualRevenueUsd: {gt: {param: revenueThreshold}}, employees: {...}, revenueShareFromDataSales: {gt: 0.5}, smallBusiness: false, hasEuRepresentative: false, hasUkRepresentative: false, hasDpo: false}',
    holds: 'all given fields hold (a representative or DPO given as null means none; omitted means unknown)',
  },
  explain: (p, _subject, ctx) => {
    const c = ctx.index.flow.controller;
    const parts: Outcome[] = [];
    if (p.annualRevenueUsd) parts.push(compareKnown(c.annualRevenueUsd, p.annualRevenueUsd, 'annual revenue (USD)', 'controller.annualRevenueUsd', ctx));
    if (p.employees) parts.push(compareKnown(c.employees, p.employees, 'employees', 'controller.employees', ctx));
    if (p.revenueShareFromDataSales)
      parts.push(
        compareKnown(
          c.revenueShareFromDataSales,
          p.revenueShareFromDataSales,
          'share of revenue from selling or sharing data',
          'controller.revenueShareFromDataSales',
          ctx,
        ),
      );
    if (p.smallBusiness !== undefined) {
      if (c.smallBusiness === undefined) parts.push(U('controller.smallBusiness', 'small-business status is not given'));
      else {
        const text = `${c.name} is ${c.smallBusiness ? '' : 'not '}a small business`;
        parts.push(c.smallBusiness === p.smallBusiness ? T(text) : F(text));
      }
    }
    if (p.establishedIn) parts.push(controllerEstablishedIn(list(p.establishedIn, ctx).items, ctx));
    for (const [key, field, label, noun] of REPRESENTATIVES) {
      const want = p[key];
      if (want === undefined) continue;
      const v = c[field];
      if (v === undefined) parts.push(U(`controller.${field}`, `whether ${label} is appointed is not given`));
      else {
        const has = typeof v === 'string' && v.trim() !== '';
        const text = has ? `${label} is appointed (${v})` : `no ${noun} is appointed`;
        parts.push(has === want ? T(text) : F(text));
      }
    }
    return all(parts);
  },
  lint: (p, pointer, l) => l.keys(p.establishedIn, l.markets, 'market', `${pointer}/establishedIn`),
});
