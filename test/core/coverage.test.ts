// Which markets the loaded packs cover: territory decides, not whether the law applies;
// practice packs cover nothing; groups expand to countries and US states.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/assemble.js';
import { coveredMarkets, marketCoverage, packCoverage, uncoveredMarkets, uncoveredSentence } from '../../src/core/coverage.js';
import { flow, regulation, rule, tax } from '../helpers.js';

const m = tax.markets;
const law = (id: string, jurisdiction: string, extra: object = {}) => regulation([rule()], { id, jurisdiction, ...extra });

describe('market coverage', () => {
  it('a law covers its territory whether or not it applies; a practice pack covers nothing', () => {
    const never = law('my', 'MY', { appliesWhen: { not: { always: true } } });
    expect([...packCoverage(never, m)]).toEqual(['MY']);
    expect(packCoverage(law('va', 'GLOBAL', { kind: 'practice' }), m).size).toBe(0);
    expect(uncoveredMarkets(['MY', 'BR'], [never, law('va', 'GLOBAL', { kind: 'practice' })], m)).toEqual(['BR']);
  });

  it('a territory list wins over the jurisdiction, and groups expand both ways', () => {
    const gdpr = law('gdpr', 'EU', { territory: ['EEA'] });
    expect(uncoveredMarkets(['EEA', 'CH'], [gdpr], m)).toEqual(['CH']);
    expect(uncoveredMarkets(['SEA'], [law('sg', 'SG')], m)).toEqual(['BN', 'ID', 'KH', 'LA', 'MM', 'MY', 'PH', 'TH', 'TL', 'VN']);
  });

  it('a US-wide law covers every state and DC, not the territories that are markets of their own', () => {
    const federal = law('coppa', 'US');
    expect(uncoveredMarkets(['US'], [law('ca', 'US-CA')], m)).toHaveLength(50);
    expect(uncoveredMarkets(['US'], [federal], m)).toEqual([]);
    expect(uncoveredMarkets(['US-TX', 'PR', 'GU'], [federal], m)).toEqual(['GU', 'PR']);
  });

  it('with --market, only offered markets among the selected ones count', () => {
    expect(uncoveredMarkets(['BR', 'JP', 'SG'], [law('sg', 'SG')], m, ['BR', 'SG'])).toEqual(['BR']);
    expect(uncoveredMarkets(['BR'], [], m, ['SEA'])).toEqual([]);
    expect(uncoveredMarkets(['UK'], [], m)).toEqual(['GB']);
  });

  it('the report carries them, sorted, and [] when every market is covered', () => {
    const opts = { asOf: '2026-11-25', toolVersion: 't' };
    const offered = flow({ markets: ['SA', 'EU', 'BR'].map((code) => ({ code })) });
    expect(evaluate(offered, [law('gdpr', 'EU', { territory: ['EEA'] })], tax, opts).uncoveredMarkets).toEqual(['BR', 'SA']);
    expect(evaluate(offered, [law('gdpr', 'EU'), law('br', 'BR'), law('sa', 'SA')], tax, opts).uncoveredMarkets).toEqual([]);
    expect(evaluate(offered, [law('gdpr', 'EU')], tax, { ...opts, markets: ['EU', 'SA'] }).uncoveredMarkets).toEqual(['SA']);
  });

  it('rules list coverage: every leaf market of the taxonomy, with its packs', () => {
    const rows = marketCoverage([law('b', 'EU'), law('a', 'DE'), law('va', 'GLOBAL', { kind: 'practice' })], m);
    expect(rows.find((r) => r.code === 'DE')!.packs).toEqual(['a', 'b']);
    expect(rows.find((r) => r.code === 'BR')!.packs).toEqual([]);
    expect(rows.map((r) => r.code)).toContain('US-DC');
    expect(rows.map((r) => r.code)).not.toContain('US');
    expect(rows.map((r) => r.code)).not.toContain('EU');
    expect(coveredMarkets([law('b', 'EU')], m).size).toBe(27);
  });

  it('the sentence names the markets, and is empty when there are none', () => {
    expect(uncoveredSentence(['BR', 'SA'])).toBe('No rule pack covers BR, SA: this checklist says nothing about their laws.');
    expect(uncoveredSentence(['BR'])).toBe('No rule pack covers BR: this checklist says nothing about its laws.');
    expect(uncoveredSentence([])).toBe('');
  });
});

describe('a report with no items but uncovered markets', () => {
  it('still has a matrix, marked not covered, in Markdown and HTML', async () => {
    const { renderMarkdown, renderReport } = await import('../../src/render/index.js');
    const report = evaluate(flow({ markets: [{ code: 'BR' }] }), [], tax, { asOf: '2026-11-25', toolVersion: 't' });
    expect(report.items).toEqual([]);
    expect(report.uncoveredMarkets).toEqual(['BR']);
    const md = renderMarkdown(report);
    expect(md).toContain('No rule pack covers BR: this checklist says nothing about its laws.');
    expect(md).toContain('| Topic | BR |\n| --- | --- |\n| every topic | not covered |');
    const html = (await renderReport(report, 'html')) as string;
    expect(html).toContain('<th class="uncovered">BR</th>');
    expect(html).toContain('<td class="uncovered">not covered</td>');
  });
});
