// The work plan groups the checklist into pieces of work: one task per topic
// and subject, the strictest deadline named with the laws that set it; a law
// refusing reuse keeps its own task; marking a task done closes its items.
import { describe, expect, it } from 'vitest';
import { check, loadLibrary, requireFlow } from '../../src/library.js';
import { buildPlan, type PlanTask, type ReuseOf } from '../../src/core/plan.js';
import { renderMarkdown } from '../../src/render/index.js';
import { EXAMPLE } from '../cli/run.js';
import type { Regulation, StatusFile } from '../../src/core/types.js';

const lib = loadLibrary();
const flow = requireFlow(EXAMPLE, lib.tax);
const report = check(lib, flow, { asOf: '2026-11-25' });
const task = (id: string) => report.plan.find((t) => t.id === id)!;
const itemsOf = (t: PlanTask) => t.subjects.flatMap((s) => s.items);

describe('the work plan on the bundled example', () => {
  it('every item is in exactly one subject of one task, and there are far fewer tasks than items', () => {
    const ids = report.plan.flatMap(itemsOf);
    expect(ids.sort()).toEqual(report.items.map((i) => i.id).sort());
    expect(report.plan.length).toBeLessThan(report.items.length / 5);
    expect(new Set(report.plan.map((t) => t.id)).size).toBe(report.plan.length);
  });
  it('one breach process at the strictest deadline serves every law that sets it', () => {
    const breach = task('breach-notification/game');
    expect(breach.deadline?.within).toBe('PT72H');
    expect(breach.deadline?.setBy).toEqual(expect.arrayContaining(['eu-gdpr', 'uk-gdpr', 'sg-pdpa', 'th-pdpa']));
    expect(breach.regulations.length).toBeGreaterThanOrEqual(7);
    expect(breach.severity).toBe('critical');
  });
  it('one opt-out mechanism for the game serves the state laws that ask for one', () => {
    const optOut = task('opt-out/game');
    expect(optOut.regulations).toEqual(expect.arrayContaining(['us-ca-ccpa', 'us-tx-tdpsa']));
    expect(itemsOf(optOut).every((id) => id.startsWith('us-'))).toBe(true);
    expect(optOut.deadline?.setBy).toEqual(['us-ca-ccpa']);
  });
  it('one assessment task for every purpose that needs one serves the GDPR and the state laws that require one, each purpose with its own laws', () => {
    const dpia = task('impact-assessment/purpose');
    expect(dpia.regulations).toEqual(expect.arrayContaining(['eu-gdpr', 'us-tx-tdpsa']));
    expect(dpia.citations.join(' ')).toMatch(/eu-gdpr: GDPR Art\. 35/);
    const ads = dpia.subjects.find((s) => s.subject.id === 'ads')!;
    expect(ads.id).toBe('impact-assessment/purpose:ads');
    expect(ads.regulations).toEqual(expect.arrayContaining(['eu-gdpr', 'us-tx-tdpsa']));
    expect(ads.items.every((id) => id.endsWith('/purpose:ads'))).toBe(true);
    expect(dpia.subjects.map((s) => s.subject.id)).toEqual([...dpia.subjects.map((s) => s.subject.id)].sort());
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
    const own = plan.find((t) => t.id === 'breach-notification/game/uk-gdpr')!;
    expect(own.regulations).toEqual(['uk-gdpr']);
    expect(own.ownTask).toBe('UK GDPR Art. 35 (test)');
    expect(plan.find((t) => t.id === 'breach-notification/game')!.regulations).not.toContain('uk-gdpr');
  });
  it('is read from the rule data (reuse: allowed: false)', () => {
    const regs: Regulation[] = lib.regulations.map((r) =>
      r.id === 'uk-gdpr'
        ? { ...r, rules: r.rules.map((x) => (x.topic === 'breach-notification' ? { ...x, reuse: { allowed: false, citation: 'test' } } : x)) }
        : r,
    );
    const r = check({ ...lib, regulations: regs }, flow, { asOf: '2026-11-25' });
    expect(r.plan.some((t) => t.id === 'breach-notification/game/uk-gdpr' && t.ownTask === 'test')).toBe(true);
  });
});

