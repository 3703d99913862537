// diff between two runs, and the OSCAL export.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, EXAMPLE, ROOT } from '../cli/run.js';
import { diffReports } from '../../src/core/diff.js';
import { uuidV5 } from '../../src/core/uuid.js';
import type { ReportDiff } from '../../src/core/diff.js';
import { AS_OF, checkJson, exampleFlow, scratch, writeFlow } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = scratch();
});

describe('complyflow diff', () => {
  it("after adding one vendor, lists exactly that vendor's new items and removes nothing", () => {
    const oldFile = join(dir, 'old.json');
    const newFile = join(dir, 'new.json');
    expect(cli(['check', EXAMPLE, '--format', 'json', '--as-of', AS_OF, '--out', oldFile]).code).toBe(0);
    const flow = exampleFlow();
    flow.vendors.push({ id: 'nimbus', name: 'Nimbus Storage', role: 'processor', services: ['cloud'], regions: ['US'] });
    flow.flows.push({ from: 'backend', to: 'nimbus', data: ['gameplay'], purpose: 'analytics' });
    const flowFile = writeFlow(dir, 'flow-plus-vendor.yaml', flow);
    expect(cli(['check', flowFile, '--format', 'json', '--as-of', AS_OF, '--out', newFile]).code).toBe(0);

    const r = cli(['diff', oldFile, newFile, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const diff = JSON.parse(r.stdout) as ReportDiff;
    expect(diff.added.length).toBeGreaterThan(0);
    for (const item of diff.added) expect(item.id).toContain('nimbus');
    expect(diff.removed).toEqual([]);
    expect(diff.laws.nowApply).toEqual([]);
    expect(diff.laws.noLongerApply).toEqual([]);
    // every item of the new report that names the vendor is in the added list
    const report = JSON.parse(readFileSync(newFile, 'utf8')) as { items: Array<{ id: string }> };
    expect(diff.added.map((i) => i.id)).toEqual(
      report.items
        .map((i) => i.id)
        .filter((id) => id.includes('nimbus'))
        .sort(),
    );

    const md = cli(['diff', oldFile, newFile]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain(`**${diff.added.length}** items added, **0** removed`);
    expect(md.stdout).toContain('is not legal advice');
  });

  it('reports status, severity, deadline, determination and citation changes, and laws that apply', () => {
    const a = checkJson(EXAMPLE);
    const b = structuredClone(a);
    const item = b.items.find((i) => i.deadline)!;
    item.status = 'done';
    item.severity = 'low';
    item.deadline = { ...item.deadline!, within: 'P30D' };
    item.citation = 'Art. 99';
    b.items[0]!.determination = 'to-confirm';
    const law = b.regulations.find((r) => r.status === 'applies')!;
    law.status = 'not-applicable';
    const d = diffReports(a, b);
    const fields = d.changed.find((c) => c.id === item.id)!.changes.map((c) => c.field);
    expect(fields).toEqual(expect.arrayContaining(['status', 'severity', 'deadline', 'citation']));
    expect(d.changed.find((c) => c.id === b.items[0]!.id)!.changes.map((c) => c.field)).toContain('determination');
    expect(d.laws.noLongerApply).toEqual([law.id]);
    expect(diffReports(b, a).laws.nowApply).toEqual([law.id]);
  });

  it('bad JSON or a file that is not a report: exit 2 with a plain message', () => {
    const good = join(dir, 'good.json');
    expect(cli(['check', EXAMPLE, '--format', 'json', '--as-of', AS_OF, '--out', good]).code).toBe(0);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "schemaVersion": 1, items: [');
    const notReport = join(dir, 'other.json');
    writeFileSync(notReport, '{"hello": "world"}');
    for (const [args, pattern] of [
      [[bad, good], /bad\.json: not valid JSON/],
      [[good, notReport], /other\.json: not a complyflow report/],
      [[good, join(dir, 'missing.json')], /missing\.json: file not found/],
    ] as const) {
      const r = cli(['diff', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    }
  });
});

describe('OSCAL assessment results', () => {
  const require = createRequire(import.meta.url);
  const Ajv = require('ajv') as typeof import('ajv').default;
  const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'oscal', 'oscal_assessment-results_schema_v1.0.6.json'), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('uuidV5 matches RFC 4122 (the DNS namespace example)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('validates against the OSCAL 1.0.6 schema and is byte-identical across runs', { timeout: 120_000 }, () => {
    const a = join(dir, 'a.oscal.json');
    const b = join(dir, 'b.oscal.json');
    expect(cli(['check', EXAMPLE, '--format', 'oscal', '--as-of', AS_OF, '--out', a]).code).toBe(0);
    expect(cli(['check', EXAMPLE, '--format', 'oscal', '--as-of', AS_OF, '--out', b]).code).toBe(0);
    expect(readFileSync(a)).toEqual(readFileSync(b));
    const doc = JSON.parse(readFileSync(a, 'utf8'));
    const ok = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // the validator is not vacuous
    const broken = structuredClone(doc);
    broken['assessment-results'].results[0].findings[0].uuid = 'not-a-uuid';
    expect(validate(broken)).toBe(false);

    const ar = doc['assessment-results'];
    expect(ar.metadata['oscal-version']).toBe('1.0.6');
    expect(ar.metadata['last-modified']).toBe(`${AS_OF}T00:00:00Z`);
    const report = checkJson(EXAMPLE);
    const findings = ar.results.flatMap((r: { findings?: unknown[] }) => r.findings ?? []) as Array<{
      uuid: string;
      props: Array<{ name: string; value: string }>;
    }>;
    expect(findings).toHaveLength(report.items.length);
    expect(new Set(findings.map((f) => f.uuid)).size).toBe(findings.length);
    const first = report.items[0]!;
    expect(findings.find((f) => f.props.some((p) => p.name === 'item-id' && p.value === first.id))!.uuid).toBe(uuidV5(`finding:${report.game.id}:${first.id}`));
  });
});
