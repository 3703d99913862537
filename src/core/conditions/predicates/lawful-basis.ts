import type { LawfulBasis } from '../../types.js';
import { predicate } from '../predicate.js';
import { all, F, listSomeOf, T, type Outcome } from '../outcome.js';

const BASES: readonly LawfulBasis[] = [
  'consent',
  'contract',
  'legal-obligation',
  'vital-interests',
  'public-task',
  'legitimate-interests',
  'recognised-legitimate-interests',
];

export const lawfulBasis = predicate<'lawfulBasis', { in?: LawfulBasis[]; missing?: boolean }>({
  key: 'lawfulBasis',
  level: 'subject',
  schema: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      in: { type: 'array', minItems: 1, items: { enum: BASES } },
      missing: { type: 'boolean' },
    },
  },
  doc: {
    example: 'lawfulBasis: {in: [legitimate-interests]}` / `{missing: true}',
    holds:
      "some purpose in scope relies on / has no lawful basis. `recognised-legitimate-interests` is the UK GDPR's Art. 6(1)(ea) basis: a pack for another law that reads `legitimate-interests` should list it too, as what it is under that law",
  },
  explain: (p, subject) => {
    const parts: Outcome[] = [];
    if (p.in) {
      const hits = subject.purposes.filter((x) => x.lawfulBasis && p.in!.includes(x.lawfulBasis));
      parts.push(
        hits.length
          ? T(listSomeOf(hits, (x) => `purpose ${x.id} relies on ${x.lawfulBasis}`))
          : F(`no purpose in ${subject.label} relies on ${p.in.join(' or ')}`),
      );
    }
    if (p.missing !== undefined) {
      const hits = subject.purposes.filter((x) => x.lawfulBasis === undefined);
      const v = hits.length > 0;
      const text = v ? `no lawful basis chosen for ${listSomeOf(hits, (x) => x.id)}` : 'every purpose has a lawful basis';
      parts.push(v === p.missing ? T(text) : F(text));
    }
    return all(parts);
  },
  compile:
    ({ in: bases, missing }) =>
    (s) => {
      if (bases && !s.purposes.some((x) => x.lawfulBasis && bases.includes(x.lawfulBasis))) return false;
      if (missing !== undefined && s.purposes.some((x) => x.lawfulBasis === undefined) !== missing) return false;
      return true;
    },
});
