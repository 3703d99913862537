// Small shared helpers for stable output: one ordering, one date check.

/** Order by id, by code unit (not locale): the same order on every machine. */
export const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A YYYY-MM-DD string that names a real calendar day (no 2026-02-30). */
export function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Where the run (of digits, or of other characters) that starts at `i` ends. */
function runEnd(s: string, i: number): number {
  const digits = isDigit(s.charCodeAt(i));
  let j = i + 1;
  while (j < s.length && isDigit(s.charCodeAt(j)) === digits) j++;
  return j;
}

/**
 * Order ids as a person reads them: runs of digits by their value (p2 before p10), the rest by code unit,
 * then by code unit as a whole, so the order is total and the same on every machine. Walks the two
 * strings in place: a portfolio's plan sorts tens of thousands of ids.
 */
export function naturalOrder(a: string, b: string): number {
  let i = 0;
  let j = 0;
  let runsA = 0;
  let runsB = 0;
  while (i < a.length && j < b.length) {
    const ea = runEnd(a, i);
    const eb = runEnd(b, j);
    runsA++;
    runsB++;
    if (isDigit(a.charCodeAt(i)) && isDigit(b.charCodeAt(j))) {
      // compare by value without parsing: fewer digits (leading zeros stripped) is smaller
      let u = i;
      let v = j;
      while (u < ea - 1 && a.charCodeAt(u) === 48) u++;
      while (v < eb - 1 && b.charCodeAt(v) === 48) v++;
      if (ea - u !== eb - v) return ea - u - (eb - v);
      for (; u < ea; u++, v++) if (a.charCodeAt(u) !== b.charCodeAt(v)) return a.charCodeAt(u) < b.charCodeAt(v) ? -1 : 1;
    } else {
      // the two runs by code unit, the shorter first when one begins the other
      for (let u = i, v = j; u < ea && v < eb; u++, v++) if (a.charCodeAt(u) !== b.charCodeAt(v)) return a.charCodeAt(u) < b.charCodeAt(v) ? -1 : 1;
      if (ea - i !== eb - j) return ea - i < eb - j ? -1 : 1;
    }
    i = ea;
    j = eb;
  }
  // the remaining runs count too: fewer runs first, then the whole text
  for (; i < a.length; runsA++) i = runEnd(a, i);
  for (; j < b.length; runsB++) j = runEnd(b, j);
  return runsA !== runsB ? runsA - runsB : a < b ? -1 : a > b ? 1 : 0;
}
