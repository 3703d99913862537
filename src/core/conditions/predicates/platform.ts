import { predicate } from '../predicate.js';
import { F, T, U } from '../outcome.js';

/** Platforms the game ships on; a practice pack for an app store applies when its store's platform is one. */
export const PLATFORM_KEYS = ['ios', 'android', 'pc', 'web', 'console', 'vr'] as const;

/** The game ships on one of these platforms. Platforms are not markets: a store pack covers no market. */
export const platform = predicate<'platform', string[]>({
  key: 'platform',
  level: 'game',
  schema: {
    type: 'array',
    minItems: 1,
    uniqueItems: true,
    items: { enum: [...PLATFORM_KEYS] },
    description: 'The game ships on one of these platforms (game.platforms). Unknown when the flow omits game.platforms.',
  },
  doc: {
    example: 'platform: [ios]',
    holds:
      'the game ships on one of these platforms (`game.platforms`: ios, android, pc, web, console, vr); omitted → *unknown*, naming `game.platforms`. Platforms are not markets: use it for app-store practice packs',
  },
  explain: (keys, _subject, ctx) => {
    const have = ctx.index.flow.game.platforms;
    const names = keys.join(', ');
    if (have === undefined) return U('game.platforms', `whether the game ships on ${names} is not given (the flow has no game.platforms)`);
    const hits = keys.filter((k) => have.includes(k));
    return hits.length ? T(`the game ships on ${hits.join(', ')}`) : F(`the game does not ship on ${names}`);
  },
});
