// Issue 20: group companies and first-party systems abroad. A flow describes
// the controller's affiliates (country, role); a flow to an affiliate abroad
// is a transfer under every law, an establishment counts where the law counts
// it, and the studio's own servers abroad are a transfer only under a law
// whose transferScope is `export`. The checklist, the diagram and the record
// of processing agree. The larger example (examples/lumen-group) runs clean.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { check, loadLibrary } from '../../src/library.js';
import { evaluate } from '../../src/core/assemble.js';
import { buildDiagram, toMermaid } from '../../src/core/diagram.js';
import { buildRopa } from '../../src/core/ropa.js';
import { checkFlow } from '../../src/core/check-flow.js';
import { normalizeFlow } from '../../src/load/flow.js';
import { transferSubjects } from '../../src/render/html.js';
import { ropaFor } from '../../src/render/ropa.js';
import type { Flow, Report } from '../../src/core/types.js';
import { flow, regulation, rule, tax } from '../helpers.js';
import { cli, ROOT } from '../cli/run.js';

const lib = loadLibrary();
const AS_OF = '2026-12-04';
const opts = { asOf: AS_OF, toolVersion: 'test' };
const transferIds = (r: Report, reg: string) => r.items.filter((i) => i.regulation === reg && i.subject.type === 'transfer').map((i) => i.subject.id);

/** A Singapore publisher with a Shenzhen studio and its own servers in Germany and China. */
function group(overrides: Partial<Flow> = {}): Flow {
  return flow({
    controller: { name: 'Publisher Pte Ltd', establishedIn: 'SG', annualRevenueUsd: 5e7, employees: 200 },
    affiliates: [{ id: 'sz', name: 'Studio Shenzhen', establishedIn: 'CN', role: 'processor' }],
    markets: [{ code: 'EU', players: 100_000 }],
    systems: [
      { id: 'client', kind: 'device' },
      { id: 'eu-servers', kind: 'server', regions: ['DE'] },
      { id: 'warehouse', kind: 'server', regions: ['CN'] },
    ],
    vendors: [{ id: 'cloud', name: 'Cloud', role: 'processor', services: ['cloud'], regions: ['DE', 'CN'] }],
    flows: [
      { from: 'client', to: 'eu-servers', data: ['email'], purpose: 'account' },
      { from: 'eu-servers', to: 'warehouse', data: ['email'], purpose: 'account' },
      { from: 'warehouse', to: 'cloud', data: ['email'], purpose: 'account' },
      { from: 'warehouse', to: 'sz', data: ['email'], purpose: 'account' },
    ],
    ...overrides,
  });
}

describe('a flow to an affiliate abroad is a transfer', () => {
  const transferRule = rule({ id: 'transfer', for: 'transfer', when: { region: { notIn: ['EEA'] } }, action: 'Safeguard {{vendor.name}} in {{region}}' });
  const law = regulation([transferRule], { territory: ['EEA'] });

  it('gives a transfer item to the affiliate, named in its texts, beside the vendor', () => {
    const r = evaluate(group(), [law], tax, opts);
    expect(transferIds(r, 'test-law').sort()).toEqual(['cloud@CN', 'sz@CN']);
    const sz = r.items.find((i) => i.subject.id === 'sz@CN')!;
    expect(sz.action).toBe('Safeguard Studio Shenzhen in CN');
    expect(sz.because.join(' ')).toContain('affiliate sz (Studio Shenzhen, processor) processes data in CN');
  });

  it('an affiliate with no flow receives nothing', () => {
    const f = group();
    f.flows = f.flows.filter((x) => x.to !== 'sz');
    expect(transferIds(evaluate(f, [law], tax, opts), 'test-law')).toEqual(['cloud@CN']);
  });

  it("own systems abroad are transfers only where the law's transferScope is export", () => {
    expect(transferIds(evaluate(group(), [law], tax, opts), 'test-law')).not.toContain('warehouse@CN');
    const exportLaw = regulation([transferRule], {
      territory: ['EEA'],
      parameters: { transferScope: { type: 'string', value: 'export', description: 'any export', verification: 'unverified' } },
    });
    expect(transferIds(evaluate(group(), [exportLaw], tax, opts), 'test-law').sort()).toEqual(['cloud@CN', 'sz@CN', 'warehouse@CN']);
  });
});

describe('establishment through the group', () => {
  const law = regulation([rule({ id: 'est' })], { appliesWhen: { establishedIn: ['CN'] }, jurisdiction: 'CN' });
  const status = (f: Flow, l = law) => evaluate(f, [l], tax, opts).regulations[0]!.status;

  it('a joint-controller affiliate is an establishment; a processor is not, unless the law names the role', () => {
    expect(status(group())).toBe('not-applicable');
    expect(status(group({ affiliates: [{ id: 'sz', name: 'Studio Shenzhen', establishedIn: 'CN', role: 'joint-controller' }] }))).toBe('applies');
    const counting = regulation([rule({ id: 'est' })], { appliesWhen: { establishedIn: { in: ['CN'], affiliates: ['processor'] } }, jurisdiction: 'CN' });
    expect(status(group(), counting)).toBe('applies');
  });

  it('processesIn sees where affiliates are', () => {
    const l = regulation([rule({ id: 'p' })], { appliesWhen: { processesIn: ['CN'] }, jurisdiction: 'CN' });
    const f = group({
      systems: [
        { id: 'client', kind: 'device' },
        { id: 'eu-servers', kind: 'server', regions: ['DE'] },
      ],
      vendors: [],
    });
    f.flows = [{ from: 'eu-servers', to: 'sz', data: ['email'], purpose: 'account' }];
    expect(status(f, l)).toBe('applies');
    expect(status({ ...f, affiliates: [], flows: [] }, l)).toBe('not-applicable');
  });
});

