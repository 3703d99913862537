import { predicate } from '../predicate.js';
import { T } from '../outcome.js';

export const always = predicate<'always', true>({
  key: 'always',
  level: 'law',
  schema: { const: true },
  doc: { example: 'always: true', holds: 'always: for duties of every game the law applies to' },
  explain: () => T('unconditional: applies to every game in scope'),
  compile: () => () => true,
});
