// The facts to give: every fact open items wait on, in words, where it goes,
// how many items it would settle, most first.
import { describe, expect, it } from 'vitest';
import { describeFact, factsToGive } from '../../src/core/facts.js';
import { check, loadLibrary, requireFlow } from '../../src/library.js';
import { EXAMPLE } from '../cli/run.js';
import { flow } from '../helpers.js';

describe('facts to give', () => {
  const lib = loadLibrary();
  const f = requireFlow(EXAMPLE, lib.tax);
  const report = check(lib, f, { asOf: '2026-11-25' });

  it('lists every fact a to-confirm item names, most items first, counting what each alone settles', () => {
    const named = new Set(report.items.flatMap((i) => i.unknown));
    expect(new Set(report.factsToGive.map((x) => x.fact))).toEqual(named);
    const counts = report.factsToGive.map((x) => x.items);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const top = report.factsToGive[0]!;
    expect(top.items).toBe(report.items.filter((i) => i.unknown.includes(top.fact)).length);
    expect(top.settles).toBe(report.items.filter((i) => i.unknown.length > 0 && i.unknown.every((u) => u === top.fact)).length);
  });

  it('says each fact in a person’s words, with the vendor’s name', () => {
    const g = flow({ vendors: [{ id: 'appstores', name: 'App Stores', role: 'controller', services: ['payments'] }] });
    expect(describeFact('markets[US].players', g)).toBe('the number of players in the US');
    expect(describeFact('vendors[appstores].sellsOrShares', g)).toBe("whether App Stores sells or shares players' data for its own purposes");
    expect(describeFact('features', g)).toMatch(/what players can do/);
  });

  it('is empty when nothing is open', () => {
    expect(
      factsToGive(
        report.items.map((i) => ({ ...i, unknown: [] })),
        f,
      ),
    ).toEqual([]);
  });
});
