import type { AudiencePredicate, Flow } from '../../types.js';
import type { LawContext } from '../context.js';
import { predicate } from '../predicate.js';
import { num } from '../operands.js';
import { all, F, T, U, type Outcome } from '../outcome.js';

/**
 * Children (under the taxonomy's child age: `ctx.tax.childAgeBelow`) play whatever the terms say when the
 * game is directed to them or the studio knows they play (COPPA's concepts, as the flow format states them).
 */
const childrenPlay = (a: Flow['audience']): boolean => a.childDirected === 'primary' || a.childDirected === 'mixed' || a.knownChildren === true;

/**
 * Actual knowledge that some players are under an age (the US state laws' "actually knows or wilfully
 * disregards", Korea's under-14s). The terms must admit such players; then an age gate that asks the age
 * (neutral or verified) tells the studio each player's age, and so does data tagged for child or teen
 * players. With no age gate and no such data, whether the studio knows is a fact to confirm.
 */
function knowsPlayersUnder({ n, label }: { n: number; label: string }, ctx: LawContext): Outcome {
  const { audience: a, data } = ctx.index.flow;
  const child = ctx.tax.childAgeBelow;
  if (childrenPlay(a) && n > child) {
    const why = a.knownChildren ? `the studio knows children under ${child} play` : `the game is child-directed (${a.childDirected})`;
    return T(`${why}, so it knows players under ${label}`);
  }
  if (a.minimumAge === undefined) return U('audience.minimumAge', 'the youngest age the terms allow is not given');
  if (a.minimumAge >= n) return F(`the terms admit players from age ${a.minimumAge}, not under ${label}`);
  const admitted = `the terms admit players from ${a.minimumAge === 0 ? 'any age' : `age ${a.minimumAge}`}`;
  if (a.ageGate === 'neutral' || a.ageGate === 'verified')
    return T(`${admitted} and the ${a.ageGate} age gate asks each player's age, so the studio knows which players are under ${label}`);
  const tagged = data.find((d) => d.subjects.includes('child') || (n > child && d.subjects.includes('teen')));
  if (tagged) return T(`${admitted} and data ${tagged.id} is kept about ${tagged.subjects.includes('child') ? 'child' : 'teen'} players`);
  if (a.ageGate === 'none')
    return U('audience.ageGate', `${admitted} with no age gate: whether the studio knows that any player is under ${label} is not given`);
  return U('audience.ageGate', `${admitted}; whether an age gate asks players' age is not given`);
}

const ENUMERATED = [
  ['childDirected', 'audience.childDirected', 'child-directed'],
  ['ageGate', 'audience.ageGate', 'age gate'],
] as const;

export const audience = predicate<'audience', AudiencePredicate>({
  key: 'audience',
  level: 'game',
  schema: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      admitsUnder: { $ref: '#/definitions/numberRef', description: 'The terms admit players younger than this age.' },
      childDirected: { type: 'array', items: { enum: ['no', 'mixed', 'primary'] }, minItems: 1 },
      ageGate: { type: 'array', items: { enum: ['none', 'neutral', 'verified'] }, minItems: 1 },
      knownChildren: { type: 'boolean' },
      knowsPlayersUnder: {
        $ref: '#/definitions/numberRef',
        description:
          "The studio actually knows some players are younger than this age: the terms admit them and an age gate that asks the age (neutral or verified) tells the studio each player's age, or data subjects are tagged child or teen.",
      },
    },
  },
  doc: {
    example: 'audience: {admitsUnder: 16, knowsPlayersUnder: 18, childDirected: [mixed, primary], ageGate: [none], knownChildren: true}',
    holds:
      'all given fields hold; `admitsUnder: N` means the terms\' minimum age is below N; `knowsPlayersUnder: N` is the age model for duties toward *known* minors ("actually knows or wilfully disregards"): the terms admit players under N and the studio knows their ages, because an age gate asks the age (`neutral` or `verified`), children under the child age (13, taxonomy/data-subjects.yaml) are known or targeted (N above it), or data is kept about `child`/`teen` players; with `ageGate: none` and none of these it is *unknown* (to confirm), never a quiet no. Use it instead of `data: {subjects: [teen]}` for such duties',
  },
  explain: (p, _subject, ctx) => {
    const a = ctx.index.flow.audience;
    const parts: Outcome[] = [];
    if (p.admitsUnder !== undefined) {
      const { n, label } = num(p.admitsUnder, ctx);
      const child = ctx.tax.childAgeBelow;
      if (childrenPlay(a) && n >= child && (a.minimumAge === undefined || a.minimumAge >= n))
        parts.push(
          T(`children under ${child} play (${a.knownChildren ? 'known to the studio' : `${a.childDirected} audience`}), so players under ${label} too`),
        );
      else if (a.minimumAge === undefined) parts.push(U('audience.minimumAge', 'the youngest age the terms allow is not given'));
      else {
        const from = a.minimumAge === 0 ? 'any age' : `age ${a.minimumAge}`;
        const text = `the terms admit players from ${from}, ${a.minimumAge < n ? 'under' : 'not under'} ${label}`;
        parts.push(a.minimumAge < n ? T(text) : F(text));
      }
    }
    for (const [key, fact, label] of ENUMERATED) {
      const want = p[key] as readonly string[] | undefined;
      if (!want) continue;
      const v = a[key];
      if (v === undefined) parts.push(U(fact, `${label} is not given`));
      else parts.push(want.includes(v) ? T(`${label}: ${v}`) : F(`${label}: ${v}, not ${want.join(' or ')}`));
    }
    if (p.knowsPlayersUnder !== undefined) parts.push(knowsPlayersUnder(num(p.knowsPlayersUnder, ctx), ctx));
    if (p.knownChildren !== undefined) {
      if (a.knownChildren === undefined) parts.push(U('audience.knownChildren', 'actual knowledge of child players is not given'));
      else {
        const text = a.knownChildren ? 'the studio knows some players are children' : 'no actual knowledge of child players';
        parts.push(a.knownChildren === p.knownChildren ? T(text) : F(text));
      }
    }
    return all(parts);
  },
});
