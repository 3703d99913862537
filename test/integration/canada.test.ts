// Issue 14 (Canada): PIPEDA for every Canadian market, Quebec's Law 25 only where Quebec is offered, and the
// phased Quebec provisions and transfers only where data leaves the country.
import { describe, expect, it } from 'vitest';
import { check, loadLibrary } from '../../src/library.js';
import type { Flow, Report } from '../../src/core/types.js';
import { flow } from '../helpers.js';

const lib = loadLibrary();
const game = (markets: Flow['markets'], over: Partial<Flow> = {}): Flow =>
  flow({
    controller: { name: 'Studio', establishedIn: 'CA' },
    markets,
    systems: [{ id: 'backend', regions: ['CA'] }],
    vendors: [{ id: 'v', name: 'Vendor', role: 'processor', services: ['cloud'], regions: ['CA'] }],
    ...over,
  });
const status = (r: Report, id: string) => r.regulations.find((x) => x.id === id)?.status;
const rulesOf = (r: Report, id: string) => new Set(r.items.filter((i) => i.regulation === id).map((i) => i.rule));
const run = (f: Flow, asOf = '2026-12-04') => check(lib, f, { asOf });

describe('Canada: PIPEDA and Quebec', () => {
  it('a game offered only in Ontario gets PIPEDA but not Quebec law', () => {
    const r = run(game([{ code: 'CA-ON', players: 1000 }]));
    expect(status(r, 'ca-pipeda')).toBe('applies');
    expect(status(r, 'ca-qc-law25')).toBe('not-applicable');
    expect(rulesOf(r, 'ca-qc-law25').size).toBe(0);
    expect(r.uncoveredMarkets ?? []).not.toContain('CA-ON');
  });

  it('a game offered in CA gets both laws', () => {
    const r = run(game([{ code: 'CA', players: 1000 }]));
    expect(status(r, 'ca-pipeda')).toBe('applies');
    expect(status(r, 'ca-qc-law25')).toBe('applies');
    expect(rulesOf(r, 'ca-qc-law25')).toContain('privacy-officer');
  });

  it('a foreign studio not offering in Canada with nothing there gets nothing from either', () => {
    const r = run(
      game([{ code: 'JP', players: 1000 }], {
        controller: { name: 'Studio', establishedIn: 'JP' },
        systems: [{ id: 'backend', regions: ['JP'] }],
        vendors: [{ id: 'v', name: 'Vendor', role: 'processor', services: ['cloud'], regions: ['US'] }],
      }),
    );
    expect(status(r, 'ca-pipeda')).toBe('not-applicable');
    expect(status(r, 'ca-qc-law25')).toBe('not-applicable');
    expect(r.items.filter((i) => i.regulation.startsWith('ca-'))).toEqual([]);
  });

  it('transfer items only when data leaves Canada', () => {
    const inCanada = run(
      game([{ code: 'CA', players: 1000 }], { vendors: [{ id: 'v', name: 'Vendor', role: 'processor', services: ['cloud'], regions: ['CA-QC', 'CA-ON'] }] }),
    );
    expect(inCanada.items.filter((i) => i.topic === 'transfer' && i.regulation.startsWith('ca-'))).toEqual([]);
    const abroad = run(
      game([{ code: 'CA', players: 1000 }], { vendors: [{ id: 'v', name: 'Vendor', role: 'processor', services: ['cloud'], regions: ['US'] }] }),
    );
    expect(
      abroad.items
        .filter((i) => i.topic === 'transfer' && i.regulation.startsWith('ca-'))
        .map((i) => i.id)
        .sort(),
    ).toEqual(['ca-pipeda/cross-border-processing/transfer:v@US', 'ca-qc-law25/outside-quebec-assessment/transfer:v@US']);
  });

  it('Quebec phases: portability upcoming the day before 2024-09-22, applying on it', () => {
    const f = game([{ code: 'CA-QC', players: 1000 }]);
    const det = (asOf: string) => run(f, asOf).items.find((i) => i.regulation === 'ca-qc-law25' && i.rule === 'portability')?.determination;
    expect(det('2024-09-21')).toBe('upcoming');
    expect(det('2024-09-22')).toBe('applies');
  });
});
