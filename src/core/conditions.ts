// Three-valued evaluation of rule conditions. A leaf that needs a fact the
// flow leaves out answers `null` (unknown) and names the fact, so the item is
// reported "to confirm" instead of silently dropped.
import type { Comparison, Condition, ListRef, NumberRef, Vendor } from './types.js';
import type { FlowIndex, Subject } from './subjects.js';
import type { Taxonomy } from './taxonomy.js';
import { matchesAny } from './taxonomy.js';
import type { ResolvedParams } from './params.js';
import type { SharedTexts } from './texts.js';

export type Truth = true | false | null;

export interface Outcome {
  value: Truth;
  /** facts that decided the value (or, for unknown, that were known) */
  because: string[];
  /** facts the flow would need to give to decide an unknown value */
  unknown: string[];
}

export interface LawContext {
  tax: Taxonomy;
  index: FlowIndex;
  params: ResolvedParams;
  /** the smallest markets (countries, US states) the law covers */
  territory: ReadonlySet<string>;
  territoryLabel: string;
  /** the date the law is evaluated at */
  asOf: string;
  /** outcomes of game-level predicates (markets, thresholds, controller, audience), the same for every subject */
  memo?: Map<Condition, Outcome>;
  /** outcomes of subject-level predicates, shared by every law of one evaluation (see `shared`) */
  shared?: SharedAcrossLaws;
  /** this law's cache key of each subject-level predicate */
  keys?: WeakMap<Condition, string>;
}

/**
 * Twenty state laws ask the same question ("does this purpose target ads?")
 * of the same thousand purposes: the answer and its explanation are computed
 * once and shared. Keyed by the condition's text and the values of the
 * parameters it reads (which appear in its explanation), then by subject.
 */
export interface SharedAcrossLaws {
  /** the outcome of a subject-level condition, by key, then by subject */
  bySubject: Map<string, Map<Subject, Outcome>>;
  /** for a rule's whole condition: the subjects of its kind on which it is not false, with their outcomes */
  matches: Map<string, readonly Match[]>;
  /** rule texts filled for a subject, when they read nothing of the law */
  texts: SharedTexts;
}

/** A subject on which a rule's condition is not false: the outcome, and its lines without repeats (read-only). */
export interface Match {
  subject: Subject;
  outcome: Outcome;
  lines: { because: string[]; unknown: string[] };
  /** the item's subject reference and the end of its id */
  ref: { subject: { type: Subject['kind']; id: string }; idSuffix: string };
  /** for a single item standing for several subjects (`items: one`): their vendors and ids */
  vendors?: readonly Vendor[];
  triggers?: readonly string[];
}

export const sharedAcrossLaws = (): SharedAcrossLaws => ({ bySubject: new Map(), matches: new Map(), texts: new Map() });

/** Subjects that are the same objects for every law (markets and transfers are built per law). */
export const SHARED_KINDS: ReadonlySet<Subject['kind']> = new Set(['game', 'data', 'purpose', 'vendor', 'flow']);

const subjectOnlyMemo = new WeakMap<Condition, boolean>();

/**
 * A condition that reads nothing of the law but its parameters (no markets,
 * thresholds, controller or audience): its outcome on a subject can be shared
 * by every law whose parameters agree.
 */
export function isSubjectOnly(cond: Condition): boolean {
  let v = subjectOnlyMemo.get(cond);
  if (v === undefined) {
    if ('all' in cond) v = cond.all.every(isSubjectOnly);
    else if ('any' in cond) v = cond.any.every(isSubjectOnly);
    else if ('not' in cond) v = isSubjectOnly(cond.not);
    else v = !isGameLevel(cond);
    subjectOnlyMemo.set(cond, v);
  }
  return v;
}

function paramsIn(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) paramsIn(v, out);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === 'param' && typeof v === 'string') out.add(v);
      else paramsIn(v, out);
    }
  return out;
}

export function sharedKey(cond: Condition, ctx: LawContext): string {
  let key = ctx.keys?.get(cond);
  if (key === undefined) {
    key = JSON.stringify(cond);
    for (const name of [...paramsIn(cond, new Set())].sort()) {
      const p = ctx.params.get(name);
      key += `|${name}=${JSON.stringify(p?.value)}@${p?.source ?? ''}`;
    }
    ctx.keys?.set(cond, key);
  }
  return key;
}

