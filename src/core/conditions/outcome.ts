// Three-valued outcomes and how they combine. A leaf that needs a fact the
// flow leaves out answers `null` (unknown) and names the fact, so the item is
// reported "to confirm" instead of silently dropped.

export type Truth = true | false | null;

export interface Outcome {
  value: Truth;
  /** facts that decided the value (or, for unknown, that were known) */
  because: string[];
  /** facts the flow would need to give to decide an unknown value */
  unknown: string[];
}

export const T = (because: string): Outcome => ({ value: true, because: [because], unknown: [] });
export const F = (because: string): Outcome => ({ value: false, because: [because], unknown: [] });
export const U = (fact: string, because: string): Outcome => ({ value: null, because: [because], unknown: [fact] });

/** An outcome that will be reused: read-only, lines included. */
export function frozen(o: Outcome): Outcome {
  Object.freeze(o.because);
  Object.freeze(o.unknown);
  return Object.freeze(o);
}

/** Enough examples to explain a match without listing a whole portfolio. */
export const MAX_LISTED = 5;

/** The first few of some things, each shown, then how many more: only those listed are shown (a game's data elements number thousands). */
export function listSomeOf<T>(items: readonly T[], show: (item: T) => string): string {
  const shown = items.slice(0, MAX_LISTED).map(show).join(', ');
  return items.length <= MAX_LISTED ? shown : `${shown} and ${items.length - MAX_LISTED} more`;
}

/**
 * A number as en-US writes it ("100,000", "0.5"): toLocaleString's text,
 * written here for integers and short decimals, because the first
 * toLocaleString call starts ICU, a fixed 25 ms on every check (a revenue
 * share of 0.5 asked for it). Anything else (more than three decimals, which
 * toLocaleString rounds; exponents; -0) is left to it.
 */
export function formatNumber(n: number): string {
  if (Object.is(n, -0)) return n.toLocaleString('en-US');
  // Player counts and thresholds repeat for every law and subject: each is written once.
  let text = grouped.get(n);
  if (text === undefined) {
    if (grouped.size >= 10_000) grouped.clear();
    grouped.set(n, (text = writeNumber(n)));
  }
  return text;
}

const grouped = new Map<number, string>();

function writeNumber(n: number): string {
  const plain = /^(-?)(\d+)(?:\.(\d{1,3}))?$/.exec(String(n));
  if (!plain || !Number.isSafeInteger(Number(plain[2]))) return n.toLocaleString('en-US');
  const [, sign, whole, fraction] = plain;
  return `${sign}${whole!.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

/** The lines of several outcomes, in order (a plain loop: flatMap is several times slower here). */
function concat(outcomes: readonly Outcome[], key: 'because' | 'unknown', limit = outcomes.length): string[] {
  const out: string[] = [];
  for (let i = 0; i < limit && i < outcomes.length; i++) for (const line of outcomes[i]![key]) out.push(line);
  return out;
}

/** Combine outcomes already computed (parts of one predicate). */
export function all(children: Outcome[]): Outcome {
  return allOf(children.length, (i) => children[i]!);
}

/**
 * Three-valued AND, short-circuiting: the first false child decides and is the
 * reason given; unknown children are reported only when nothing is false.
 */
export function allOf(n: number, child: (i: number) => Outcome): Outcome {
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

export function any(children: Outcome[]): Outcome {
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
export function anyOf(n: number, child: (i: number) => Outcome): Outcome {
  const seen: Outcome[] = [];
  for (let i = 0; i < n; i++) {
    const c = child(i);
    if (c.value === true) return { value: true, because: c.because, unknown: [] };
    seen.push(c);
  }
  return undecidedOrFalse(seen);
}
