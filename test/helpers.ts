// Shared helpers for tests: a minimal valid flow built as a plain object.
import type { Flow, Regulation, Rule } from '../src/core/types.js';
import { loadTaxonomy } from '../src/load/taxonomy.js';

export const tax = loadTaxonomy();

export function flow(overrides: Partial<Flow> = {}): Flow {
  return {
    version: 1,
    game: { id: 'g', name: 'Game' },
    controller: { name: 'Studio', establishedIn: 'SG' },
    markets: [{ code: 'EU', players: 1000 }],
    audience: { minimumAge: 13, childDirected: 'no', ageGate: 'neutral', knownChildren: false },
    data: [{ id: 'email', category: 'user.contact.email', subjects: ['player'], retention: 'P1Y' }],
    systems: [{ id: 'backend', regions: ['SG'] }],
    vendors: [{ id: 'v', name: 'Vendor', role: 'processor', services: ['cloud'], regions: ['US'] }],
    purposes: [{ id: 'account', use: 'essential.service', data: ['email'], lawfulBasis: 'contract' }],
    flows: [{ from: 'backend', to: 'v', data: ['email'], purpose: 'account' }],
    ...overrides,
  };
}

export function rule(overrides: Partial<Rule> = {}): Rule {
  return {
    id: 'r',
    title: 'Rule',
    citation: 'Art. 1',
    topic: 'security',
    severity: 'high',
    for: 'game',
    when: { always: true },
    action: 'Do it',
    evidence: ['Proof'],
    ...overrides,
  };
}

export function regulation(rules: Rule[], overrides: Partial<Regulation> = {}): Regulation {
  return {
    id: 'test-law',
    name: 'Test Law',
    jurisdiction: 'EU',
    version: '1',
    inForce: '2020-01-01',
    sources: [{ title: 't', url: 'https://example.org' }],
    lastReviewed: '2026-11-25',
    appliesWhen: { offeredIn: ['EU'] },
    rules,
    ...overrides,
  };
}
