// ISO 8601 durations, compared by their length in seconds so that deadlines
// from different laws ("PT72H", "P3D", "P1M") can be ranked.
const PATTERN = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export function isDuration(text: string): boolean {
  return PATTERN.test(text);
}

/** Length in seconds, months counted as 30 days and years as 365 (for ranking only). */
export function durationSeconds(text: string): number {
  const m = PATTERN.exec(text);
  if (!m) throw new Error(`not an ISO 8601 duration: ${text}`);
  const n = (i: number) => Number(m[i] ?? 0);
  const day = 86_400;
  return n(1) * 365 * day + n(2) * 30 * day + n(3) * 7 * day + n(4) * day + n(5) * 3600 + n(6) * 60 + n(7);
}

/** Plain English for a duration: "72 hours", "1 month", "3 days". */
export function describeDuration(text: string): string {
  const m = PATTERN.exec(text);
  if (!m) return text;
  const units = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'];
  const parts: string[] = [];
  units.forEach((u, i) => {
    const v = Number(m[i + 1] ?? 0);
    if (v) parts.push(`${v} ${u}${v === 1 ? '' : 's'}`);
  });
  return parts.length ? parts.join(' ') : 'immediately';
}
