// Reading it: questions only from laws that apply, the game's own markets in question texts, codes suggested as meant.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closest } from '../../src/core/suggest.js';
import { cli, EXAMPLE } from './run.js';

interface Q {
  id: string;
  text: string;
  regulations: string[];
}
const report = (flow: string) => JSON.parse(cli(['check', flow, '--as-of', '2026-11-25', '--format', 'json']).stdout);

describe('reading the questionnaire', () => {
  it('asks no COPPA question when COPPA does not apply (a 14+ game, not child-directed), and every question from a law that applies', () => {
    const dir = mkdtempSync(join(tmpdir(), 'complyflow-reading-'));
    const flow = join(dir, 'flow.yaml');
    writeFileSync(
      flow,
      readFileSync(EXAMPLE, 'utf8')
        .replace(/^ {2}childDirected: mixed$/m, '  childDirected: "no"')
        .replace(/^ {2}minimumAge: 13$/m, '  minimumAge: 14'),
    );
    const r = report(flow);
    const status = Object.fromEntries(r.regulations.map((g: { id: string; status: string }) => [g.id, g.status]));
    expect(status['us-coppa']).toBe('not-applicable');
    expect(status['us-ca-ccpa']).toBe('applies');
    const asked: Q[] = r.vendors.flatMap((v: { questions: Q[] }) => v.questions);
    expect(asked.filter((q) => q.id.startsWith('coppa-')).map((q) => q.id)).toEqual([]);
    expect(asked.flatMap((q) => q.regulations).filter((g) => status[g] !== 'applies')).toEqual([]);
  });

  it("the data-residency question names the game's markets, not a fixed list", () => {
    const r = report(EXAMPLE);
    const q: Q = r.vendors.flatMap((v: { questions: Q[] }) => v.questions).find((x: Q) => x.id === 'data-residency');
    expect(q.text).toContain(`(among our markets: ${r.markets.join(', ')})`);
    expect(q.text).not.toContain('{{');
  });

  it('"USA: did you mean US?", not SA', () => {
    expect(closest('USA', ['SA', 'US', 'UA'])).toBe('US');
    expect(closest('DEU', ['DE', 'EU'])).toBe('DE');
    expect(closest('SA', ['SA', 'US'])).toBe('SA');
  });
});
