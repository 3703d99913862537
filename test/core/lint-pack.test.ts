// Pack checks beyond the schema, on plain objects.
import { describe, expect, it } from 'vitest';
import { lintRule } from '../../src/core/lint-pack.js';
import { regulation, rule, tax } from '../helpers.js';

const lint = (overrides: Parameters<typeof rule>[0]) => {
  const r = rule(overrides);
  return lintRule(r, regulation([r]), tax, new Set(), 'r.yaml').map((i) => i.pointer);
};

describe('items: one', () => {
  it('texts may show the game, controller, regulation and params, not one subject', () => {
    expect(lint({ for: 'purpose', items: 'one', title: 'Opt-out for {{game.name}} under {{regulation.shortName}}' })).toEqual([]);
    expect(lint({ for: 'purpose', items: 'one', title: 'Opt-out ({{purpose.id}})', evidence: ['ok', 'For {{vendor.name}}'] })).toEqual([
      '/title',
      '/evidence/1',
    ]);
    expect(lint({ for: 'vendor', items: 'one', action: 'Ask {{#each data}}{{id}}{{/each}}' })).toEqual(['/action']);
  });
  it('is refused on a rule for the game, which has one item already', () => {
    expect(lint({ for: 'game', items: 'one' })).toEqual(['/items']);
    expect(lint({ for: 'purpose', title: 'Per purpose: {{purpose.id}}' })).toEqual([]);
  });
});
