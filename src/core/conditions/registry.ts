// Every predicate of the law language, in the order the schema and the
// authoring doc list them. Adding a predicate: a module in predicates/ and one
// line here (then `npm run generate` for the schema and the doc table).
import type { Predicate } from './predicate.js';
import { always } from './predicates/always.js';
import { offeredIn } from './predicates/offered-in.js';
import { establishedIn } from './predicates/established-in.js';
import { players } from './predicates/players.js';
import { controller } from './predicates/controller.js';
import { audience } from './predicates/audience.js';
import { feature } from './predicates/feature.js';
import { platform } from './predicates/platform.js';
import { data } from './predicates/data.js';
import { use } from './predicates/use.js';
import { lawfulBasis } from './predicates/lawful-basis.js';
import { automatedDecisions } from './predicates/automated-decisions.js';
import { processesIn } from './predicates/processes-in.js';
import { vendor } from './predicates/vendor.js';
import { region } from './predicates/region.js';
import { since } from './predicates/since.js';
import { unreviewedFrom } from './predicates/unreviewed-from.js';

export const PREDICATES = [
  always,
  offeredIn,
  establishedIn,
  processesIn,
  players,
  controller,
  audience,
  feature,
  platform,
  data,
  use,
  lawfulBasis,
  automatedDecisions,
  vendor,
  region,
  since,
  unreviewedFrom,
] as const;

type Registered = (typeof PREDICATES)[number];
type ValueOf<P> = P extends Predicate<string, infer V> ? V : never;

/** A condition's leaf: one predicate and its value, as a rule writes it (`{offeredIn: [EU]}`). */
export type LeafCondition = { [P in Registered as P['key']]: { [K in P['key']]: ValueOf<P> } }[Registered['key']];

export type PredicateKey = Registered['key'];

const BY_KEY: ReadonlyMap<string, Predicate<string, never>> = new Map(PREDICATES.map((p) => [p.key, p as unknown as Predicate<string, never>]));

/** The predicate a leaf condition uses, and its value (a leaf has exactly one key). */
export function leafOf(cond: object): { predicate: Predicate<string, never>; value: never } | undefined {
  for (const key in cond) {
    const p = BY_KEY.get(key);
    return p ? { predicate: p, value: (cond as Record<string, never>)[key]! } : undefined;
  }
  return undefined;
}
