// Facts the issue-17 review found wrong in the Asian packs, pinned where a rule fixture cannot see them
// (values shown in action text only). Each assertion fails if the old fact comes back.
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library.js';

const lib = loadLibrary();
const pack = (id: string) => {
  const reg = lib.regulations.find((r) => r.id === id);
  if (!reg) throw new Error(`pack ${id} not loaded`);
  return reg;
};
const listParam = (id: string, name: string): unknown[] => {
  const p = pack(id).parameters?.[name];
  expect(p, `${id} parameter ${name}`).toBeDefined();
  return p!.value as unknown[];
};

describe('my-pdpa: Class of Data Users Order 2013, item 9 "Services"', () => {
  it('is not limited to the five professions of para (a)', () => {
    const classes = listParam('my-pdpa', 'registrableClasses').map(String);
    expect(classes).toContain('services - private employment agency');
    expect(classes).toContain('services - retail or wholesale dealing');
  });
});

describe('vn-pdpl: Decree 356/2025 Arts. 20 and 41, read (previously marked not verified)', () => {
  const intParam = (name: string) => pack('vn-pdpl').parameters?.[name]?.value;
  it('the SME relief ends at 100,000 data subjects, counted cumulatively (Art. 41)', () => {
    expect(intParam('largeNumberDataSubjects')).toBe(100000);
  });
  it('dossiers are updated within 10 days on the Art. 20(2) events and every 6 months otherwise', () => {
    expect(intParam('dossierImmediateUpdateDays')).toBe(10);
    expect(intParam('dossierPeriodicUpdateMonths')).toBe(6);
  });
  it('the impact assessment dossier is filed within 60 days of the first processing (Art. 19(4))', () => {
    const rule = pack('vn-pdpl').rules.find((r) => r.id === 'impact-assessment');
    expect(rule?.deadline?.within).toBe('P60D');
  });
});

describe('kr-pipa: the domestic-agent thresholds are Enforcement Decree Art. 32-3 (Decree No. 36671), not 32-2', () => {
  it('the rule and its threshold parameters cite Art. 32-3', () => {
    const rule = pack('kr-pipa').rules.find((r) => r.id === 'domestic-agent');
    expect(rule?.citation).toContain('Decree Art. 32-3');
    expect(rule?.citation).not.toContain('32-2');
    for (const name of ['domesticAgentDataSubjects', 'domesticAgentTotalRevenueKrw']) {
      const p = pack('kr-pipa').parameters?.[name];
      expect(p?.citation, name).toContain('Art. 32-3');
      expect(p?.citation, name).not.toContain('32-2');
    }
  });
  it('the thresholds themselves: KRW 1 trillion and one million data subjects', () => {
    expect(pack('kr-pipa').parameters?.domesticAgentTotalRevenueKrw?.value).toBe(1000000000000);
    expect(pack('kr-pipa').parameters?.domesticAgentDataSubjects?.value).toBe(1000000);
  });
});

describe('th-pdpa: fourth pass against the Thai statutory text and the PDPC notifications (2026-12-04)', () => {
  it('s. 20 para 1(2) "not over ten years": a 10-year-old is parent-only (admits-under boundary 11, not 10)', () => {
    expect(pack('th-pdpa').parameters?.parentOnlyConsentAge?.value).toBe(11);
  });
  it('DPO notification cl. 3: chat and livestreaming make a game social media for the large-amount limb', () => {
    const text = JSON.stringify(pack('th-pdpa').conditions?.['large-amount']);
    for (const feature of ['text-chat', 'voice-chat', 'livestreaming']) expect(text).toContain(feature);
  });
  it('breach notification notification cl. 8: the processor agreement carries the 72-hour notice', () => {
    const rule = pack('th-pdpa').rules.find((r) => r.id === 'processor-contract');
    expect(rule?.action).toContain('72 hours');
  });
});

describe('th-pdpa: Section 28 Notification B.E. 2566 cl. 5, read (fourth pass)', () => {
  it('the transfer rule offers a documented adequacy assessment against the cl. 5 criteria, not only a PDPC list', () => {
    const rule = pack('th-pdpa').rules.find((r) => r.id === 'transfer-mechanism');
    expect(rule?.action).toContain('cl. 5');
    expect(rule?.verification).toBe('verified');
  });
});

describe("cn-pipl: the minors' incident duty is Art. 35 of the Regulations on the Protection of Minors Online (sixth pass)", () => {
  const rule = (id: string) => {
    const r = pack('cn-pipl').rules.find((x) => x.id === id);
    if (!r) throw new Error(`cn-pipl/${id} not found`);
    return r;
  };
  it('cites Art. 35, not an unnumbered Chapter IV provision, and keeps the public-warning limb of para 2', () => {
    const r = rule('minors-incident-response');
    expect(r.citation).toContain('Art. 35');
    expect(r.citation).not.toMatch(/not verified|Ch\. IV/);
    expect(r.action).toMatch(/publish a warning/);
  });
  it('the annual minors audit cites Art. 37 only; the unread CAC announcement sits in notModelled', () => {
    const r = rule('minors-compliance-audit');
    expect(r.citation).toBe('Regulations on the Protection of Minors Online Art. 37');
    expect((r.notModelled ?? []).some((n) => /2025-12-29/.test(n.provision))).toBe(true);
  });
});

describe('ar-pdpa: Ley 25.326 commencement (no clause of its own; Civil Code Art. 2 eight-day rule)', () => {
  it('takes effect 2000-11-11, not on its publication day 2000-11-02', () => {
    expect(String(pack('ar-pdpa').inForce)).toContain('2000-11-11');
  });
});
