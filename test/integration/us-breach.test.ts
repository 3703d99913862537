// Issue 21: the US state data breach notification packs (us-<state>-breach) through `check`: a game that keeps
// breach-notifiable data gets each state's duty with its citation and deadline; one that keeps only gameplay
// telemetry gets none; the matrix's breach row names the strictest US deadline.
import { describe, expect, it } from 'vitest';
import { check, loadLibrary } from '../../src/library.js';
import { answerFindings } from '../../src/core/answers.js';
import type { Flow, Report } from '../../src/core/types.js';
import { flow } from '../helpers.js';

const lib = loadLibrary();
// The states and DC; Puerto Rico, Guam and the US Virgin Islands are markets of their own, outside `US` (tested apart).
const TERRITORIES = ['us-gu-breach', 'us-pr-breach', 'us-vi-breach'];
const breachPacks = lib.regulations.filter((r) => /^us-[a-z]{2}-breach$/.test(r.id) && !TERRITORIES.includes(r.id));
// Days to notify residents where the statute fixes them; the others say "most expedient time" (IL, DC, NJ, MN, NV, ND), "as soon
// as practicable" or "as soon as possible" (MA, NE, NH) or "without unreasonable delay" (VA, PA, MI, MS, MO, MT, NC, WV, SC) and carry
// no deadline.
const residentDeadline: Record<string, string | null> = {
  'us-ak-breach': null,
  'us-al-breach': 'P45D',
  'us-ar-breach': null,
  'us-az-breach': 'P45D',
  'us-ca-breach': 'P30D',
  'us-co-breach': 'P30D',
  'us-ct-breach': 'P60D',
  'us-dc-breach': null,
  'us-de-breach': 'P60D',
  'us-fl-breach': 'P30D',
  'us-ga-breach': null,
  'us-hi-breach': null,
  'us-ia-breach': null,
  'us-id-breach': null,
  'us-il-breach': null,
  'us-in-breach': 'P45D',
  'us-ks-breach': null,
  'us-ky-breach': null,
  'us-la-breach': 'P60D',
  'us-ma-breach': null,
  'us-md-breach': 'P45D',
  'us-me-breach': 'P30D',
  'us-mi-breach': null,
  'us-mn-breach': null,
  'us-mo-breach': null,
  'us-ms-breach': null,
  'us-mt-breach': null,
  'us-nc-breach': null,
  'us-nd-breach': null,
  'us-ne-breach': null,
  'us-nh-breach': null,
  'us-nj-breach': null,
  'us-nm-breach': 'P45D',
  'us-nv-breach': null,
  'us-ny-breach': 'P30D',
  'us-oh-breach': 'P45D',
  'us-ok-breach': null,
  'us-or-breach': 'P45D',
  'us-pa-breach': null,
  'us-ri-breach': 'P45D',
  'us-sc-breach': null,
  'us-sd-breach': 'P60D',
  'us-tn-breach': 'P45D',
  'us-tx-breach': 'P60D',
  'us-ut-breach': null,
  'us-va-breach': null,
  'us-vt-breach': 'P45D',
  'us-wa-breach': 'P30D',
  'us-wi-breach': 'P45D',
  'us-wv-breach': null,
  'us-wy-breach': null,
};
// The section each state's resident notice duty sits in.
const residentSection: Record<string, string> = {
  'us-ak-breach': 'AS 45.48.010(a)-(c)',
  'us-al-breach': 'Ala. Code § 8-38-5(a)-(b)',
  'us-ar-breach': 'Ark. Code § 4-110-105(a), (d)',
  'us-az-breach': 'A.R.S. § 18-552(A)-(B)',
  'us-ca-breach': 'Cal. Civ. Code § 1798.82(a)',
  'us-co-breach': 'C.R.S. § 6-1-716(2)(a)',
  'us-ct-breach': 'Conn. Gen. Stat. § 36a-701b(b)(1)',
  'us-dc-breach': 'D.C. Code § 28-3852(a)',
  'us-de-breach': '6 Del. C. § 12B-102(a), (c)',
  'us-fl-breach': 'Fla. Stat. § 501.171(4)(a)',
  'us-ga-breach': 'O.C.G.A. § 10-1-912(a)',
  'us-hi-breach': 'HRS § 487N-2(a)',
  'us-ia-breach': 'Iowa Code § 715C.2(1)',
  'us-id-breach': 'Idaho Code § 28-51-105(1)',
  'us-il-breach': '815 ILCS 530/10(a)',
  'us-in-breach': 'Ind. Code § 24-4.9-3-1(a)',
  'us-ks-breach': 'K.S.A. 50-7a02(a)',
  'us-ky-breach': 'KRS 365.732(2)',
  'us-la-breach': 'La. R.S. 51:3074(C), (E)',
  'us-ma-breach': 'M.G.L. c. 93H § 3(b)',
  'us-md-breach': 'Md. Code, Com. Law § 14-3504(b)',
  'us-me-breach': '10 M.R.S. § 1348(1)',
  'us-mi-breach': 'MCL 445.72(1), (4)',
  'us-mn-breach': 'Minn. Stat. § 325E.61, subd. 1(a), (c)',
  'us-mo-breach': 'RSMo § 407.1500.2(1), (5)',
  'us-ms-breach': 'Miss. Code § 75-24-29(3)',
  'us-mt-breach': 'MCA § 30-14-1704(1)',
  'us-nc-breach': 'N.C.G.S. § 75-65(a)',
  'us-nd-breach': 'N.D.C.C. § 51-30-02',
  'us-ne-breach': 'Neb. Rev. Stat. § 87-803(1)',
  'us-nh-breach': 'RSA 359-C:20, I(a)',
  'us-nj-breach': 'N.J.S.A. 56:8-163(a)',
  'us-nm-breach': 'NMSA § 57-12C-6(A)-(B)',
  'us-nv-breach': 'NRS 603A.220(1), (3)',
  'us-ny-breach': 'N.Y. Gen. Bus. Law § 899-aa(1)(b), (2)',
  'us-ok-breach': '24 O.S. § 163(A)',
  'us-sd-breach': 'SDCL 22-40-20',
  'us-ut-breach': 'Utah Code § 13-44-202(1)-(2)',
  'us-wi-breach': 'Wis. Stat. § 134.98(2)(a)-(b), (3)(a)',
  'us-wy-breach': 'Wyo. Stat. § 40-12-502(a)',
  'us-oh-breach': 'Ohio Rev. Code § 1349.19(B)',
  'us-or-breach': 'ORS 646A.604(1)(a), (3)(a)',
  'us-pa-breach': '73 P.S. § 2303(a)',
  'us-ri-breach': 'R.I. Gen. Laws § 11-49.3-4(a)',
  'us-sc-breach': 'S.C. Code § 39-1-90(A)',
  'us-tn-breach': 'Tenn. Code Ann. § 47-18-2107(b)',
  'us-tx-breach': 'Tex. Bus. & Com. Code § 521.053(b)',
  'us-va-breach': 'Va. Code § 18.2-186.6(B)',
  'us-vt-breach': '9 V.S.A. § 2435(b)(1)',
  'us-wa-breach': 'RCW 19.255.010(1), (8)',
  'us-wv-breach': 'W. Va. Code § 46A-2A-102(a)-(b)',
};

