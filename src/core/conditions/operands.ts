// Operands of predicates: numbers and lists given literally or as a law's
// parameter, and comparisons of a known value or range against them.
import type { Comparison, ListRef, NumberRef } from '../types.js';
import type { LawContext } from './context.js';
import { F, formatNumber, T, U, type Outcome, type Truth } from './outcome.js';

export function num(ref: NumberRef, ctx: LawContext): { n: number; label: string } {
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
export function compareRange(lo: number, hi: number, cmp: Comparison, ctx: LawContext): { value: Truth; text: string } {
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

export function compareKnown(value: number | undefined, cmp: Comparison, what: string, fact: string, ctx: LawContext): Outcome {
  if (value === undefined) return U(fact, `${what} is not given`);
  const r = compareRange(value, value, cmp, ctx);
  const text = `${what} ${formatNumber(value)} ${r.value ? '' : 'not '}${r.text}`;
  return r.value ? T(text) : F(text);
}
