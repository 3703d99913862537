// The things a rule can be evaluated over (its `for`), each with the data,
// purposes and vendor in its scope. Built once per flow, reused by every law.
import type { Affiliate, DataElement, Flow, ForKind, Purpose, Vendor } from './types.js';
import type { Taxonomy } from './taxonomy.js';

export interface Subject {
  kind: ForKind;
  /** stable id used in item ids: "rtc", "voice-chat", "rtc@US" */
  id: string;
  /** how a person would name it in a "because" line */
  label: string;
  data: readonly DataElement[];
  purposes: readonly Purpose[];
  vendors: readonly Vendor[];
  vendor?: Vendor;
  /** transfer destination country; null when the recipient's regions are not given */
  region?: string | null;
  /** for a transfer: who receives the data there (a vendor, an affiliate, or the studio's own system) */
  recipient?: Recipient;
  market?: string;
}

/** Who a transfer goes to. `facts` is where its regions are given in the flow (`vendors[rtc]`). */
export interface Recipient {
  kind: 'vendor' | 'affiliate' | 'system';
  id: string;
  name: string;
  /** how a person would name it: "vendor rtc (Acme RTC)" */
  label: string;
  facts: string;
}

/**
 * What a law counts as a transfer abroad (its `transferScope` parameter):
 * `disclosure`, only data made available to another party (a vendor, an
 * affiliate); `export`, any data leaving the territory, the studio's own
 * systems abroad included. The hosting provider of those systems is a vendor
 * either way.
 */
export type TransferScope = 'disclosure' | 'export';
export const TRANSFER_SCOPES: readonly TransferScope[] = ['disclosure', 'export'];

export interface FlowIndex {
  flow: Flow;
  dataById: Map<string, DataElement>;
  purposeById: Map<string, Purpose>;
  vendorById: Map<string, Vendor>;
  affiliateById: Map<string, Affiliate>;
  /** data each vendor, affiliate or first-party system receives or sends, through the flows (by its id) */
  endpointData: Map<string, DataElement[]>;
  endpointPurposes: Map<string, Purpose[]>;
  /** data each vendor receives or sends, through the flows */
  vendorData: Map<string, DataElement[]>;
  vendorPurposes: Map<string, Purpose[]>;
  /** vendors that some flow brings data from, to the studio's systems or to a processor working for it */
  suppliers: ReadonlySet<string>;
  game: Subject;
  data: Subject[];
  purposes: Subject[];
  vendors: Subject[];
  flows: Subject[];
}

/** A flow's id: its own, or from its ends and purpose (check-flow makes sure these are unique). */
export function flowId(f: Flow['flows'][number]): string {
  return f.id ?? `${f.from}-${f.to}-${f.purpose}`;
}

export function indexFlow(flow: Flow): FlowIndex {
  const dataById = new Map(flow.data.map((d) => [d.id, d]));
  const purposeById = new Map(flow.purposes.map((p) => [p.id, p]));
  const vendorById = new Map(flow.vendors.map((v) => [v.id, v]));
  const affiliates = flow.affiliates ?? [];
  const affiliateById = new Map(affiliates.map((a) => [a.id, a]));
  const vendorDataIds = new Map<string, Set<string>>();
  const vendorPurposeIds = new Map<string, Set<string>>();
  for (const f of flow.flows) {
    for (const end of [f.from, f.to]) {
      let ds = vendorDataIds.get(end);
      if (!ds) vendorDataIds.set(end, (ds = new Set()));
      for (const d of f.data) ds.add(d);
      let ps = vendorPurposeIds.get(end);
      if (!ps) vendorPurposeIds.set(end, (ps = new Set()));
      ps.add(f.purpose);
    }
  }
  // Data a vendor sends to the studio, or to a processor acting for it, is data the studio obtains from that
  // vendor ("not obtained from the data subject", GDPR Art. 14). A processor is not such a source: it processes
  // on the studio's behalf (Art. 4(8), 28, 29), so what it collects or passes on, to the studio or to another
  // vendor, is the studio's own data, already covered by the Art. 13 notice. Nor does a flow between vendors
  // that reaches no one working for the studio (a controller to a controller) bring the studio anything.
  const systemIds = new Set(flow.systems.map((s) => s.id));
  // An affiliate processing for the studio, or deciding with it as a joint controller, receives for the studio.
  const actsForStudio = (id: string) =>
    systemIds.has(id) || vendorById.get(id)?.role === 'processor' || ['processor', 'joint-controller'].includes(affiliateById.get(id)?.role ?? '');
  const suppliers = new Set(
    flow.flows.filter((f) => vendorById.has(f.from) && f.to !== f.from && !actsForStudio(f.from) && actsForStudio(f.to)).map((f) => f.from),
  );
  const pick = <T>(ids: Iterable<string> | undefined, map: Map<string, T>): T[] => (ids ? [...ids].flatMap((id) => (map.has(id) ? [map.get(id)!] : [])) : []);
  const endpointData = new Map([...vendorDataIds.keys()].map((id) => [id, pick(vendorDataIds.get(id), dataById)]));
  const endpointPurposes = new Map([...vendorPurposeIds.keys()].map((id) => [id, pick(vendorPurposeIds.get(id), purposeById)]));
  const vendorData = new Map(flow.vendors.map((v) => [v.id, endpointData.get(v.id) ?? []]));
  const vendorPurposes = new Map(flow.vendors.map((v) => [v.id, endpointPurposes.get(v.id) ?? []]));

  const purposesUsing = new Map<string, Purpose[]>();
  for (const p of flow.purposes)
    for (const d of p.data) {
      const list = purposesUsing.get(d) ?? [];
      list.push(p);
      purposesUsing.set(d, list);
    }
  const vendorsReceiving = new Map<string, Vendor[]>();
  for (const v of flow.vendors)
    for (const d of vendorData.get(v.id) ?? []) {
      const list = vendorsReceiving.get(d.id) ?? [];
      list.push(v);
      vendorsReceiving.set(d.id, list);
    }

  const game: Subject = {
    kind: 'game',
    id: flow.game.id,
    label: `game ${flow.game.id}`,
    data: flow.data,
    purposes: flow.purposes,
    vendors: flow.vendors,
  };
  const data: Subject[] = flow.data.map((d) => ({
    kind: 'data',
    id: d.id,
    label: `data ${d.id} (${d.category})`,
    data: [d],
    purposes: purposesUsing.get(d.id) ?? [],
    vendors: vendorsReceiving.get(d.id) ?? [],
  }));
  const purposes: Subject[] = flow.purposes.map((p) => {
    const pd = pick(p.data, dataById);
    const vendors = flow.vendors.filter((v) => (vendorPurposes.get(v.id) ?? []).includes(p));
    return { kind: 'purpose', id: p.id, label: `purpose ${p.id} (${p.use})`, data: pd, purposes: [p], vendors };
  });
  const vendors: Subject[] = flow.vendors.map((v) => ({
    kind: 'vendor',
    id: v.id,
    label: `vendor ${v.id} (${v.name})`,
    data: vendorData.get(v.id) ?? [],
    purposes: vendorPurposes.get(v.id) ?? [],
    vendors: [v],
    vendor: v,
  }));
  const flows: Subject[] = flow.flows.map((f) => {
    const vendor = vendorById.get(f.to) ?? vendorById.get(f.from);
    const p = purposeById.get(f.purpose);
    return {
      kind: 'flow',
      id: flowId(f),
      label: `flow ${f.from} → ${f.to} (${f.data.join(', ')} for ${f.purpose})`,
      data: pick(f.data, dataById),
      purposes: p ? [p] : [],
      vendors: vendor ? [vendor] : [],
      ...(vendor ? { vendor } : {}),
    };
  });
  return {
    flow,
    dataById,
    purposeById,
    vendorById,
    affiliateById,
    endpointData,
    endpointPurposes,
    vendorData,
    vendorPurposes,
    suppliers,
    game,
    data,
    purposes,
    vendors,
    flows,
  };
}

