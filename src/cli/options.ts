// Option parsing shared by commands: dates, markets, severities, formats.
import { UsageError } from '../errors.js';
import { SEVERITIES, type Severity } from '../core/types.js';
import type { Taxonomy } from '../core/taxonomy.js';
import type { Flow } from '../core/types.js';
import { didYouMean } from '../core/suggest.js';
import { isRealDate } from '../core/order.js';
import type { Io } from './io.js';

export function parseAsOf(value: string | undefined, io: Io): string {
  if (value === undefined) return io.today();
  if (!isRealDate(value)) throw new UsageError(`--as-of "${value}" is not a date in the form YYYY-MM-DD`);
  return value;
}

export function parseMarkets(values: string[] | undefined, tax: Taxonomy): string[] | undefined {
  if (!values?.length) return undefined;
  const codes = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  const canonical = codes.map((c) => {
    const known = tax.markets.canonical(c);
    if (!known) {
      const hint = didYouMean(c, tax.markets.allCodes());
      throw new UsageError(`--market "${c}" is not a known market${hint ? ` (${hint})` : ''}`);
    }
    return known;
  });
  return [...new Set(canonical)];
}

/** Each --market must be one the flow offers (or lie in one, or hold one): otherwise the report would be silently empty. */
export function requireOffered(markets: string[] | undefined, flow: Flow, tax: Taxonomy): void {
  if (!markets) return;
  const offered = tax.markets.leavesOf(flow.markets.map((m) => m.code));
  for (const m of markets)
    if (![...tax.markets.leaves(m)].some((l) => offered.has(l)))
      throw new UsageError(`--market "${m}" is not offered by this flow (its markets: ${flow.markets.map((x) => x.code).join(', ')})`);
}

export function parseSeverity(value: string | undefined): Severity | undefined {
  if (value === undefined) return undefined;
  if (!(SEVERITIES as readonly string[]).includes(value)) throw new UsageError(`--fail-on "${value}" must be one of ${SEVERITIES.join(', ')}`);
  return value as Severity;
}

export function parseFormat<F extends string>(value: string | undefined, allowed: readonly F[], fallback: F): F {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--format "${value}" must be one of ${allowed.join(', ')}`);
  return value as F;
}
