// The data-flow diagram (Mermaid and layout) and the record of processing.
import { describe, expect, it } from 'vitest';
import { buildDiagram, LABEL_LINE, layoutDiagram, toMermaid } from '../../src/core/diagram.js';
import { buildRopa } from '../../src/core/ropa.js';
import { parseCsv } from '../../src/load/spreadsheet.js';
import { cli, EXAMPLE } from '../cli/run.js';
import { loadLibrary } from '../../src/library.js';
import { AS_OF, exampleFlow, scratch, writeFlow } from './helpers.js';

describe('data-flow diagram', () => {
  it('draws systems, vendors and labelled edges, marking transfers with their destination', () => {
    const flow = exampleFlow();
    const graph = buildDiagram(flow);
    expect(graph.nodes.map((n) => n.id)).toEqual([...flow.systems.map((s) => s.id), ...flow.vendors.map((v) => v.id)]);
    const rtc = graph.edges.find((e) => e.from === 'client' && e.to === 'rtc')!;
    expect(rtc.data).toEqual(['voice', 'username', 'text-chat']); // two flows merged
    expect(rtc.transferTo).toEqual(['US']); // SG is the controller's own country
    expect(graph.edges.find((e) => e.to === 'backend')!.transferTo).toEqual([]);
    const text = toMermaid(graph);
    expect(text.startsWith('flowchart LR\n')).toBe(true);
    expect(text).toContain('"voice, username, text-chat (transfer to US)"');
    expect(text).toMatch(/-\.->\|"companion-chat, username \(transfer to US\)"\|/);
    const layout = layoutDiagram(graph);
    expect(layout.nodes).toHaveLength(graph.nodes.length);
    const x = (id: string) => layout.nodes.find((n) => n.id === id)!.x;
    expect(x('client')).toBeLessThan(x('backend'));
    expect(x('backend')).toBeLessThan(x('cloud'));
  });

  it('labels of arrows into one column never overlap, and arrows into one node arrive apart', () => {
    const flow = exampleFlow();
    // three systems feeding the cloud vendor: three arrows and labels meet at one node
    flow.systems.push({ id: 'eu', kind: 'server', regions: ['DE'] }, { id: 'us', kind: 'server', regions: ['US'] });
    flow.flows.push({ from: 'eu', to: 'cloud', data: ['email'], purpose: 'account' }, { from: 'us', to: 'cloud', data: ['email'], purpose: 'account' });
    const layout = layoutDiagram(buildDiagram(flow));
    const into = layout.edges.filter((e) => e.to === 'cloud');
    expect(into.length).toBe(3);
    const ends = into.map((e) => e.path.split(' ').pop());
    expect(new Set(ends).size).toBe(3);
    const byX = new Map<number, number[]>();
    for (const e of layout.edges) byX.set(e.labelX, [...(byX.get(e.labelX) ?? []), e.labelY]);
    for (const ys of byX.values()) {
      const sorted = [...ys].sort((a, b) => a - b);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(LABEL_LINE);
    }
    expect(Math.max(...layout.edges.map((e) => e.labelY))).toBeLessThanOrEqual(layout.height);
  });

  it('keeps input out of Mermaid syntax', () => {
    const flow = exampleFlow();
    flow.vendors[0]!.name = 'Evil"] --> x[<script>alert(1)</script>';
    const text = toMermaid(buildDiagram(flow));
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('Evil"]');
    expect(text).toContain('Evil#quot;] --#gt; x[#lt;script#gt;');
  });

  it('survives a cycle', () => {
    const flow = exampleFlow();
    flow.flows.push({ from: 'cloud', to: 'backend', data: ['email'], purpose: 'account' });
    const layout = layoutDiagram(buildDiagram(flow));
    expect(layout.nodes).toHaveLength(flow.systems.length + flow.vendors.length);
  });

  it('is in the Markdown checklist as a mermaid block', () => {
    const r = cli(['check', EXAMPLE, '--as-of', AS_OF]);
    expect(r.stdout).toMatch(/```mermaid\nflowchart LR\n[\s\S]+?\n```/);
  });
});