describe('the flow format', () => {
  it('checks affiliate ids, countries and flow ends', () => {
    const f = normalizeFlow(group({ affiliates: [{ id: 'cloud', name: 'Dup', establishedIn: 'XX', role: 'processor' }] }));
    f.flows.push({ from: 'eu-servers', to: 'nowhere', data: ['email'], purpose: 'account' });
    const msgs = checkFlow(f, tax, 'f.yaml').map((i) => `${i.pointer} ${i.message}`);
    expect(msgs).toContain('/affiliates/0/id duplicate system, vendor or affiliate id "cloud"');
    expect(msgs).toContain('/affiliates/0/establishedIn unknown country "XX"');
    expect(msgs.some((m) => m.startsWith('/flows/4/to unknown system, vendor or affiliate "nowhere"'))).toBe(true);
  });
});

describe('with the real packs: checklist, diagram and record agree', () => {
  const f = group({
    markets: [
      { code: 'EU', players: 100_000 },
      { code: 'CN', players: 100_000 },
    ],
  });
  const r = check(lib, f, { asOf: AS_OF });

  it('GDPR: the affiliate and the hosting provider in China are transfers, the own warehouse is not', () => {
    const gdpr = transferIds(r, 'eu-gdpr');
    expect(gdpr).toContain('sz@CN');
    expect(gdpr).toContain('cloud@CN');
    expect(gdpr.some((id) => id.startsWith('warehouse@'))).toBe(false);
  });

  it('PIPL counts any export: the own servers in Germany are a transfer out of China', () => {
    expect(transferIds(r, 'cn-pipl')).toContain('eu-servers@DE');
  });

  it('the diagram marks the same own-system hop, naming the law; the RoPA lists no own system as a transfer', () => {
    const graph = buildDiagram(f, transferSubjects(r));
    const toEu = graph.edges.find((e) => e.to === 'eu-servers')!;
    expect(toEu.transferTo).toEqual(['DE']);
    expect(toEu.exportUnder).toEqual(['cn-pipl']);
    expect(graph.edges.find((e) => e.to === 'warehouse')!.transferTo).toEqual([]); // no law has an item on it
    expect(graph.edges.find((e) => e.to === 'sz')!.transferTo).toEqual(['CN']);
    expect(toMermaid(graph)).toContain('subgraph group["Group companies"]');
    const ropa = ropaFor(lib, f);
    const account = ropa.entries.find((e) => e.purpose === 'account')!;
    expect(account.transfers.map((t) => `${t.recipient}@${t.country}`).sort()).toEqual(['cloud@CN', 'sz@CN']);
    expect(account.recipients.map((x) => x.id)).toContain('sz');
    // the processor view lists the group's processor beside the processor vendors
    const processorView = buildRopa(f, { eea: [...tax.markets.countriesOf(['EEA'])], view: 'processor' });
    expect(processorView.processors.map((p) => p.processor.id)).toEqual(['cloud', 'sz']);
    expect(processorView.processors.find((p) => p.processor.id === 'sz')!.transfers.map((t) => t.country)).toEqual(['CN']);
    // a GDPR read as export would list the own warehouse too
    const asExport = buildRopa(f, { eea: [...tax.markets.countriesOf(['EEA'])], ownSystemsAreTransfers: true });
    expect(asExport.entries.find((e) => e.purpose === 'account')!.transfers.map((t) => t.recipient)).toContain('warehouse');
  });
});

describe('examples/lumen-group: a studio group with affiliates in two countries and servers abroad', () => {
  const file = join(ROOT, 'examples', 'lumen-group', 'flow.yaml');
  const lumen = parse(readFileSync(file, 'utf8')) as Flow;

  it('is the larger example the issue asks for', () => {
    expect(new Set(lumen.affiliates!.map((a) => a.establishedIn)).size).toBe(2);
    expect(lumen.markets.length).toBeGreaterThanOrEqual(10);
    const services = new Set(lumen.vendors.flatMap((v) => v.services));
    for (const s of ['realtime-voice', 'ai-model', 'advertising', 'analytics', 'anti-cheat']) expect(services).toContain(s);
    expect(lumen.audience.minimumAge).toBe(13);
  });

  it('check runs clean (exit 0) and sees the group', { timeout: 120_000 }, () => {
    const run = cli(['check', file, '--format', 'json', '--as-of', AS_OF]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(transferIds(report, 'eu-gdpr')).toContain('lumen-sz@CN');
    expect(transferIds(report, 'cn-pipl')).toContain('backend@SG');
    expect(report.regulations.find((x) => x.id === 'cn-pipl')!.reasons.join(' ')).toContain('Lumen Technology (Shenzhen)');
  });
});
