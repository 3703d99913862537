import type { DataPredicate } from '../../types.js';
import { matchesAny } from '../../taxonomy.js';
import { predicate } from '../predicate.js';
import { list } from '../operands.js';
import { F, listSomeOf, T } from '../outcome.js';

function someIn(xs: readonly string[], wanted: readonly string[]): boolean {
  for (const x of xs) if (wanted.includes(x)) return true;
  return false;
}

// What a data condition asks for, in words: the same for every subject and law (a list's label is its
// parameter's name or its items, never a law's value), so written once per condition.
const described = new WeakMap<DataPredicate, string>();

export const data = predicate<'data', DataPredicate>({
  key: 'data',
  level: 'subject',
  schema: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    description: "Some data element in the rule's scope matches every given criterion.",
    properties: {
      category: { $ref: '#/definitions/listRef' },
      subjects: { $ref: '#/definitions/listRef' },
      retentionStated: { type: 'boolean' },
    },
  },
  doc: {
    example: 'data: {category: [user.biometric], subjects: [child], retentionStated: false}',
    holds: 'some data element in scope matches all given fields; categories match their subtree',
  },
  explain: (p, subject, ctx) => {
    const cats = p.category ? list(p.category, ctx) : undefined;
    const subs = p.subjects ? list(p.subjects, ctx) : undefined;
    const hits = subject.data.filter(
      (d) =>
        (!cats || matchesAny(d.category, cats.items)) &&
        (!subs || d.subjects.some((s) => subs.items.includes(s))) &&
        (p.retentionStated === undefined || (d.retention !== undefined) === p.retentionStated),
    );
    let what = described.get(p);
    if (what === undefined)
      described.set(
        p,
        (what = [
          cats ? `category ${cats.label}` : '',
          subs ? `subjects ${subs.label}` : '',
          p.retentionStated === undefined ? '' : p.retentionStated ? 'with a stated retention' : 'with no stated retention',
        ]
          .filter(Boolean)
          .join(', ')),
      );
    if (hits.length === 0) return F(`no data of ${what} in ${subject.label}`);
    return T(`${listSomeOf(hits, (d) => `${d.id} (${d.category}; ${d.subjects.join(', ')})`)}: ${what}`);
  },
  compile: (p, ctx) => {
    const cats = p.category ? list(p.category, ctx).items : undefined;
    const subs = p.subjects ? list(p.subjects, ctx).items : undefined;
    const retention = p.retentionStated;
    // Plain loops: this runs for every pair of rule and subject, and closures made per call were a tenth of the evaluation's garbage.
    return (s) => {
      for (const d of s.data) {
        if (cats && !matchesAny(d.category, cats)) continue;
        if (subs && !someIn(d.subjects, subs)) continue;
        if (retention !== undefined && (d.retention !== undefined) !== retention) continue;
        return true;
      }
      return false;
    };
  },
  lint: (p, pointer, l) => {
    l.keys(p.category, l.tax.categoryKeys, 'data category', `${pointer}/category`);
    l.keys(p.subjects, l.tax.subjectKeys, 'data subject', `${pointer}/subjects`);
  },
});
