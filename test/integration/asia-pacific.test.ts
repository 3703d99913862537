// Issue 13's end-to-end case: a studio established in mainland China with back
// ends in China and Singapore and a US voice vendor, offering its game in JP,
// KR, IN and BR and in a market no pack covers. Each covered market's law is
// evaluated with its transfer, breach, children and representative duties;
// India's duties are upcoming until their commencement and apply after; the
// uncovered market is named in every format.
import { describe, expect, it } from 'vitest';
import { check, loadLibrary } from '../../src/library.js';
import type { Flow, Report } from '../../src/core/types.js';
import { renderMarkdown } from '../../src/render/index.js';
import { renderReportOutput } from '../../src/render/output.js';
import { flow } from '../helpers.js';

const lib = loadLibrary();
const status = (r: Report) => Object.fromEntries(r.regulations.map((x) => [x.id, x.status]));
const items = (r: Report, reg: string) => r.items.filter((i) => i.regulation === reg);
const has = (r: Report, reg: string, rule: string, subject?: string) =>
  items(r, reg).some((i) => i.rule === rule && (subject === undefined || i.subject.id === subject));

const studio: Flow = flow({
  controller: { name: 'Dragon Gate Interactive Co., Ltd.', establishedIn: 'CN', annualRevenueUsd: 80e6, employees: 600, dpo: null },
  markets: [
    { code: 'JP', players: 400_000 },
    { code: 'KR', players: 1_200_000 },
    { code: 'IN', players: 900_000 },
    { code: 'BR', players: 300_000 },
    { code: 'NG', players: 50_000 },
  ],
  audience: { minimumAge: 13, childDirected: 'no', ageGate: 'neutral', knownChildren: false },
  data: [
    { id: 'email', category: 'user.contact.email', subjects: ['player'], retention: 'P2Y' },
    { id: 'voice', category: 'user.content.voice_chat', subjects: ['player'], retention: 'P0D' },
  ],
  systems: [
    { id: 'backend-cn', regions: ['CN'] },
    { id: 'backend-sg', regions: ['SG'] },
  ],
  vendors: [{ id: 'rtc', name: 'Acme RTC', role: 'processor', services: ['realtime-voice'], regions: ['US'] }],
  purposes: [
    { id: 'account', use: 'essential.service', data: ['email'], lawfulBasis: 'contract' },
    { id: 'voice-chat', use: 'functional.voice_chat', data: ['voice'], lawfulBasis: 'contract' },
  ],
  flows: [
    { from: 'backend-cn', to: 'rtc', data: ['voice'], purpose: 'voice-chat' },
    { from: 'backend-sg', to: 'backend-cn', data: ['email'], purpose: 'account' },
  ],
});

describe('a Chinese studio offering its game in Japan, Korea, India, Brazil and an uncovered market', () => {
  const r = check(lib, studio, { asOf: '2026-12-04' });
  const s = status(r);

  it('evaluates each covered market and names the uncovered one', () => {
    for (const id of ['jp-appi', 'kr-pipa', 'cn-pipl', 'br-lgpd']) expect(s[id], id).toBe('applies');
    expect(r.uncoveredMarkets).toContain('NG');
    for (const m of ['JP', 'KR', 'IN', 'BR']) expect(r.uncoveredMarkets).not.toContain(m);
  });

  it('sees the transfer of each market’s players’ data to the US vendor, per law', () => {
    expect(has(r, 'jp-appi', 'foreign-transfer', 'rtc@US')).toBe(true);
    expect(has(r, 'kr-pipa', 'overseas-transfer', 'rtc@US')).toBe(true);
    expect(has(r, 'br-lgpd', 'international-transfer', 'rtc@US')).toBe(true);
    expect(items(r, 'cn-pipl').some((i) => i.topic === 'transfer' && i.subject.id === 'rtc@US')).toBe(true);
  });

  it('gives the breach, children and representative duties of each law', () => {
    expect(has(r, 'jp-appi', 'leak-report-preliminary')).toBe(true);
    expect(has(r, 'kr-pipa', 'breach-report-pipc')).toBe(true);
    expect(has(r, 'br-lgpd', 'incident-communication-anpd')).toBe(true);
    // Korea: no address in Korea and over a million Korean players: a domestic agent.
    expect(has(r, 'kr-pipa', 'domestic-agent')).toBe(true);
    // Korea's under-14s and China's under-14s: the terms admit players from 13.
    expect(has(r, 'kr-pipa', 'child-consent')).toBe(true);
    expect(has(r, 'cn-pipl', 'child-consent')).toBe(true);
    // A studio established in China needs no overseas representative there (PIPL Art. 53 is for processors abroad).
    expect(has(r, 'cn-pipl', 'overseas-representative')).toBe(false);
  });

  it("India's duties are upcoming before their commencement and apply after it", () => {
    const before = items(r, 'in-dpdp');
    expect(before.length).toBeGreaterThan(5);
    expect(before.filter((i) => i.rule === 'child-verifiable-consent').map((i) => i.determination)).toEqual(['upcoming']);
    const after = items(check(lib, studio, { asOf: '2027-06-01' }), 'in-dpdp');
    expect(after.find((i) => i.rule === 'child-verifiable-consent')?.determination).toBe('applies');
    expect(after.find((i) => i.rule === 'breach-notification-board')?.determination).toBe('applies');
  });

  it('names the uncovered market in Markdown, CSV and OSCAL too', async () => {
    expect(renderMarkdown(r)).toContain('No rule pack covers NG');
    const text = async (format: 'csv' | 'oscal') => {
      const out = await renderReportOutput(r, format);
      if (typeof out === 'string') return out;
      return (typeof out === 'function' ? Buffer.concat([...out(false)]) : Buffer.from(out)).toString('utf8');
    };
    expect(await text('csv')).toContain('No rule pack covers NG');
    expect(await text('oscal')).toContain('NG');
  });
});

describe('precision: a Japanese studio hosting everything in Japan', () => {
  const jp: Flow = flow({
    controller: { name: 'Sakura Games KK', establishedIn: 'JP', annualRevenueUsd: 20e6, employees: 120 },
    markets: [
      { code: 'JP', players: 500_000 },
      { code: 'KR', players: 100_000 },
    ],
    systems: [{ id: 'backend', regions: ['JP'] }],
    vendors: [{ id: 'v', name: 'Tokyo Cloud KK', role: 'processor', services: ['cloud'], regions: ['JP'] }],
    flows: [{ from: 'backend', to: 'v', data: ['email'], purpose: 'account' }],
  });
  const r = check(lib, jp, { asOf: '2026-12-04' });
  it('gets no APPI foreign-transfer item', () => {
    expect(status(r)['jp-appi']).toBe('applies');
    expect(has(r, 'jp-appi', 'foreign-transfer')).toBe(false);
  });
  it("while Korea's PIPA sees Korean players' data going to Japan", () => {
    expect(has(r, 'kr-pipa', 'overseas-transfer', 'v@JP')).toBe(true);
  });
});
