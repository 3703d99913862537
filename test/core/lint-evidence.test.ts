// A verified fact names where it was read: official host, date, pinpoint; a rule says what it reads.
import { describe, expect, it } from 'vitest';
import { lintRegulationEvidence, lintRuleEvidence } from '../../src/core/lint-evidence.js';
import { regulation, rule } from '../helpers.js';

const law = regulation([], {
  sources: [
    { title: 'The Act', url: 'https://www.legislation.example/act/1' },
    { title: 'A law firm', url: 'https://lawfirm.example/summary', official: false },
  ],
});
const source = { url: 'https://legislation.example/act/1/section/5', read: '2026-12-04', pinpoint: 's. 5(1)' };
const ruleIssues = (overrides: Parameters<typeof rule>[0]) => lintRuleEvidence(rule(overrides), law, 'r.yaml').map((i) => i.pointer);

describe('rule evidence', () => {
  it('a verified rule with an official source, its pinpoint and what it reads passes', () => {
    expect(ruleIssues({ verification: 'verified', source, reads: 'A business tells the regulator within 30 days.' })).toEqual([]);
    expect(ruleIssues({ verification: 'verified', source: [source, { ...source, pinpoint: 's. 6' }], reads: 'x' })).toEqual([]);
  });
  it('verified (said or by default) without a source or a reading is refused', () => {
    expect(ruleIssues({ verification: 'verified', reads: 'x' })).toEqual(['/']);
    expect(ruleIssues({ source })).toEqual(['/reads']);
  });
  it('a source off the official hosts (a law firm, an unlisted site) cannot make a rule verified', () => {
    expect(ruleIssues({ verification: 'verified', source: { ...source, url: 'https://lawfirm.example/summary#s5' }, reads: 'x' })).toEqual(['/source/url']);
    expect(ruleIssues({ verification: 'verified', source: [source, { ...source, url: 'https://blog.example/x' }], reads: 'x' })).toEqual(['/source/1/url']);
  });
  it('a secondary rule may name what it read anywhere, but says so in note', () => {
    expect(ruleIssues({ verification: 'secondary', source: { ...source, url: 'https://lawfirm.example/summary' }, note: 'read in a summary' })).toEqual([]);
    expect(ruleIssues({ verification: 'secondary' })).toEqual(['/note']);
  });
  it('a read date must be a real date', () => {
    expect(ruleIssues({ source: { ...source, read: '2026-02-30' }, reads: 'x' })).toEqual(['/source/read']);
  });
});

describe('law evidence', () => {
  const issues = (overrides: Parameters<typeof regulation>[1]) =>
    lintRegulationEvidence(regulation([], { sources: law.sources, ...overrides }), 'regulation.yaml').map((i) => i.pointer);
  it('the in-force date and every verified parameter name their source', () => {
    const parameters = { childAge: { type: 'integer' as const, value: 13, description: 'd', source } };
    expect(issues({ inForceSource: source, parameters })).toEqual([]);
    expect(issues({ parameters })).toEqual(['/inForce']);
    expect(issues({ inForceSource: source, parameters: { childAge: { ...parameters.childAge, source: undefined } } })).toEqual(['/parameters/childAge']);
  });
  it('an in-force date read only in a secondary source says so instead of naming an official one', () => {
    expect(issues({ inForceVerification: 'secondary' })).toEqual([]);
    expect(issues({ inForceVerification: 'secondary', inForceSource: { ...source, url: 'https://lawfirm.example/summary' } })).toEqual([]);
  });
  it("a parameter that is the pack's own reading says so instead (secondary or unverified)", () => {
    expect(
      issues({ inForceSource: source, parameters: { players: { type: 'integer', value: 100000, description: 'heuristic', verification: 'unverified' } } }),
    ).toEqual([]);
  });
  it('a verified variation names its source', () => {
    expect(issues({ inForceSource: source, variations: [{ markets: ['FR'], set: { childAge: 15 } }] })).toEqual(['/variations/0']);
    expect(issues({ inForceSource: source, variations: [{ markets: ['FR'], set: { childAge: 15 }, verification: 'secondary' }] })).toEqual([]);
  });
  it('a practice pack (a store policy, vendor assurance) is not a law and needs none', () => {
    expect(issues({ kind: 'practice' })).toEqual([]);
  });
});
