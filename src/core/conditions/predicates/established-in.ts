import type { AffiliateRole, ListRef } from '../../types.js';
import type { LawContext } from '../context.js';
import { predicate } from '../predicate.js';
import { list } from '../operands.js';
import { F, T, U, type Outcome } from '../outcome.js';

/** The form with options: which affiliates' establishments count as the controller's. */
export interface EstablishedInOptions {
  in: ListRef;
  affiliates?: AffiliateRole[];
}
export type EstablishedIn = ListRef | EstablishedInOptions;

/**
 * A joint controller decides the purposes and means with the controller: where
 * it is established, a controller of the processing is. A processor or a mere
 * recipient in the group is not the controller's establishment unless the law
 * says so (the object form's `affiliates`).
 */
export const DEFAULT_ESTABLISHMENT_ROLES: readonly AffiliateRole[] = ['joint-controller'];

export function controllerEstablishedIn(codes: string[], ctx: LawContext, roles: readonly AffiliateRole[] = DEFAULT_ESTABLISHMENT_ROLES): Outcome {
  const flow = ctx.index.flow;
  const wanted = ctx.tax.markets.countriesOf(codes);
  const inWanted = (code: string) => [...ctx.tax.markets.countries(code)].some((c) => wanted.has(c));
  const at = flow.controller.establishedIn;
  const who = flow.controller.name;
  if (at && inWanted(at)) return T(`${who} is established in ${at}`);
  const affiliate = (flow.affiliates ?? []).find((a) => roles.includes(a.role) && inWanted(a.establishedIn));
  if (affiliate) return T(`${who}'s affiliate ${affiliate.name} (${affiliate.role}) is established in ${affiliate.establishedIn}`);
  if (!at) return U('controller.establishedIn', 'where the controller is established is not given');
  return F(`${who} is established in ${at}, not in ${codes.join(', ')}`);
}

export const establishedIn = predicate<'establishedIn', EstablishedIn>({
  key: 'establishedIn',
  level: 'game',
  schema: {
    description:
      "The controller is established in one of these countries, or an affiliate of its group whose role counts (by default a joint controller; the object form's `affiliates` lists the roles the law counts).",
    oneOf: [
      { $ref: '#/definitions/listRef' },
      {
        type: 'object',
        additionalProperties: false,
        required: ['in'],
        properties: {
          in: { $ref: '#/definitions/listRef' },
          affiliates: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['joint-controller', 'processor', 'recipient'] } },
        },
      },
    ],
  },
  doc: {
    example: 'establishedIn: [SG] or {in: [EEA], affiliates: [joint-controller, processor]}',
    holds:
      "the controller is established there, or an affiliate whose role counts (default: a joint controller; `affiliates` lists the roles); unknown if the controller's country is not given and no affiliate settles it",
  },
  explain: (value, _subject, ctx) => {
    const opts = isOptions(value) ? value : { in: value };
    return controllerEstablishedIn(list(opts.in, ctx).items, ctx, opts.affiliates ?? DEFAULT_ESTABLISHMENT_ROLES);
  },
  lint: (value, pointer, l) => (isOptions(value) ? l.keys(value.in, l.markets, 'market', `${pointer}/in`) : l.keys(value, l.markets, 'market', pointer)),
});

function isOptions(v: EstablishedIn): v is EstablishedInOptions {
  return !Array.isArray(v) && 'in' in v;
}
