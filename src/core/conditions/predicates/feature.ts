import { predicate } from '../predicate.js';
import { F, T, U } from '../outcome.js';

/** Players can do one of these things. An omitted `features` list is unknown, never "none". */
export const feature = predicate<'feature', string[]>({
  key: 'feature',
  level: 'game',
  schema: {
    type: 'array',
    minItems: 1,
    items: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
    description: 'Players can do one of these things in the game (keys of taxonomy/features.yaml). Unknown when the flow omits `features`.',
  },
  doc: {
    example: 'feature: [loot-boxes, text-chat]',
    holds:
      "players can do one of these things in the game (keys of `taxonomy/features.yaml`); the flow's `features` omitted → *unknown*, naming `features`; `features: []` → none",
  },
  explain: (keys, _subject, ctx) => {
    const have = ctx.index.flow.features;
    const names = keys.join(', ');
    if (have === undefined) return U('features', `whether players can use ${names} is not given (the flow has no features list)`);
    const hits = keys.filter((k) => have.includes(k));
    return hits.length ? T(`players can use ${hits.join(', ')}`) : F(`the game has none of ${names}`);
  },
  lint: (keys, pointer, l) => l.keys(keys, l.tax.featureKeys, 'game feature', pointer),
});
