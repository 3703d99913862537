// The work plan groups the checklist into pieces of work: one task per topic
// and subject, the strictest deadline named with the laws that set it; a law
// refusing reuse keeps its own task; marking a task done closes its items.
import { describe, expect, it } from 'vitest';
import { check, loadLibrary, requireFlow } from '../../src/library.js';
import { buildPlan, type ReuseOf } from '../../src/core/plan.js';
import { renderMarkdown } from '../../src/render/index.js';
import { EXAMPLE } from '../cli/run.js';
import type { Regulation, StatusFile } from '../../src/core/types.js';

const lib = loadLibrary();
const flow = requireFlow(EXAMPLE, lib.tax);
const report = check(lib, flow, { asOf: '2026-11-25' });
const task = (id: string) => report.plan.find((t) => t.id === id)!;

describe('the work plan on the bundled example', () => {
  it('every item is in exactly one task, and there are fewer tasks than items', () => {
    const ids = report.plan.flatMap((t) => t.items);
    expect(ids.sort()).toEqual(report.items.map((i) => i.id).sort());
    expect(report.plan.length).toBeLessThan(report.items.length / 2);
  });
  it('one breach process at the strictest deadline serves every law that sets it', () => {
    const breach = task('breach-notification/game:starfall');
    expect(breach.deadline?.within).toBe('PT72H');
    expect(breach.deadline?.setBy).toEqual(expect.arrayContaining(['eu-gdpr', 'uk-gdpr', 'sg-pdpa', 'th-pdpa']));
    expect(breach.regulations.length).toBeGreaterThanOrEqual(7);
    expect(breach.severity).toBe('critical');
  });
  it('one opt-out mechanism for the game serves the state laws that ask for one', () => {
    const optOut = task('opt-out/game:starfall');
    expect(optOut.regulations).toEqual(expect.arrayContaining(['us-ca-ccpa', 'us-tx-tdpsa']));
    expect(optOut.items.every((id) => id.startsWith('us-'))).toBe(true);
  });
  it('one assessment per purpose serves the GDPR and the state laws that require one', () => {
    const dpia = task('impact-assessment/purpose:ads');
    expect(dpia.regulations).toEqual(expect.arrayContaining(['eu-gdpr', 'us-tx-tdpsa']));
    expect(dpia.citations.join(' ')).toMatch(/eu-gdpr: GDPR Art\. 35/);
  });
  it('is sorted most urgent first: severity, then what applies now', () => {
    const ranks = report.plan.map((t) => ['critical', 'high', 'medium', 'low'].indexOf(t.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});

describe('a law that refuses work done for another law', () => {
  it('keeps a task of its own, saying why', () => {
    const refuses: ReuseOf = (item) => (item.regulation === 'uk-gdpr' ? { allowed: false, why: 'UK GDPR Art. 35 (test)' } : { allowed: true });
    const plan = buildPlan(report.items, refuses);
    const own = plan.find((t) => t.id === 'breach-notification/game:starfall/uk-gdpr')!;
    expect(own.regulations).toEqual(['uk-gdpr']);
    expect(own.ownTask).toBe('UK GDPR Art. 35 (test)');
    expect(plan.find((t) => t.id === 'breach-notification/game:starfall')!.regulations).not.toContain('uk-gdpr');
  });
  it('is read from the rule data (reuse: allowed: false)', () => {
    const regs: Regulation[] = lib.regulations.map((r) =>
      r.id === 'uk-gdpr'
        ? { ...r, rules: r.rules.map((x) => (x.topic === 'breach-notification' ? { ...x, reuse: { allowed: false, citation: 'test' } } : x)) }
        : r,
    );
    const r = check({ ...lib, regulations: regs }, flow, { asOf: '2026-11-25' });
    expect(r.plan.some((t) => t.id === 'breach-notification/game:starfall/uk-gdpr' && t.ownTask === 'test')).toBe(true);
  });
});

describe('status on a task', () => {
  const breachId = 'breach-notification/game:starfall';
  const gdprBreach = task(breachId).items.find((id) => id.startsWith('eu-gdpr/'))!;
  const status: StatusFile = {
    version: 1,
    items: { [gdprBreach]: { status: 'in-progress', owner: 'Ana' } },
    tasks: { [breachId]: { status: 'done', evidence: ['breach-runbook.pdf'] }, 'nope/game:starfall': { status: 'done' } },
  };
  const marked = check(lib, flow, { asOf: '2026-11-25', status });
  const t = marked.plan.find((x) => x.id === breachId)!;
  it("closes each of its items that has no entry of its own, with the task's evidence", () => {
    const items = marked.items.filter((i) => t.items.includes(i.id));
    for (const i of items) {
      if (i.id === gdprBreach) expect(i.status).toBe('in-progress');
      else {
        expect(i.status).toBe('done');
        expect(i.evidenceProvided).toEqual(['breach-runbook.pdf']);
      }
    }
    expect(t.status).toBe('in-progress');
    expect(t.progress).toEqual({ closed: t.progress.total - 1, total: t.progress.total });
  });
  it('an unknown task id is reported like an unknown item id', () => {
    expect(marked.unmatchedStatus).toContain('nope/game:starfall');
  });
  it('progress agrees between the JSON summary and the Markdown', () => {
    const md = renderMarkdown(marked, { flow });
    const done = marked.summary.byStatus.done!;
    expect(done).toBe(t.progress.total - 1);
    expect(md).toContain(`By status: todo ${marked.summary.byStatus.todo}, in progress ${marked.summary.byStatus['in-progress']}, done ${done}`);
    expect(md).toMatch(new RegExp(`\\| ${t.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \`${breachId}\` \\| critical \\| in-progress \\|`));
  });
});
