import { describe, expect, it } from 'vitest';
import { validateWith } from '../../src/load/schema.js';

const rule = (when: unknown) => ({
  id: 'r',
  title: 't',
  citation: 'Art. 1',
  topic: 'security',
  severity: 'high',
  for: 'game',
  when,
  action: 'a',
  evidence: ['e'],
});

describe('condition schema', () => {
  it.each([
    [{ players: { in: ['US-CA'], gte: 100000 } }],
    [{ players: { gte: { param: 'threshold' } } }],
    [{ all: [{ offeredIn: ['EU'] }, { not: { establishedIn: ['EEA'] } }] }],
    [{ processesIn: ['MY'] }],
    [{ controller: { hasDpo: false, annualRevenueUsd: { gt: 1 } } }],
  ])('accepts %j', (when) => {
    expect(validateWith('rule', 'r.yaml', rule(when))).toEqual([]);
  });
  it.each([
    [{ players: { over: 3 } }, /unknown key "over"/],
    [{ offeredIn: ['EU'], establishedIn: ['EU'] }, /exactly one condition/],
    [{ bogus: true }, /unknown key "bogus"/],
    [{ all: [] }, /at least 1/],
  ])('rejects %j', (when, pattern) => {
    const issues = validateWith('rule', 'r.yaml', rule(when));
    expect(issues.map((i) => i.message).join('\n')).toMatch(pattern);
  });
});

import { checkFlow } from '../../src/core/check-flow.js';
import { flow, tax } from '../helpers.js';

describe('flow ids', () => {
  it('two unnamed flows with the same ends and purpose must be given ids', () => {
    const f = flow({
      flows: [
        { from: 'backend', to: 'v', data: ['email'], purpose: 'account' },
        { from: 'backend', to: 'v', data: ['email'], purpose: 'account' },
      ],
    });
    expect(checkFlow(f, tax, 'f.yaml').map((i) => i.message)).toEqual(['flows.0 and flows.1 both go from "backend" to "v" for "account"']);
    f.flows[1]!.id = 'second';
    expect(checkFlow(f, tax, 'f.yaml')).toEqual([]);
  });
});

describe('player counts of nested markets', () => {
  it('a national total beside state counts validates; state counts above the total do not', () => {
    expect(
      checkFlow(
        flow({
          markets: [
            { code: 'US', players: 500000 },
            { code: 'US-CA', players: 120000 },
          ],
        }),
        tax,
        'f.yaml',
      ),
    ).toEqual([]);
    const over = checkFlow(
      flow({
        markets: [
          { code: 'US', players: 100000 },
          { code: 'US-CA', players: 80000 },
          { code: 'US-TX', players: 30000 },
        ],
      }),
      tax,
      'f.yaml',
    );
    expect(over.map((i) => i.pointer)).toEqual(['/markets/0/players']);
  });
});

import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';

describe('the shipped schemas', () => {
  // complyflow compiles them without checking them against the meta-schema (start-up time): this test does.
  const Ajv = createRequire(import.meta.url)('ajv') as typeof import('ajv').default;
  const files = readdirSync('schemas').filter((f) => f.endsWith('.schema.json'));
  it.each(files)('%s is a valid JSON Schema', (file) => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    const schema = JSON.parse(readFileSync(`schemas/${file}`, 'utf8'));
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
  });
});