const el = (id: string, category: string) => ({ id, category, subjects: ['player' as const], retention: 'P1Y' });
const usGame = (data: ReturnType<typeof el>[]): Flow =>
  flow({
    // a studio that furnishes no personal data to third parties: not an information broker under Georgia's statute
    controller: { name: 'Studio', establishedIn: 'US', revenueShareFromDataSales: 0 },
    markets: [{ code: 'US', players: 200_000 }],
    data: [el('gameplay', 'user.behavior.gameplay'), ...data],
    systems: [{ id: 'backend', regions: ['US'] }],
    vendors: [{ id: 'host', name: 'Host', role: 'processor', services: ['cloud'], regions: ['US'] }],
    purposes: [
      { id: 'telemetry', use: 'analytics.reporting', data: ['gameplay'] },
      ...(data.length ? [{ id: 'account', use: 'essential.service', data: data.map((d) => d.id), lawfulBasis: 'contract' as const }] : []),
    ],
    flows: [
      { from: 'backend', to: 'host', data: ['gameplay'], purpose: 'telemetry' },
      ...(data.length ? [{ from: 'backend', to: 'host', data: data.map((d) => d.id), purpose: 'account' }] : []),
    ],
  });
const run = (f: Flow): Report => check(lib, f, { asOf: '2026-12-04' });
const breachItems = (r: Report, rule: string) => r.items.filter((i) => /^us-[a-z]{2}-breach$/.test(i.regulation) && i.rule === rule);

