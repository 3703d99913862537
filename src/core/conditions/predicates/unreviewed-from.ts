import { predicate } from '../predicate.js';
import { T, type Outcome } from '../outcome.js';

/**
 * For a rule written ahead of a change its pack could not yet read (a code due
 * to be registered, a provision due to commence): true before the date; from
 * it, unknown, so the item turns "to confirm" instead of dropping out in silence.
 */
export const unreviewedFrom = predicate<'unreviewedFrom', string>({
  key: 'unreviewedFrom',
  level: 'law',
  schema: {
    type: 'string',
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    description: 'True before this date; from it, unknown (to confirm): the law was due to change then and the rule has not been reviewed against the change.',
  },
  doc: {
    example: 'unreviewedFrom: 2026-12-10',
    holds: 'the as-of date is before this date; from it the item is to confirm (the law was due to change then; the rule is not yet reviewed)',
  },
  explain: (date, _subject, ctx): Outcome =>
    ctx.asOf < date
      ? T(`before ${date}`)
      : { value: null, because: [`the law was due to change on ${date} and this rule has not been reviewed against the change: check it`], unknown: [] },
  compile: (date, ctx) => {
    const value = ctx.asOf < date ? true : null;
    return () => value;
  },
});
