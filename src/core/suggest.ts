// "Did you mean …?" for unknown names: the closest candidate by edit distance.

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  return distanceWithin(a, b, Math.max(a.length, b.length));
}

// Two rows reused between calls: a search compares tens of thousands of ids.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * The edit distance of `a` and `b` when it is at most `max`, else `max + 1`:
 * only the cells within `max` of the diagonal are computed, and a row whose
 * every cell is past `max` ends the search.
 */
export function distanceWithin(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (rowA.length <= n) [rowA, rowB] = [new Int32Array(n + 1), new Int32Array(n + 1)];
  let prev = rowA;
  let cur = rowB;
  const far = max + 1;
  for (let j = 0; j <= n; j++) prev[j] = j <= max ? j : far;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(n, i + max);
    cur[from - 1] = from === 1 && i <= max ? i : far;
    let rowMin = cur[from - 1]!;
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost, far);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (to < n) cur[to + 1] = far;
    if (rowMin > max) return far;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[n]!, far);
}

/** Candidates lowercased and sorted, kept per candidate list (a report's item ids are asked about many times). */
const sortedLists = new WeakMap<readonly string[], Array<[string, string]>>();

function sortedLowercase(candidates: Iterable<string>): Array<[string, string]> {
  const list = Array.isArray(candidates) ? (candidates as readonly string[]) : undefined;
  const known = list && sortedLists.get(list);
  if (known) return known;
  const sorted = [...candidates].map((c): [string, string] => [c.toLowerCase(), c]).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  if (list) sortedLists.set(list, sorted);
  return sorted;
}

/**
 * The closest candidate, or undefined when none is close enough to be a plausible typo.
 * The candidates nearest the input in sorted order (those sharing its longest prefix) are
 * measured first, so a close one is found early and every later one is measured only as
 * far as it could still beat it.
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const lower = input.toLowerCase();
  const limit = Math.max(2, Math.floor(input.length / 3));
  const sorted = sortedLowercase(candidates);
  let best: string | undefined;
  let bestScore = Infinity;
  const consider = ([cl, c]: [string, string]) => {
    // A candidate that ends with what was typed ("email" → user.contact.email) is a strong hint.
    // One letter past a code is most often a longer spelling of it ("USA" → US, not SA).
    const score =
      cl.endsWith('.' + lower) || cl.endsWith(lower)
        ? 0.5
        : cl.length >= 2 && lower.length === cl.length + 1 && lower.startsWith(cl)
          ? 0.75
          : distanceWithin(lower, cl, Math.floor(Math.min(limit, bestScore)));
    if (score < bestScore || (score === bestScore && best !== undefined && c < best)) {
      best = c;
      bestScore = score;
    }
  };
  // where the input would stand in sorted order; then outwards from there
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]![0] < lower) lo = mid + 1;
    else hi = mid;
  }
  for (let k = 0, left = lo - 1, right = lo; left >= 0 || right < sorted.length; k++) {
    if (k % 2 === 0 ? right < sorted.length : left < 0) consider(sorted[right++]!);
    else consider(sorted[left--]!);
  }
  if (best === undefined) return undefined;
  return bestScore <= limit ? best : undefined;
}

export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const c = closest(input, candidates);
  return c === undefined ? undefined : `did you mean ${c}?`;
}
