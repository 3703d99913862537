// compileTruth must answer exactly as evaluateCondition does, or items would
// silently go missing (a wrong false) from reports. Swept over every rule of
// each pack, on every fixture flow of that pack and every subject in it.
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '../../src/core/conditions.js';
import { lawContext, subjectsFor } from '../../src/core/evaluate.js';
import { indexFlow, transfersFor } from '../../src/core/subjects.js';
import { compileTruth } from '../../src/core/truth.js';
import { loadLibrary } from '../../src/library.js';
import { DEFAULT_REGULATIONS_DIR, listPacks } from '../../src/load/regulations.js';
import { fixtureFlows } from '../../src/testing/rule-tests.js';

const lib = loadLibrary();

describe.each(listPacks(DEFAULT_REGULATIONS_DIR).map((p) => [basename(p.dir), p] as const))('%s', (id, pack) => {
  it('compiled truth agrees with the explained evaluation on every fixture', () => {
    const reg = lib.regulations.find((r) => r.id === id)!;
    let compared = 0;
    let notFalse = 0;
    const disagreements: string[] = [];
    for (const file of pack.testFiles)
      for (const { name, flow, asOf } of fixtureFlows(file, reg, lib.tax)) {
        const index = indexFlow(flow);
        const { ctx, offeredInTerritory } = lawContext(reg, index, lib.tax, asOf);
        const transfers = () => transfersFor(index, lib.tax.markets.countriesOf(reg.territory ?? [reg.jurisdiction]), lib.tax);
        for (const rule of reg.rules) {
          const truth = compileTruth(rule.when, ctx);
          for (const subject of subjectsFor(rule, index, offeredInTerritory, transfers)) {
            const fast = truth(subject);
            const full = evaluateCondition(rule.when, subject, ctx).value;
            compared++;
            if (full !== false) notFalse++;
            if (fast !== full) disagreements.push(`${basename(file)} "${name}": ${rule.id} on ${subject.label}: ${fast} vs ${full}`);
          }
        }
      }
    expect(disagreements).toEqual([]);
    expect(notFalse).toBeGreaterThan(0);
    // the sweep saw both answers, so it could have caught a wrong one (a pack of unconditional rules has no false to see)
    if (reg.rules.some((r) => !('always' in r.when))) expect(compared).toBeGreaterThan(notFalse);
  });
});
