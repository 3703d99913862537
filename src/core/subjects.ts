// The things a rule can be evaluated over (its `for`), each with the data,
// purposes and vendor in its scope. Built once per flow, reused by every law.
import type { DataElement, Flow, ForKind, Purpose, Vendor } from './types.js';
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
  /** transfer destination country; null when the vendor's regions are not given */
  region?: string | null;
  market?: string;
}

export interface FlowIndex {
  flow: Flow;
  dataById: Map<string, DataElement>;
  purposeById: Map<string, Purpose>;
  vendorById: Map<string, Vendor>;
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
  const vendorDataIds = new Map<string, Set<string>>();
  const vendorPurposeIds = new Map<string, Set<string>>();
  for (const f of flow.flows) {
    for (const end of [f.from, f.to]) {
      if (!vendorById.has(end)) continue;
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
  const actsForStudio = (id: string) => systemIds.has(id) || vendorById.get(id)?.role === 'processor';
  const suppliers = new Set(
    flow.flows
      .filter((f) => vendorById.has(f.from) && f.to !== f.from && !actsForStudio(f.from) && actsForStudio(f.to))
      .map((f) => f.from),
  );
  const pick = <T>(ids: Iterable<string> | undefined, map: Map<string, T>): T[] =>
    ids ? [...ids].flatMap((id) => (map.has(id) ? [map.get(id)!] : [])) : [];
  const vendorData = new Map(flow.vendors.map((v) => [v.id, pick(vendorDataIds.get(v.id), dataById)]));
  const vendorPurposes = new Map(flow.vendors.map((v) => [v.id, pick(vendorPurposeIds.get(v.id), purposeById)]));

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
  return { flow, dataById, purposeById, vendorById, vendorData, vendorPurposes, suppliers, game, data, purposes, vendors, flows };
}

/**
 * Transfers for one law: each vendor that receives data, once per region
 * outside the law's territory. A vendor whose regions are not given yields
 * one transfer with an unknown region, so the question is asked, not dropped.
 */
export function transfersFor(index: FlowIndex, territoryCountries: ReadonlySet<string>, tax: Taxonomy): Subject[] {
  const out: Subject[] = [];
  for (const v of index.flow.vendors) {
    const data = index.vendorData.get(v.id) ?? [];
    if (data.length === 0) continue;
    const base = { kind: 'transfer' as const, data, purposes: index.vendorPurposes.get(v.id) ?? [], vendors: [v], vendor: v };
    if (!v.regions || v.regions.length === 0) {
      out.push({ ...base, id: `${v.id}@unknown`, label: `vendor ${v.id} (${v.name}), regions not given`, region: null });
      continue;
    }
    const countries = [...tax.markets.countriesOf(v.regions)].filter((c) => !territoryCountries.has(c)).sort();
    for (const c of countries)
      out.push({ ...base, id: `${v.id}@${c}`, label: `vendor ${v.id} (${v.name}) processes data in ${c}`, region: c });
  }
  return out;
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