/**
 * Transfers for one law: each recipient of data, once per country outside the
 * law's territory where it processes the data. Recipients are the vendors and
 * the group's affiliates (other companies, so always a disclosure), and, when
 * the law counts any export (`scope: export`), the studio's own systems
 * abroad. A recipient whose regions are not given yields one transfer with an
 * unknown region, so the question is asked, not dropped.
 */
export function transfersFor(index: FlowIndex, territoryCountries: ReadonlySet<string>, tax: Taxonomy, scope: TransferScope = 'disclosure'): Subject[] {
  const out: Subject[] = [];
  // The same recipient in the same country is the same subject for every law: made once per flow.
  let made = transferSubjects.get(index);
  if (!made) transferSubjects.set(index, (made = new Map()));
  const subject = (recipient: Recipient, region: string | null, make: () => Subject): Subject => {
    const key = `${recipient.kind}:${recipient.id}@${region ?? ''}`;
    let s = made.get(key);
    if (!s) made.set(key, (s = make()));
    return s;
  };
  const add = (recipient: Recipient, regions: readonly string[] | undefined, vendor?: Vendor) => {
    const data = index.endpointData.get(recipient.id) ?? [];
    if (data.length === 0) return;
    const base = () => ({
      kind: 'transfer' as const,
      data,
      purposes: index.endpointPurposes.get(recipient.id) ?? [],
      vendors: vendor ? [vendor] : [],
      ...(vendor ? { vendor } : {}),
      recipient,
    });
    if (!regions || regions.length === 0) {
      out.push(subject(recipient, null, () => ({ ...base(), id: `${recipient.id}@unknown`, label: `${recipient.label}, regions not given`, region: null })));
      return;
    }
    const countries = [...tax.markets.countriesOf(regions)].filter((c) => !territoryCountries.has(c)).sort();
    for (const c of countries)
      out.push(subject(recipient, c, () => ({ ...base(), id: `${recipient.id}@${c}`, label: `${recipient.label} processes data in ${c}`, region: c })));
  };
  for (const v of index.flow.vendors) add(recipientOf('vendor', v.id, v.name), v.regions, v);
  for (const a of index.flow.affiliates ?? []) add(recipientOf('affiliate', a.id, a.name, a.role), a.regions ?? [a.establishedIn]);
  if (scope === 'export') for (const s of index.flow.systems) if (s.kind !== 'device') add(recipientOf('system', s.id, s.name ?? s.id), s.regions);
  return out;
}

const transferSubjects = new WeakMap<FlowIndex, Map<string, Subject>>();

const RECIPIENT_NOUN = { vendor: 'vendor', affiliate: 'affiliate', system: 'own system' } as const;
const FACTS_LIST = { vendor: 'vendors', affiliate: 'affiliates', system: 'systems' } as const;

export function recipientOf(kind: Recipient['kind'], id: string, name: string, role?: string): Recipient {
  const detail = role ? `${name}, ${role}` : name;
  return { kind, id, name, label: `${RECIPIENT_NOUN[kind]} ${id} (${detail})`, facts: `${FACTS_LIST[kind]}[${id}]` };
}

export function marketsFor(offeredInTerritory: readonly string[], index: FlowIndex): Subject[] {
  return offeredInTerritory.map((m) => ({
    kind: 'market',
    id: m,
    label: `market ${m}`,
    data: index.flow.data,
    purposes: index.flow.purposes,
    vendors: index.flow.vendors,
    market: m,
  }));
}