// Georgia's statute binds information brokers only (O.C.G.A. § 10-1-911(3)): the studio above sells no data.
const brokersOnly = ['us-ga-breach'];
const reachAnyStudio = Object.keys(residentDeadline).filter((id) => !brokersOnly.includes(id));
const noCredentials = [
  'us-ma-breach',
  'us-oh-breach',
  'us-tn-breach',
  'us-tx-breach',
  'us-va-breach',
  // credentials count only with a name (AL, DE, ME, NV, RI, OK, UT, WI, WY) or only when they open a financial account (NC), or are not listed at all
  'us-me-breach',
  'us-mi-breach',
  'us-mn-breach',
  'us-mo-breach',
  'us-ms-breach',
  'us-mt-breach',
  'us-nc-breach',
  'us-nd-breach',
  'us-nh-breach',
  'us-nm-breach',
  'us-nv-breach',
  'us-ri-breach',
  'us-sc-breach',
  'us-wv-breach',
  'us-ok-breach',
  'us-ut-breach',
  'us-wi-breach',
  'us-wy-breach',
  'us-ak-breach',
  'us-al-breach',
  'us-ar-breach',
  'us-de-breach',
  'us-hi-breach',
  'us-ia-breach',
  'us-id-breach',
  'us-in-breach',
  'us-la-breach',
  'us-ks-breach',
  'us-ky-breach',
  // the District lists a user name or email with a password only where it opens an e-mail account (D.C. Code § 28-3851(3)(A)(ii))
  'us-dc-breach',
];
const noBiometrics = [
  'us-ma-breach',
  'us-nj-breach',
  'us-oh-breach',
  'us-pa-breach',
  'us-tn-breach',
  'us-tx-breach',
  'us-va-breach',
  'us-me-breach',
  'us-mi-breach',
  'us-mn-breach',
  'us-mo-breach',
  'us-ms-breach',
  'us-mt-breach',
  'us-nd-breach',
  'us-nh-breach',
  'us-nv-breach',
  'us-ri-breach',
  'us-sc-breach',
  'us-wv-breach',
  'us-sd-breach',
  'us-ut-breach',
  'us-ak-breach',
  'us-al-breach',
  'us-hi-breach',
  'us-id-breach',
  'us-in-breach',
  'us-ks-breach',
  'us-ky-breach',
];
// Rhode Island's and South Dakota's maintainer duties were not read (summaries disagree), so their packs have no vendor-notify-owner rule.
const noVendorRule = ['us-ri-breach', 'us-sd-breach'];
const withVendorRule = reachAnyStudio.filter((id) => !noVendorRule.includes(id));
const credentials = [el('email', 'user.contact.email'), el('password', 'user.authorization.password')];
// Texas, Massachusetts, Virginia, Ohio, Tennessee, Rhode Island, West Virginia and South Carolina do not list online credentials
// alone: a named payment card reaches every state.
const accountWithCard = [...credentials, el('name', 'user.name'), el('card', 'user.financial.credit_card')];

