// Deadlines as ISO 8601 durations ("PT72H", "P3D", "P1M"), compared by their
// length so that deadlines from different laws can be ranked. One extension:
// "P<n>BD" is n business days (the CCPA regulations count in them), which
// ISO 8601 cannot say; it ranks as n × 7/5 calendar days.
const PATTERN = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const BUSINESS_DAYS = /^P(\d+)BD$/;
const DAY = 86_400;

export function isDuration(text: string): boolean {
  return PATTERN.test(text) || BUSINESS_DAYS.test(text);
}

/** Length in seconds, months counted as 30 days, years as 365 and a business day as 7/5 of a day (for ranking only). */
export function durationSeconds(text: string): number {
  const b = BUSINESS_DAYS.exec(text);
  if (b) return Math.round((Number(b[1]) * 7 * DAY) / 5);
  const m = PATTERN.exec(text);
  if (!m) throw new Error(`not an ISO 8601 duration: ${text}`);
  const n = (i: number) => Number(m[i] ?? 0);
  return n(1) * 365 * DAY + n(2) * 30 * DAY + n(3) * 7 * DAY + n(4) * DAY + n(5) * 3600 + n(6) * 60 + n(7);
}

/** Plain English for a duration: "72 hours", "1 month", "15 business days". */
export function describeDuration(text: string): string {
  const b = BUSINESS_DAYS.exec(text);
  if (b) return `${Number(b[1])} business day${Number(b[1]) === 1 ? '' : 's'}`;
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
