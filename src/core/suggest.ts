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

type Candidate = [lower: string, original: string];

/** Candidates indexed three ways, kept per candidate list (a report's item ids are asked about many times). */
interface Index {
  /** by their lowercase text: neighbours share the longest prefixes */
  sorted: Candidate[];
  /** by their lowercase text reversed: those ending with a text are one run */
  reversed: Array<[reversed: string, candidate: Candidate]>;
  /** by length: a candidate within distance d of a text is within d of its length */
  byLength: Map<number, Candidate[]>;
}
const indexes = new WeakMap<readonly string[], Index>();

const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const reverse = (s: string) => [...s].reverse().join('');

function indexOf(candidates: Iterable<string>): Index {
  const list = Array.isArray(candidates) ? (candidates as readonly string[]) : undefined;
  const known = list && indexes.get(list);
  if (known) return known;
  const sorted = [...candidates].map((c): Candidate => [c.toLowerCase(), c]).sort((x, y) => compare(x[0], y[0]));
  const reversed = sorted.map((c): [string, Candidate] => [reverse(c[0]), c]).sort((x, y) => compare(x[0], y[0]));
  const byLength = new Map<number, Candidate[]>();
  for (const c of sorted) {
    const bucket = byLength.get(c[0].length);
    if (bucket) bucket.push(c);
    else byLength.set(c[0].length, [c]);
  }
  const index = { sorted, reversed, byLength };
  if (list) indexes.set(list, index);
  return index;
}

/** Where `key` would stand in a list sorted by `at`. */
function insertionPoint<T>(list: readonly T[], key: string, at: (x: T) => string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(list[mid]!) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Neighbours in sorted order measured first: a close one found early makes every later measure short. */
const NEIGHBOURS = 32;

/**
 * The closest candidate, or undefined when none is close enough to be a plausible typo.
 * Only candidates that could still win are measured: those ending with the input (a strong
 * hint, whatever their length), then the input's neighbours in sorted order, then those whose
 * length is within the best distance so far, each only as far as it could still win.
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const lower = input.toLowerCase();
  const limit = Math.max(2, Math.floor(input.length / 3));
  const { sorted, reversed, byLength } = indexOf(candidates);
  let best: string | undefined;
  let bestScore = Infinity;
  const within = () => Math.floor(Math.min(limit, bestScore));
  const consider = ([cl, c]: Candidate) => {
    // A candidate that ends with what was typed ("email" → user.contact.email) is a strong hint.
    // One letter past a code is most often a longer spelling of it ("USA" → US, not SA).
    const score =
      cl.endsWith('.' + lower) || cl.endsWith(lower)
        ? 0.5
        : cl.length >= 2 && lower.length === cl.length + 1 && lower.startsWith(cl)
          ? 0.75
          : distanceWithin(lower, cl, within());
    if (score < bestScore || (score === bestScore && best !== undefined && c < best)) {
      best = c;
      bestScore = score;
    }
  };
  const tail = reverse(lower);
  for (let i = insertionPoint(reversed, tail, (r) => r[0]); i < reversed.length && reversed[i]![0].startsWith(tail); i++) consider(reversed[i]![1]);
  const at = insertionPoint(sorted, lower, (c) => c[0]);
  for (let i = Math.max(0, at - NEIGHBOURS); i < Math.min(sorted.length, at + NEIGHBOURS); i++) consider(sorted[i]!);
  for (let d = 0; d <= within(); d++)
    for (const length of d === 0 ? [lower.length] : [lower.length - d, lower.length + d]) for (const c of byLength.get(length) ?? []) consider(c);
  if (best === undefined) return undefined;
  return bestScore <= limit ? best : undefined;
}

export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const c = closest(input, candidates);
  return c === undefined ? undefined : `did you mean ${c}?`;
}