function shared(cond: Condition, subject: Subject, ctx: LawContext, compute: () => Outcome): Outcome {
  if (!ctx.shared || !SHARED_KINDS.has(subject.kind)) return compute();
  const key = sharedKey(cond, ctx);
  let bySubject = ctx.shared.bySubject.get(key);
  if (!bySubject) ctx.shared.bySubject.set(key, (bySubject = new Map()));
  let o = bySubject.get(subject);
  if (!o) bySubject.set(subject, (o = frozen(compute())));
  return o;
}

/** An outcome that will be reused: read-only, lines included. */
function frozen(o: Outcome): Outcome {
  Object.freeze(o.because);
  Object.freeze(o.unknown);
  return Object.freeze(o);
}

/** Predicates that read only the game (markets, thresholds, controller, audience): the same for every subject of a law. */
export type GameLevelCondition = Extract<
  Condition,
  | { offeredIn: unknown }
  | { establishedIn: unknown }
  | { players: unknown }
  | { controller: unknown }
  | { audience: unknown }
  | { feature: unknown }
>;

export function isGameLevel(cond: Condition): cond is GameLevelCondition {
  return (
    'offeredIn' in cond || 'establishedIn' in cond || 'players' in cond || 'controller' in cond || 'audience' in cond || 'feature' in cond
  );
}

/**
 * A number as en-US writes it ("100,000"). Integers are grouped here: the
 * first toLocaleString call starts ICU, a fixed 25 ms on every check.
 */
