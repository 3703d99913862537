import type { ListRef } from '../../types.js';
import { matchesAny } from '../../taxonomy.js';
import { predicate } from '../predicate.js';
import { list } from '../operands.js';
import { F, listSomeOf, T } from '../outcome.js';

export const use = predicate<'use', ListRef>({
  key: 'use',
  level: 'subject',
  schema: { $ref: '#/definitions/listRef', description: 'Some purpose in scope has a use in these subtrees.' },
  doc: { example: 'use: [marketing.advertising]', holds: 'some purpose in scope has a use in the subtree' },
  explain: (ref, subject, ctx) => {
    const uses = list(ref, ctx).items;
    const hits = subject.purposes.filter((p) => matchesAny(p.use, uses));
    if (hits.length === 0) return F(`no purpose for ${uses.join(', ')} in ${subject.label}`);
    return T(`purpose ${listSomeOf(hits, (p) => `${p.id} (${p.use})`)}`);
  },
  compile: (ref, ctx) => {
    const uses = list(ref, ctx).items;
    return (s) => {
      for (const p of s.purposes) if (matchesAny(p.use, uses)) return true;
      return false;
    };
  },
  lint: (ref, pointer, l) => l.keys(ref, l.tax.useKeys, 'data use', pointer),
});
