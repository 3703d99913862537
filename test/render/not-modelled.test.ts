// What a rule leaves out of its action (its notModelled list) reaches every output, so a narrowed rule is never
// silent about the guidance it no longer states.
import { describe, expect, it } from 'vitest';
import { check, loadLibrary, requireFlow } from '../../src/library.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderChecklistCsv, CHECKLIST_CSV_HEADER } from '../../src/render/csv.js';
import { EXAMPLE } from '../cli/run.js';
import type { ReportItem } from '../../src/core/types.js';

const lib = loadLibrary();
const report = check(lib, requireFlow(EXAMPLE, lib.tax), { asOf: '2026-11-25' });

const ruleOf = (item: ReportItem) => lib.regulations.find((r) => r.id === item.regulation)?.rules.find((x) => x.id === item.rule);

describe('not-modelled provisions in the report', () => {
  const withGaps = report.items.filter((i) => (i.notModelled ?? []).length > 0);

  it("copies the rule's notModelled entries onto each of its items", () => {
    const item = report.items.find((i) => i.regulation === 'eu-dsa-minors' && i.rule === 'minors-protection');
    expect(item).toBeDefined();
    expect(ruleOf(item!)?.notModelled?.length).toBeGreaterThan(0);
    expect(item?.notModelled).toEqual(ruleOf(item!)?.notModelled);
    expect(report.items.find((i) => !ruleOf(i)?.notModelled)?.notModelled).toEqual([]);
  });

  it('shows each entry in the Markdown checklist and in the CSV column', () => {
    const first = withGaps[0]!.notModelled![0]!;
    expect(renderMarkdown(report)).toContain(`- **Not modelled:** ${first.provision}`);
    const csv = renderChecklistCsv(report);
    expect(CHECKLIST_CSV_HEADER).toContain('Not modelled');
    const rows = csv.split('\n').filter((l) => l.startsWith(withGaps[0]!.id + ','));
    expect(rows[0]).toContain(first.provision.split(',')[0]);
  });
});
