import { predicate } from '../predicate.js';
import { F, listSomeOf, T } from '../outcome.js';

// An omitted automatedDecisions means the purpose makes none (documented in the flow schema).
export const automatedDecisions = predicate<'automatedDecisions', boolean>({
  key: 'automatedDecisions',
  level: 'subject',
  schema: {
    type: 'boolean',
    description: 'Some purpose in scope makes (true) or makes no (false) solely automated decisions with legal or similarly significant effects.',
  },
  doc: { example: 'automatedDecisions: true', holds: 'some purpose in scope makes solely automated decisions (omitted in the flow = no)' },
  explain: (want, subject) => {
    const hits = subject.purposes.filter((p) => (p.automatedDecisions ?? false) === want);
    const what = want ? 'makes solely automated decisions about players' : 'makes no solely automated decisions';
    return hits.length ? T(`purpose ${listSomeOf(hits, (p) => p.id)} ${what}`) : F(`no purpose in ${subject.label} ${what}`);
  },
  compile: (want) => (s) => s.purposes.some((p) => (p.automatedDecisions ?? false) === want),
});