describe('record of processing (GDPR Art. 30)', () => {
  const eea = ['AT', 'DE', 'FI', 'IE', 'NL', 'NO'];
  const safeguards = loadLibrary().regulations.find((r) => r.id === 'eu-gdpr')!.recordOfProcessing!.safeguards;

  it('lists every purpose with data, subjects, recipients, transfers and safeguards, retention, security', () => {
    const flow = exampleFlow();
    flow.vendors.push({ id: 'jp', name: 'Tokyo Render', role: 'processor', services: ['cloud'], regions: ['JP'] });
    flow.flows.push({ from: 'backend', to: 'jp', data: ['gameplay'], purpose: 'analytics' });
    const ropa = buildRopa(flow, { eea, adequateCountries: ['JP', 'GB'], safeguards });
    expect(ropa.entries.map((e) => e.purpose)).toEqual(flow.purposes.map((p) => p.id));
    const account = ropa.entries.find((e) => e.purpose === 'account')!;
    expect(account.subjects).toEqual(['child', 'parent', 'player']);
    expect(account.recipients.map((r) => r.id)).toEqual(['cloud']);
    expect(account.transfers).toContainEqual({ recipient: 'cloud', recipientName: 'Stratus Cloud', country: 'US', safeguard: 'EU-US DPF' });
    expect(account.security).toEqual(['Stratus Cloud: ISO27001, SOC2']);
    expect(account.data.find((d) => d.id === 'ip')!.retention).toBe('30 days');
    const voice = ropa.entries.find((e) => e.purpose === 'voice-chat')!;
    expect(voice.transfers).toContainEqual({ recipient: 'rtc', recipientName: 'Acme RTC', country: 'US', safeguard: 'SCCs (to confirm)' });
    expect(voice.data.find((d) => d.id === 'voice')!.retention).toBe('not stored');
    const analytics = ropa.entries.find((e) => e.purpose === 'analytics')!;
    expect(analytics.transfers).toContainEqual({ recipient: 'jp', recipientName: 'Tokyo Render', country: 'JP', safeguard: 'adequacy' });
    expect(analytics.security).toContain('Tokyo Render: no certification stated (to confirm)');
    // EEA regions are no transfer
    expect(ropa.entries.find((e) => e.purpose === 'anti-cheat')!.transfers).toEqual([]);
    expect(ropa.entries.find((e) => e.purpose === 'anti-cheat')!.lawfulBasis).toBe('undecided');
    // processor view: every processor vendor
    const processors = buildRopa(flow, { eea, view: 'processor' }).processors.map((p) => p.processor.id);
    expect(processors).toEqual(flow.vendors.filter((v) => v.role === 'processor').map((v) => v.id));
  });

  it('CLI: Markdown, CSV and JSON list every purpose; adequacy comes from the eu-gdpr pack', { timeout: 120_000 }, () => {
    const flow = exampleFlow();
    const md = cli(['ropa', EXAMPLE]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('is not legal advice');
    for (const p of flow.purposes) expect(md.stdout).toContain(`## Purpose: ${p.id}\n`);
    const json = JSON.parse(cli(['ropa', EXAMPLE, '--format', 'json']).stdout);
    expect(json.entries.map((e: { purpose: string }) => e.purpose)).toEqual(flow.purposes.map((p) => p.id));
    expect(json.basis.adequateKnown).toBe(true);
    expect(json.basis.adequate).toContain('JP');
    const csv = parseCsv(cli(['ropa', EXAMPLE, '--format', 'csv']).stdout);
    expect(csv[0]![0]).toBe('Purpose');
    expect(csv.slice(1).map((r) => r[0])).toEqual(flow.purposes.map((p) => p.id));
    const proc = cli(['ropa', EXAMPLE, '--view', 'processor']);
    expect(proc.code).toBe(0);
    expect(proc.stdout).toContain('## Acme RTC (`rtc`)');
    const bad = cli(['ropa', EXAMPLE, '--view', 'auditor']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--view "auditor" must be one of controller, processor/);
  });

  it('CSV neutralises cells a spreadsheet would run as formulas', () => {
    const flow = exampleFlow();
    flow.purposes[0]!.description = '=HYPERLINK("http://evil.example","x")';
    flow.vendors.find((v) => v.id === 'cloud')!.name = '@SUM(1+1)';
    const file = writeFlow(scratch(), 'evil.yaml', flow);
    const r = cli(['ropa', file, '--format', 'csv']);
    expect(r.stderr).toBe('');
    const rows = parseCsv(r.stdout);
    const account = rows.find((row) => row[0] === 'account')!;
    expect(account[1]).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(account[6]).toBe(`'@SUM(1+1) (processor)`);
  });
});