export function formatNumber(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en-US');
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

const T = (because: string): Outcome => ({ value: true, because: [because], unknown: [] });
const F = (because: string): Outcome => ({ value: false, because: [because], unknown: [] });
const U = (fact: string, because: string): Outcome => ({ value: null, because: [because], unknown: [fact] });

function num(ref: NumberRef, ctx: LawContext): { n: number; label: string } {
  if (typeof ref === 'number') return { n: ref, label: formatNumber(ref) };
  const p = ctx.params.get(ref.param);
  if (!p || typeof p.value !== 'number') throw new Error(`parameter ${ref.param} is not a number`);
  return { n: p.value, label: `${formatNumber(p.value)} (${ref.param}${p.source ? `, ${p.source}` : ''})` };
}

export function list(ref: ListRef, ctx: LawContext): { items: string[]; label: string } {
  if (Array.isArray(ref)) return { items: ref, label: ref.join(', ') };
  const p = ctx.params.get(ref.param);
  if (!p || !Array.isArray(p.value)) throw new Error(`parameter ${ref.param} is not a list`);
  return { items: p.value, label: ref.param };
}

const OPS: Array<[keyof Comparison, string, (a: number, b: number) => boolean]> = [
  ['gt', '>', (a, b) => a > b],
  ['gte', '≥', (a, b) => a >= b],
  ['lt', '<', (a, b) => a < b],
  ['lte', '≤', (a, b) => a <= b],
];

/** Compare a value known to lie in [lo, hi] against every bound of a comparison. */
function compareRange(lo: number, hi: number, cmp: Comparison, ctx: LawContext): { value: Truth; text: string } {
  let value: Truth = true;
  const texts: string[] = [];
  for (const [key, sym, fn] of OPS) {
    const ref = cmp[key];
    if (ref === undefined) continue;
    const { n, label } = num(ref, ctx);
    texts.push(`${sym} ${label}`);
    const atLo = fn(lo, n);
    const atHi = fn(hi, n);
    const v: Truth = atLo && atHi ? true : !atLo && !atHi ? false : null;
    if (v === false) value = false;
    else if (v === null && value === true) value = null;
  }
  return { value, text: texts.join(' and ') };
}

function compareKnown(value: number | undefined, cmp: Comparison, what: string, fact: string, ctx: LawContext): Outcome {
  if (value === undefined) return U(fact, `${what} is not given`);
  const r = compareRange(value, value, cmp, ctx);
  const text = `${what} ${formatNumber(value)} ${r.value ? '' : 'not '}${r.text}`;
  return r.value ? T(text) : F(text);
}

/** Combine outcomes already computed (parts of one predicate). */
function all(children: Outcome[]): Outcome {
  return allOf(children.length, (i) => children[i]!);
}

/**
 * Three-valued AND, short-circuiting: the first false child decides and is the
 * reason given; unknown children are reported only when nothing is false.
 */
function allOf(n: number, child: (i: number) => Outcome): Outcome {
  const seen: Outcome[] = [];
  let undecided = false;
  for (let i = 0; i < n; i++) {
    const c = child(i);
    if (c.value === false) return { value: false, because: c.because, unknown: [] };
    if (c.value === null) undecided = true;
    seen.push(c);
  }
  return { value: undecided ? null : true, because: concat(seen, 'because'), unknown: undecided ? concat(seen, 'unknown') : [] };
}

/** The lines of several outcomes, in order (a plain loop: flatMap is several times slower here). */
function concat(outcomes: readonly Outcome[], key: 'because' | 'unknown', limit = outcomes.length): string[] {
  const out: string[] = [];
  for (let i = 0; i < limit && i < outcomes.length; i++) for (const line of outcomes[i]![key]) out.push(line);
  return out;
}

/** Enough examples to explain a match without listing a whole portfolio. */
export const MAX_LISTED = 5;

function listSome(items: string[]): string {
  return items.length <= MAX_LISTED ? items.join(', ') : `${items.slice(0, MAX_LISTED).join(', ')} and ${items.length - MAX_LISTED} more`;
}

function any(children: Outcome[]): Outcome {
  const t = children.filter((c) => c.value === true);
  if (t.length) {
    const because = concat(t, 'because', MAX_LISTED);
    if (t.length > MAX_LISTED) because.push(`and ${t.length - MAX_LISTED} more`);
    return { value: true, because, unknown: [] };
  }
  return undecidedOrFalse(children);
}

function undecidedOrFalse(children: Outcome[]): Outcome {
  const u = children.filter((c) => c.value === null);
  if (u.length) {
    const because = concat(u, 'because', MAX_LISTED);
    if (u.length > MAX_LISTED) because.push(`and ${u.length - MAX_LISTED} more undecided`);
    return { value: null, because, unknown: concat(u, 'unknown') };
  }
  return { value: false, because: concat(children, 'because'), unknown: [] };
}

/** Three-valued OR over conditions, short-circuiting: the first true child decides. */
function anyOf(n: number, child: (i: number) => Outcome): Outcome {
  const seen: Outcome[] = [];
  for (let i = 0; i < n; i++) {
    const c = child(i);
    if (c.value === true) return { value: true, because: c.because, unknown: [] };
    seen.push(c);
  }
  return undecidedOrFalse(seen);
}

export function evaluateCondition(cond: Condition, subject: Subject, ctx: LawContext): Outcome {
  if ('all' in cond || 'any' in cond || 'not' in cond)
    return isSubjectOnly(cond) ? shared(cond, subject, ctx, () => combined(cond, subject, ctx)) : combined(cond, subject, ctx);
  if ('always' in cond) return T('unconditional: applies to every game in scope');
  if (isGameLevel(cond)) {
    // One evaluation per law serves every subject.
    const hit = ctx.memo?.get(cond);
    if (hit) return hit;
    const o = frozen(gameLevel(cond, ctx));
    ctx.memo?.set(cond, o);
    return o;
  }
  if ('data' in cond) return shared(cond, subject, ctx, () => data(cond.data, subject, ctx));
  if ('use' in cond) return shared(cond, subject, ctx, () => use(list(cond.use, ctx).items, subject));
  if ('lawfulBasis' in cond) return lawfulBasis(cond.lawfulBasis, subject);
  if ('since' in cond) return ctx.asOf >= cond.since ? T(`on or after ${cond.since}`) : F(`before ${cond.since}`);
  if ('processesIn' in cond) return shared(cond, subject, ctx, () => processesIn(list(cond.processesIn, ctx), subject, ctx));
  if ('automatedDecisions' in cond) {
    // An omitted automatedDecisions means the purpose makes none (documented in the flow schema).
    const hits = subject.purposes.filter((p) => (p.automatedDecisions ?? false) === cond.automatedDecisions);
    const what = cond.automatedDecisions ? 'makes solely automated decisions about players' : 'makes no solely automated decisions';
    return hits.length ? T(`purpose ${listSome(hits.map((p) => p.id))} ${what}`) : F(`no purpose in ${subject.label} ${what}`);
  }
  if ('vendor' in cond) return shared(cond, subject, ctx, () => vendor(cond.vendor, subject, ctx));
  if ('region' in cond) return region(cond.region, subject, ctx);
  if ('market' in cond) {
    const wanted = ctx.tax.markets.leavesOf(list(cond.market.in, ctx).items);
    const m = subject.market;
    if (!m) return F('not a market');
    const hit = [...ctx.tax.markets.leaves(m)].some((l) => wanted.has(l));
    return hit ? T(`market ${m}`) : F(`market ${m} is not one of ${list(cond.market.in, ctx).label}`);
  }
  if ('ref' in cond) throw new Error(`named condition "${cond.ref}" was not expanded when its pack loaded`);
  const unreachable: never = cond;
  throw new Error(`unknown condition ${JSON.stringify(unreachable)}`);
}

function combined(cond: Extract<Condition, { all: unknown } | { any: unknown } | { not: unknown }>, subject: Subject, ctx: LawContext): Outcome {
  if ('all' in cond) return allOf(cond.all.length, (i) => evaluateCondition(cond.all[i]!, subject, ctx));
  if ('any' in cond) return anyOf(cond.any.length, (i) => evaluateCondition(cond.any[i]!, subject, ctx));
  const o = evaluateCondition(cond.not, subject, ctx);
  return { ...o, value: o.value === null ? null : !o.value };
}

function gameLevel(cond: GameLevelCondition, ctx: LawContext): Outcome {
  if ('offeredIn' in cond) return offeredIn(list(cond.offeredIn, ctx).items, ctx);
  if ('establishedIn' in cond) return establishedIn(list(cond.establishedIn, ctx).items, ctx);
  if ('players' in cond) return players(cond.players, ctx);
  if ('controller' in cond) return controller(cond.controller, ctx);
  if ('feature' in cond) return feature(cond.feature, ctx);
  return audience(cond.audience, ctx);
}

/** Players can do one of these things. An omitted `features` list is unknown, never "none". */
function feature(keys: string[], ctx: LawContext): Outcome {
  const have = ctx.index.flow.features;
  const names = keys.join(', ');
  if (have === undefined) return U('features', `whether players can use ${names} is not given (the flow has no features list)`);
  const hits = keys.filter((k) => have.includes(k));
  return hits.length ? T(`players can use ${hits.join(', ')}`) : F(`the game has none of ${names}`);
}

function playersLabel(p: number | undefined): string {
  return p === undefined ? 'players not given' : `${formatNumber(p)} players`;
}

function offeredIn(codes: string[], ctx: LawContext): Outcome {
  const wanted = ctx.tax.markets.leavesOf(codes);
  const hits = ctx.index.flow.markets.filter((m) => [...ctx.tax.markets.leaves(m.code)].some((l) => wanted.has(l)));
  if (hits.length === 0) return F(`not offered in ${codes.join(', ')}`);
  return T(`offered in ${hits.map((m) => `${m.code} (${playersLabel(m.players)})`).join(', ')}`);
}

function establishedIn(codes: string[], ctx: LawContext): Outcome {
  const at = ctx.index.flow.controller.establishedIn;
  if (!at) return U('controller.establishedIn', 'where the controller is established is not given');
  const wanted = ctx.tax.markets.countriesOf(codes);
  const hit = [...ctx.tax.markets.countries(at)].some((c) => wanted.has(c));
  const who = ctx.index.flow.controller.name;
  return hit ? T(`${who} is established in ${at}`) : F(`${who} is established in ${at}, not in ${codes.join(', ')}`);
}

/**
 * Players in a set of markets, as a range: a market inside the set counts
 * exactly; a larger market that overlaps it (US for a one-state law) bounds
 * it from above; an unknown count leaves the range open.
 */
function players(p: Comparison & { in?: ListRef }, ctx: LawContext): Outcome {
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
}

function controller(p: NonNullable<Extract<Condition, { controller: unknown }>['controller']>, ctx: LawContext): Outcome {
  const c = ctx.index.flow.controller;
  const parts: Outcome[] = [];
  if (p.annualRevenueUsd)
    parts.push(compareKnown(c.annualRevenueUsd, p.annualRevenueUsd, 'annual revenue (USD)', 'controller.annualRevenueUsd', ctx));
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
  if (p.establishedIn) parts.push(establishedIn(list(p.establishedIn, ctx).items, ctx));
  for (const [key, field, label, noun] of [
    ['hasEuRepresentative', 'euRepresentative', 'an EU representative', 'EU representative'],
    ['hasUkRepresentative', 'ukRepresentative', 'a UK representative', 'UK representative'],
    ['hasDpo', 'dpo', 'a data protection officer', 'data protection officer'],
  ] as const) {
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
}

function audience(p: NonNullable<Extract<Condition, { audience: unknown }>['audience']>, ctx: LawContext): Outcome {
  const a = ctx.index.flow.audience;
  const parts: Outcome[] = [];
  if (p.admitsUnder !== undefined) {
    const { n, label } = num(p.admitsUnder, ctx);
    // Children under 13 are players whatever the terms say when the game is
    // directed to them or the studio knows they play (COPPA's concepts).
    const childrenPlay = a.childDirected === 'primary' || a.childDirected === 'mixed' || a.knownChildren === true;
    if (childrenPlay && n >= 13 && (a.minimumAge === undefined || a.minimumAge >= n))
      parts.push(T(`children under 13 play (${a.knownChildren ? 'known to the studio' : `${a.childDirected} audience`}), so players under ${label} too`));
    else if (a.minimumAge === undefined) parts.push(U('audience.minimumAge', 'the youngest age the terms allow is not given'));
    else {
      const from = a.minimumAge === 0 ? 'any age' : `age ${a.minimumAge}`;
      const text = `the terms admit players from ${from}, ${a.minimumAge < n ? 'under' : 'not under'} ${label}`;
      parts.push(a.minimumAge < n ? T(text) : F(text));
    }
  }
  const enumerated = [
    ['childDirected', 'audience.childDirected', 'child-directed'],
    ['ageGate', 'audience.ageGate', 'age gate'],
  ] as const;
  for (const [key, fact, label] of enumerated) {
    const want = p[key] as readonly string[] | undefined;
    if (!want) continue;
    const v = a[key];
    if (v === undefined) parts.push(U(fact, `${label} is not given`));
    else parts.push(want.includes(v) ? T(`${label}: ${v}`) : F(`${label}: ${v}, not ${want.join(' or ')}`));
  }
  if (p.knowsPlayersUnder !== undefined) parts.push(knowsPlayersUnder(num(p.knowsPlayersUnder, ctx), ctx));
  if (p.knownChildren !== undefined) {
    if (a.knownChildren === undefined) parts.push(U('audience.knownChildren', 'actual knowledge of child players is not given'));
    else {
      const text = a.knownChildren ? 'the studio knows some players are children' : 'no actual knowledge of child players';
      parts.push(a.knownChildren === p.knownChildren ? T(text) : F(text));
    }
  }
  return all(parts);
}

/** The age below which the `child` data subject lies (COPPA's under-13); `teen` is from there to 18. */
const CHILD_TAG_BELOW = 13;

/**
 * Actual knowledge that some players are under an age (the US state laws' "actually knows or wilfully
 * disregards", Korea's under-14s). The terms must admit such players; then an age gate that asks the age
 * (neutral or verified) tells the studio each player's age, and so does data tagged for child or teen
 * players. With no age gate and no such data, whether the studio knows is a fact to confirm.
 */
function knowsPlayersUnder({ n, label }: { n: number; label: string }, ctx: LawContext): Outcome {
  const { audience: a, data } = ctx.index.flow;
  const childrenPlay = a.childDirected === 'primary' || a.childDirected === 'mixed' || a.knownChildren === true;
  if (childrenPlay && n > CHILD_TAG_BELOW) {
    const why = a.knownChildren ? 'the studio knows children under 13 play' : `the game is child-directed (${a.childDirected})`;
    return T(`${why}, so it knows players under ${label}`);
  }
  if (a.minimumAge === undefined) return U('audience.minimumAge', 'the youngest age the terms allow is not given');
  if (a.minimumAge >= n) return F(`the terms admit players from age ${a.minimumAge}, not under ${label}`);
  const admitted = `the terms admit players from ${a.minimumAge === 0 ? 'any age' : `age ${a.minimumAge}`}`;
  if (a.ageGate === 'neutral' || a.ageGate === 'verified')
    return T(`${admitted} and the ${a.ageGate} age gate asks each player's age, so the studio knows which players are under ${label}`);
  const tagged = data.find((d) => d.subjects.includes('child') || (n > CHILD_TAG_BELOW && d.subjects.includes('teen')));
  if (tagged) return T(`${admitted} and data ${tagged.id} is kept about ${tagged.subjects.includes('child') ? 'child' : 'teen'} players`);
  if (a.ageGate === 'none')
    return U('audience.ageGate', `${admitted} with no age gate: whether the studio knows that any player is under ${label} is not given`);
  return U('audience.ageGate', `${admitted}; whether an age gate asks players' age is not given`);
}

function data(p: NonNullable<Extract<Condition, { data: unknown }>['data']>, subject: Subject, ctx: LawContext): Outcome {
  const cats = p.category ? list(p.category, ctx) : undefined;
  const subs = p.subjects ? list(p.subjects, ctx) : undefined;
  const hits = subject.data.filter(
    (d) =>
      (!cats || matchesAny(d.category, cats.items)) &&
      (!subs || d.subjects.some((s) => subs.items.includes(s))) &&
      (p.retentionStated === undefined || (d.retention !== undefined) === p.retentionStated),
  );
  const what = [
    cats ? `category ${cats.label}` : '',
    subs ? `subjects ${subs.label}` : '',
    p.retentionStated === undefined ? '' : p.retentionStated ? 'with a stated retention' : 'with no stated retention',
  ]
    .filter(Boolean)
    .join(', ');
  if (hits.length === 0) return F(`no data of ${what} in ${subject.label}`);
  return T(`${listSome(hits.map((d) => `${d.id} (${d.category}; ${d.subjects.join(', ')})`))}: ${what}`);
}

function use(uses: string[], subject: Subject): Outcome {
  const hits = subject.purposes.filter((p) => matchesAny(p.use, uses));
  if (hits.length === 0) return F(`no purpose for ${uses.join(', ')} in ${subject.label}`);
  return T(`purpose ${listSome(hits.map((p) => `${p.id} (${p.use})`))}`);
}

function lawfulBasis(p: { in?: string[]; missing?: boolean }, subject: Subject): Outcome {
  const parts: Outcome[] = [];
  if (p.in) {
    const hits = subject.purposes.filter((x) => x.lawfulBasis && p.in!.includes(x.lawfulBasis));
    parts.push(
      hits.length
        ? T(listSome(hits.map((x) => `purpose ${x.id} relies on ${x.lawfulBasis}`)))
        : F(`no purpose in ${subject.label} relies on ${p.in.join(' or ')}`),
    );
  }
  if (p.missing !== undefined) {
    const hits = subject.purposes.filter((x) => x.lawfulBasis === undefined);
    const v = hits.length > 0;
    parts.push(
      v === p.missing
        ? T(v ? `no lawful basis chosen for ${listSome(hits.map((x) => x.id))}` : 'every purpose has a lawful basis')
        : F(v ? `no lawful basis chosen for ${listSome(hits.map((x) => x.id))}` : 'every purpose has a lawful basis'),
    );
  }
  return all(parts);
}

export type VendorPredicateT = NonNullable<Extract<Condition, { vendor: unknown }>['vendor']>;

/** The vendor facts a predicate can ask about, with how a person would say them. */
const VENDOR_FACTS = [
  ['dpfCertified', 'certified under the EU-US Data Privacy Framework'],
  ['sellsOrShares', 'selling or sharing players’ data for its own purposes'],
] as const;

/** Whether one vendor matches, without building any explanation (the common, hot path). */
export function vendorTruth(p: VendorPredicateT, v: Subject['vendors'][number], services: string[] | undefined, suppliers: ReadonlySet<string>): Truth {
  if (p.role && !p.role.includes(v.role)) return false;
  if (services && !v.services.some((s) => services.includes(s))) return false;
  // The flows are the whole description: no flow from a vendor means no data from it.
  if (p.suppliesData !== undefined && suppliers.has(v.id) !== p.suppliesData) return false;
  let value: Truth = true;
  for (const [key] of VENDOR_FACTS) {
    const want = p[key];
    if (want === undefined) continue;
    const have = v[key];
    if (have === undefined) value = null;
    else if (have !== want) return false;
  }
  return value;
}

function explainVendor(p: VendorPredicateT, v: Subject['vendors'][number], services: string[] | undefined, suppliers: ReadonlySet<string>): Outcome {
  const parts: Outcome[] = [];
  const who = `vendor ${v.id} (${v.name})`;
  if (p.role) parts.push(p.role.includes(v.role) ? T(`${who} is a ${v.role}`) : F(`${who} is a ${v.role}, not ${p.role.join(' or ')}`));
  if (services) {
    const hit = v.services.filter((s) => services.includes(s));
    parts.push(hit.length ? T(`${who} provides ${hit.join(', ')}`) : F(`${who} provides none of ${services.join(', ')}`));
  }
  if (p.suppliesData !== undefined) {
    const supplies = suppliers.has(v.id);
    const text = supplies ? `a flow brings players’ data from ${who} to the studio` : `no flow brings data from ${who} to the studio`;
    parts.push(supplies === p.suppliesData ? T(text) : F(text));
  }
  for (const [key, label] of VENDOR_FACTS) {
    const want = p[key];
    if (want === undefined) continue;
    const have = v[key];
    if (have === undefined) parts.push(U(`vendors[${v.id}].${key}`, `whether ${who} is ${label} is not given`));
    else {
      const text = `${who} is ${have ? '' : 'not '}${label}`;
      parts.push(have === want ? T(text) : F(text));
    }
  }
  return all(parts);
}

function vendor(p: VendorPredicateT, subject: Subject, ctx: LawContext): Outcome {
  const services = p.services ? list(p.services, ctx).items : undefined;
  const suppliers = ctx.index.suppliers;
  if (subject.vendors.length === 0) return F(`no vendor in ${subject.label}`);
  const truths = subject.vendors.map((v) => vendorTruth(p, v, services, suppliers));
  const pick = (t: Truth) => subject.vendors.filter((_, i) => truths[i] === t);
  const matching = pick(true);
  if (matching.length) {
    // Explain the first few; the rest are only counted.
    const o = any(matching.slice(0, MAX_LISTED).map((v) => explainVendor(p, v, services, suppliers)));
    if (matching.length > MAX_LISTED) o.because.push(`and ${matching.length - MAX_LISTED} more`);
    return o;
  }
  const undecided = pick(null);
  if (undecided.length) {
    const o = any(undecided.slice(0, MAX_LISTED).map((v) => explainVendor(p, v, services, suppliers)));
    if (undecided.length > MAX_LISTED) o.because.push(`and ${undecided.length - MAX_LISTED} more undecided`);
    // every undecided vendor's missing facts, so the to-confirm item names them all
    const facts = undecided.flatMap((v) => VENDOR_FACTS.filter(([k]) => p[k] !== undefined && v[k] === undefined).map(([k]) => `vendors[${v.id}].${k}`));
    return { value: null, because: o.because, unknown: facts };
  }
  // Every vendor fails: explain a few; a portfolio of hundreds gets one line.
  if (subject.vendors.length <= MAX_LISTED) return any(subject.vendors.map((v) => explainVendor(p, v, services, suppliers)));
  return F(`none of the ${subject.vendors.length} vendors in ${subject.label} matches`);
}

function region(p: { in?: ListRef; notIn?: ListRef }, subject: Subject, ctx: LawContext): Outcome {
  if (subject.region === undefined) return F('not a transfer');
  const v = subject.vendor!;
  if (subject.region === null) return U(`vendors[${v.id}].regions`, `where vendor ${v.id} (${v.name}) processes data is not given`);
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
  return all([T(`vendor ${v.id} (${v.name}) processes data in ${c}`), ...parts]);
}

/** First-party systems (at game scope) and the vendors in scope that process data in the listed countries. */
function processesIn(l: { items: string[]; label: string }, subject: Subject, ctx: LawContext): Outcome {
  const wanted = ctx.tax.markets.countriesOf(l.items);
  const places = [
    // Players' devices run wherever players are; they are not the studio's equipment in a country.
    ...(subject.kind === 'game'
      ? ctx.index.flow.systems
          .filter((s) => s.kind !== 'device')
          .map((s) => ({ who: `system ${s.id}`, regions: s.regions, fact: `systems[${s.id}].regions` }))
      : []),
    ...subject.vendors.map((v) => ({ who: `vendor ${v.id} (${v.name})`, regions: v.regions, fact: `vendors[${v.id}].regions` })),
  ];
  const hits = places.filter((p) => (p.regions ?? []).some((r) => [...ctx.tax.markets.countries(r)].some((c) => wanted.has(c))));
  if (hits.length) return T(`${listSome(hits.map((h) => h.who))} processes data in ${l.label}`);
  const unknown = places.filter((p) => !p.regions || p.regions.length === 0);
  if (unknown.length)
    return {
      value: null,
      because: [`where ${listSome(unknown.map((u) => u.who))} processes data is not given`],
      unknown: unknown.map((u) => u.fact),
    };
  return F(`nothing in ${subject.label} processes data in ${l.label}`);
}
