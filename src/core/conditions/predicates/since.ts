import { predicate } from '../predicate.js';
import { F, T } from '../outcome.js';

export const since = predicate<'since', string>({
  key: 'since',
  level: 'law',
  schema: {
    type: 'string',
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    description: 'True on and after this date (the as-of date is on or after it): for scope tests or provisions that change on a date.',
  },
  doc: { example: 'since: 2026-07-01', holds: 'the as-of date is on or after this date (scope tests or duties that change on a date)' },
  explain: (date, _subject, ctx) => (ctx.asOf >= date ? T(`on or after ${date}`) : F(`before ${date}`)),
  compile: (date, ctx) => {
    const value = ctx.asOf >= date;
    return () => value;
  },
});
