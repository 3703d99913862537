// The release gate and the status merge, on the report model alone (no CLI).
import { describe, expect, it } from 'vitest';
import { evaluate, mergeStatus } from '../../src/core/assemble.js';
import { findObligations } from '../../src/core/evaluate.js';
import { releaseGate } from '../../src/core/gate.js';
import { flow, regulation, rule, tax } from '../helpers.js';

const law = regulation([
  rule({ id: 'critical-duty', severity: 'critical' }),
  rule({ id: 'high-duty', severity: 'high' }),
  rule({ id: 'low-duty', severity: 'low' }),
  rule({ id: 'later-duty', severity: 'critical', inForce: '2030-01-01' }),
]);
const game = flow({ markets: [{ code: 'FR' }, { code: 'ZA' }] });
const report = (status?: Parameters<typeof evaluate>[3]['status']) =>
  evaluate(game, [law], tax, { asOf: '2026-12-04', toolVersion: 't', ...(status ? { status } : {}) });
const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);

describe('release gate', () => {
  it('fails on open items at or above the severity, worst first, never on upcoming ones', () => {
    const gate = releaseGate(report(), 'high', { allowUncovered: true });
    expect(ids(gate.open)).toEqual(['test-law/critical-duty', 'test-law/high-duty']);
    expect(gate.failures).toHaveLength(1);
  });
  it('an item marked done or not applicable no longer fails it', () => {
    const r = report({ version: 1, items: { 'test-law/critical-duty': { status: 'done' }, 'test-law/high-duty': { status: 'not-applicable' } } });
    expect(releaseGate(r, 'high', { allowUncovered: true })).toEqual({ open: [], failures: [] });
  });
  it('an offered market no pack covers fails it unless accepted', () => {
    const r = report({ version: 1, items: { 'test-law/critical-duty': { status: 'done' }, 'test-law/high-duty': { status: 'done' } } });
    expect(r.uncoveredMarkets).toEqual(['ZA']);
    expect(releaseGate(r, 'critical').failures).toEqual(['no rule pack covers ZA (--allow-uncovered to accept)']);
    expect(releaseGate(r, 'critical', { allowUncovered: true }).failures).toEqual([]);
  });
});

describe('status merge (report assembly, apart from the engine)', () => {
  it('sets each matched item and returns the entries that match nothing', () => {
    const items = findObligations(game, [law], tax, { asOf: '2026-12-04' }).findings.map((f) => f.item);
    const unmatched = mergeStatus(
      items,
      { version: 1, items: { 'test-law/low-duty': { status: 'in-progress', owner: 'ana' }, 'test-law/gone': { status: 'done' } } },
      () => ({ allowed: true }),
    );
    expect(unmatched).toEqual(['test-law/gone']);
    expect(items.find((i) => i.id === 'test-law/low-duty')).toMatchObject({ status: 'in-progress', owner: 'ana' });
    expect(items.filter((i) => i.status !== 'todo').map((i) => i.id)).toEqual(['test-law/low-duty']);
  });
});
