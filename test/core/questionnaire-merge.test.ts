// The vendor questionnaire merge takes shortcuts for speed (entries by
// question, each law and citation added once per run of findings): it must
// give exactly what the plain definition gives, for findings in any order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/evaluate.js';
import { buildVendorQuestions } from '../../src/core/questionnaire.js';
import type { Flow, Question, ReportItem, ReportVendor, Vendor, VendorRole } from '../../src/core/types.js';

const ROLES: VendorRole[] = ['processor', 'controller', 'joint-controller', 'third-party'];
const SERVICES = ['analytics', 'cloud', 'realtime-voice'];

/** The plain definition: per vendor, per question it concerns, every law, citation and item of the findings that ask it. */
function reference(flow: Flow, findings: readonly Finding[], bank: readonly Question[]): ReportVendor[] {
  const concerns = (q: Question, v: Vendor) => (!q.roles || q.roles.includes(v.role)) && (!q.services || q.services.some((s) => v.services.includes(s)));
  return [...flow.vendors]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((v) => {
      const questions = bank
        .filter((q) => concerns(q, v))
        .map((q) => {
          const asking = findings.filter((f) => f.item.determination !== 'upcoming' && f.questions.includes(q.id) && f.vendors.some((x) => x.id === v.id));
          return {
            id: q.id,
            text: q.text,
            evidence: q.evidence,
            regulations: [...new Set(asking.map((f) => f.item.regulation))].sort(),
            citations: [...new Set(asking.map((f) => f.item.citation))].sort(),
            items: [...new Set(asking.map((f) => f.item.id))].sort(),
          };
        })
        .filter((q) => q.items.length > 0)
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      return { id: v.id, name: v.name, role: v.role, services: v.services, regions: v.regions ?? [], questions };
    });
}

const world = fc
  .record({
    vendors: fc.uniqueArray(
      fc.record({ id: fc.constantFrom('v1', 'v2', 'v3', 'v4', 'v5'), role: fc.constantFrom(...ROLES), services: fc.subarray(SERVICES, { minLength: 1 }) }),
      { selector: (v) => v.id, minLength: 1 },
    ),
    bank: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom('q1', 'q2', 'q3', 'q4'),
        roles: fc.option(fc.subarray(ROLES, { minLength: 1 }), { nil: undefined }),
        services: fc.option(fc.subarray(SERVICES, { minLength: 1 }), { nil: undefined }),
      }),
      { selector: (q) => q.id },
    ),
    // question lists, each one array shared by the findings that use it (rules may share one too)
    lists: fc.array(fc.subarray(['q1', 'q2', 'q3', 'q4', 'q-unknown']), { minLength: 1, maxLength: 3 }),
    rules: fc.array(fc.record({ law: fc.constantFrom('l1', 'l2', 'l3'), citation: fc.constantFrom('c1', 'c2', 'c3'), list: fc.nat() }), {
      minLength: 1,
      maxLength: 5,
    }),
    findings: fc.array(
      fc.record({
        rule: fc.nat(),
        subject: fc.constantFrom('s1', 's2', 's3', 's4'),
        vendors: fc.subarray(['v1', 'v2', 'v3', 'v4', 'v5']),
        upcoming: fc.boolean(),
      }),
      { maxLength: 30 },
    ),
    sortFindings: fc.boolean(),
  })
  .map(({ vendors, bank, lists, rules, findings, sortFindings }) => {
    const vs: Vendor[] = vendors.map((v) => ({ ...v, name: `Vendor ${v.id}` }));
    const qs: Question[] = bank.map((q) => ({
      id: q.id,
      text: `text ${q.id}`,
      evidence: [`evidence ${q.id}`],
      topic: 'vendor-assurance',
      ...(q.roles ? { roles: q.roles } : {}),
      ...(q.services ? { services: q.services } : {}),
    }));
    const fs: Finding[] = findings.map((f) => {
      const ruleIndex = f.rule % rules.length;
      const rule = rules[ruleIndex]!;
      const item = {
        id: `${rule.law}/r${ruleIndex}/${f.subject}`,
        regulation: rule.law,
        citation: rule.citation,
        determination: f.upcoming ? 'upcoming' : 'applies',
      } as ReportItem;
      return { item, questions: lists[rule.list % lists.length]!, vendors: vs.filter((v) => f.vendors.includes(v.id)) };
    });
    if (sortFindings) fs.sort((a, b) => (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
    return { flow: { vendors: vs } as unknown as Flow, bank: qs, findings: fs };
  });

describe('vendor questionnaire merge', () => {
  it('gives what the plain definition gives, for findings in item order or any other (property)', () => {
    fc.assert(
      fc.property(world, ({ flow, bank, findings }) => {
        expect(buildVendorQuestions(flow, findings, bank)).toEqual(reference(flow, findings, bank));
      }),
      { numRuns: 500 },
    );
  });
});