describe('US state breach notification packs', () => {
  it('every state and DC has its breach pack, and each territory too (issue 21: all 54 jurisdictions)', () => {
    const expected = [...lib.tax.markets.leavesOf(['US']), 'PR', 'GU', 'VI'].map((m) => `us-${m.replace(/^US-/, '').toLowerCase()}-breach`).sort();
    expect(expected).toHaveLength(54);
    expect(
      lib.regulations
        .map((r) => r.id)
        .filter((id) => /^us-[a-z]{2}-breach$/.test(id))
        .sort(),
    ).toEqual(expected);
  });

  it('loads one pack per state this issue covers', () => {
    expect(breachPacks.map((p) => p.id).sort()).toEqual(Object.keys(residentDeadline));
  });

  it('gives a game with accounts and a named card offered in US a notify-residents item for every state, with citation and deadline', () => {
    const items = breachItems(run(usGame(accountWithCard)), 'notify-residents');
    expect(items.map((i) => i.regulation).sort()).toEqual(reachAnyStudio);
    for (const item of items) {
      expect(item.determination).toBe('applies');
      expect(item.jurisdiction).toBe(`US-${item.regulation.slice(3, 5).toUpperCase()}`);
      expect(item.citation.startsWith(residentSection[item.regulation]!)).toBe(true);
      expect(item.deadline?.within ?? null).toBe(residentDeadline[item.regulation]);
    }
  });

  it('Puerto Rico, Guam and the US Virgin Islands: a game offered there gets their resident notice; one offered in US does not', () => {
    const territories = (markets: Flow['markets']) =>
      breachItems(run({ ...usGame(accountWithCard), markets }), 'notify-residents')
        .filter((i) => TERRITORIES.includes(i.regulation))
        .map((i) => i.regulation)
        .sort();
    expect(territories([{ code: 'PR' }, { code: 'GU' }, { code: 'VI' }])).toEqual(TERRITORIES);
    expect(territories([{ code: 'US' }])).toEqual([]);
  });

  it('gives a game that keeps only gameplay telemetry no breach item', () => {
    const r = run(usGame([]));
    expect(r.items.filter((i) => /^us-[a-z]{2}-breach$/.test(i.regulation))).toEqual([]);
  });

  it('credentials alone reach every state that lists them without a name, none of the others', () => {
    const states = breachItems(run(usGame(credentials)), 'notify-residents')
      .map((i) => i.regulation)
      .sort();
    expect(states).toEqual(reachAnyStudio.filter((id) => !noCredentials.includes(id)));
  });

  it('a voiceprint kept with the player account reaches New York and DC, and with a name the states listing biometrics', () => {
    const voice = el('voiceprint', 'user.biometric.voice');
    expect(
      breachItems(run(usGame([voice])), 'notify-residents')
        .map((i) => i.regulation)
        .sort(),
    ).toEqual(['us-dc-breach', 'us-ny-breach']);
    const named = breachItems(run(usGame([voice, el('name', 'user.name')])), 'notify-residents')
      .map((i) => i.regulation)
      .sort();
    expect(named).toEqual(reachAnyStudio.filter((id) => !noBiometrics.includes(id)));
  });

  it('reads the per-state player count for a regulator threshold: none below it, applies at it, to confirm with only a US-wide count', () => {
    const ndRegulator = (markets: Flow['markets']) =>
      breachItems(run({ ...usGame(accountWithCard), markets }), 'notify-regulator').filter((i) => i.regulation === 'us-nd-breach');
    expect(ndRegulator([{ code: 'US-ND', players: 250 }])).toEqual([]);
    expect(ndRegulator([{ code: 'US-ND', players: 251 }]).map((i) => i.determination)).toEqual(['applies']);
    expect(ndRegulator([{ code: 'US', players: 200_000 }]).map((i) => i.determination)).toEqual(['to-confirm']);
  });

  it('asks each processor holding notifiable data to notify the studio, linking the breach-notice-hours question', () => {
    const r = run(usGame(accountWithCard));
    const vendorItems = breachItems(r, 'vendor-notify-owner');
    expect(vendorItems.map((i) => i.regulation).sort()).toEqual(withVendorRule);
    expect(new Set(vendorItems.map((i) => i.subject.id))).toEqual(new Set(['host']));
    const host = r.vendors.find((v) => v.id === 'host')!;
    const q = host.questions.find((x) => x.id === 'breach-notice-hours')!;
    expect(q.regulations).toEqual(expect.arrayContaining(withVendorRule));
  });

  it('names the strictest US breach deadline in the matrix: 10 days for a processor (Alabama, Florida, Maryland, Oregon)', () => {
    const row = run(usGame(accountWithCard)).matrix.find((m) => m.topic === 'breach-notification')!;
    expect(row.strictest).toEqual({ within: 'P10D', jurisdictions: ['US-AL', 'US-FL', 'US-MD', 'US-OR'] });
    const cells = Object.fromEntries(row.cells.map((c) => [c.jurisdiction, c.deadline]));
    expect(cells).toMatchObject({
      'US-CA': 'P30D',
      'US-TX': 'P30D',
      'US-CT': 'P60D',
      'US-AZ': 'P45D',
      'US-IL': null,
      'US-MA': null,
      'US-DC': null,
      'US-VA': null,
      // Iowa's 5 business days and Louisiana's 10 days to the Attorney General run from the residents' notice: in words only
      'US-AL': 'P10D',
      'US-DE': 'P60D',
      'US-IN': 'P45D',
      'US-LA': 'P60D',
      'US-AK': null,
      'US-HI': null,
      'US-IA': null,
    });
  });

  it("without a processor, the strictest US deadline is Vermont's 14 business days to the Attorney General", () => {
    const f = usGame(accountWithCard);
    const noVendor = { ...f, vendors: [], flows: [] };
    const row = run(noVendor).matrix.find((m) => m.topic === 'breach-notification')!;
    // 14 business days rank as 21 calendar days, ahead of the 30 days CA, CO, FL, ME, NY, TX and WA give residents.
    expect(row.strictest).toEqual({ within: 'P14BD', jurisdictions: ['US-VT'] });
  });

  it('reaches Georgia only for a studio that furnishes personal data to third parties, whose processor then has 24 hours', () => {
    const broker = usGame(accountWithCard);
    const f = { ...broker, controller: { ...broker.controller, revenueShareFromDataSales: 0.3 } };
    const r = run(f);
    expect(breachItems(r, 'notify-residents').map((i) => i.regulation)).toContain('us-ga-breach');
    const vendorGa = breachItems(r, 'vendor-notify-owner').find((i) => i.regulation === 'us-ga-breach')!;
    expect(vendorGa.deadline?.within).toBe('PT24H');
    expect(r.matrix.find((m) => m.topic === 'breach-notification')!.strictest).toEqual({ within: 'PT24H', jurisdictions: ['US-GA'] });
    const unknownShare = { ...broker, controller: { name: 'Studio', establishedIn: 'US' } };
    const ga = breachItems(run(unknownShare), 'notify-residents').find((i) => i.regulation === 'us-ga-breach')!;
    expect(ga.determination).toBe('to-confirm');
  });

  it("judges the processor's breach-notice hours against the strictest US deadline (10 days)", () => {
    const r = run(usGame(accountWithCard));
    const judged = (hours: number) => answerFindings(r, { version: 1, vendors: { host: { 'breach-notice-hours': { answer: String(hours) } } } }, lib.questions);
    expect(judged(72)).toEqual([]);
    const open = judged(240); // 10 days leaves the studio no time of its own
    expect(new Set(open.map((i) => i.subject.id))).toEqual(new Set(['host']));
    expect(open.map((i) => i.regulation)).toEqual(expect.arrayContaining(withVendorRule));
  });
});