describe('status on a task', () => {
  const breachId = 'breach-notification/game';
  const gdprBreach = itemsOf(task(breachId)).find((id) => id.startsWith('eu-gdpr/'))!;
  const status: StatusFile = {
    version: 1,
    items: { [gdprBreach]: { status: 'in-progress', owner: 'Ana' } },
    tasks: { [breachId]: { status: 'done', evidence: ['breach-runbook.pdf'] }, 'nope/game:starfall': { status: 'done' } },
  };
  const marked = check(lib, flow, { asOf: '2026-11-25', status });
  const t = marked.plan.find((x) => x.id === breachId)!;
  it("closes each of its items that has no entry of its own, with the task's evidence", () => {
    const items = marked.items.filter((i) => itemsOf(t).includes(i.id));
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
    expect(md).toMatch(new RegExp(`\\| ${t.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \`${breachId}\` \\| the game \\| critical \\| in-progress \\|`));
  });
});

describe('status on one subject of a task', () => {
  const dpiaId = 'impact-assessment/purpose';
  const subjectId = 'impact-assessment/purpose:ads';
  const status: StatusFile = {
    version: 1,
    items: {},
    tasks: { [subjectId]: { status: 'done', evidence: ['dpia-ads.pdf'] }, [dpiaId]: { status: 'in-progress', owner: 'Kim' } },
  };
  const marked = check(lib, flow, { asOf: '2026-11-25', status });
  const t = marked.plan.find((x) => x.id === dpiaId)!;
  it("closes that subject's items with its evidence; the task's own entry marks the other subjects", () => {
    const ads = t.subjects.find((s) => s.id === subjectId)!;
    expect(ads.status).toBe('done');
    for (const i of marked.items.filter((x) => ads.items.includes(x.id))) expect(i.evidenceProvided).toEqual(['dpia-ads.pdf']);
    const others = t.subjects.filter((s) => s.id !== subjectId);
    expect(others.length).toBeGreaterThan(0);
    for (const s of others) expect(s.status).toBe('in-progress');
    expect(t.status).toBe('in-progress');
    expect(t.progress.closed).toBe(ads.items.length);
    expect(marked.unmatchedStatus).toEqual([]);
  });
  it('the status file written by an earlier version, with one task per subject, still marks the same items', () => {
    // Task ids of the previous edition were `<topic>/<type>:<subject>`: now the subjects' ids.
    expect(report.plan.flatMap((x) => x.subjects.map((s) => s.id))).toContain('breach-notification/game:starfall');
  });
});

describe('a law whose text accepts work done for another law', () => {
  it('is named on the task with its provision (rule data), and the task stays shared', () => {
    const dpia = task('impact-assessment/purpose');
    expect(dpia.reuseAllowedBy?.find((r) => r.startsWith('us-tx-tdpsa: '))).toMatch(/^us-tx-tdpsa: Tex\. Bus\. & Com\. Code § 541\.105\(f\)/);
    expect(dpia.regulations).toEqual(expect.arrayContaining(['eu-gdpr', 'us-tx-tdpsa']));
  });
  it('follows the rule data: a law that says nothing is not named', () => {
    const regs: Regulation[] = lib.regulations.map((r) =>
      r.id === 'eu-gdpr'
        ? {
            ...r,
            rules: r.rules.map((x) =>
              x.topic === 'impact-assessment' ? { ...x, reuse: { allowed: true, citation: 'test § 1', note: 'comparable scope' } } : x,
            ),
          }
        : r,
    );
    const r = check({ ...lib, regulations: regs }, flow, { asOf: '2026-11-25' });
    const dpia = r.plan.find((t) => t.id === 'impact-assessment/purpose')!;
    expect(dpia.reuseAllowedBy).toContain('eu-gdpr: test § 1: comparable scope');
    expect(task('impact-assessment/purpose').reuseAllowedBy?.some((x) => x.startsWith('eu-gdpr:'))).toBe(false);
  });
});

describe('subjects in a task', () => {
  it('are in the order a person reads ids: p2 before p10, the same on every machine', async () => {
    const { naturalOrder } = await import('../../src/core/order.js');
    expect(['p10', 'p2', 'p1', 'p02', 'a', 'p10b', 'p10a'].sort(naturalOrder)).toEqual(['a', 'p1', 'p02', 'p2', 'p10', 'p10a', 'p10b']);
    const ids = task('impact-assessment/purpose').subjects.map((s) => s.subject.id);
    expect(ids).toEqual([...ids].sort(naturalOrder));
  });
});
