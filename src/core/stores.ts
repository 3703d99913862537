// The app stores' privacy forms answered from the flow: Google Play's Data
// safety section and Apple's App Privacy details. The mapping from complyflow's
// taxonomy to each store's data types and purposes is data (stores/*.yaml);
// this module applies each store's definitions of "collected", "shared",
// "ephemeral", "linked" and "tracking" to the flow's data, purposes, vendors and
// flows. Every answer names the data elements, purposes and vendors that led to
// it, and what the flow cannot decide is listed as "to confirm" with the
// missing fact. Pure: the caller loads the mappings.
import type { Flow, Vendor } from './types.js';

export type StoreId = 'play' | 'apple';
export type Verification = 'verified' | 'secondary' | 'unverified';

export interface StoreDefinition {
  text: string;
  verification: Verification;
  note?: string;
}

export interface StoreQuestion {
  id: string;
  requirement: string;
  label?: string;
}

/** The Play Console CSV layout: kept in one place, the mapping file. */
export interface PlayCsvLayout {
  verification: Verification;
  note: string;
  columns: string[];
  values: { yes: string; no: string; unanswered: string };
  requirements: string[];
  questions: {
    collectsOrShares: StoreQuestion;
    encryptedInTransit: StoreQuestion;
    usagePrefix: string;
    collectionAndSharing: { id: string; collected: string; shared: string; requirement: string };
    ephemeral: StoreQuestion;
    userControl: { id: string; optional: string; required: string; requirement: string };
    collectionPurpose: StoreQuestion;
    sharingPurpose: StoreQuestion;
  };
}

export interface StoreMapping {
  store: StoreId;
  name: string;
  /** the game platform (game.platforms) the store serves */
  platform: 'android' | 'ios';
  lastReviewed: string;
  sources: Array<{ title: string; url: string }>;
  definitions: Record<string, StoreDefinition>;
  csv?: PlayCsvLayout;
  purposes: Array<{ id: string; name: string; uses: string[]; confirmFor?: string[] }>;
  /** uses whose transfers are for legal purposes (not "sharing" on Google Play) */
  legalUses?: string[];
  /** uses that make data reaching a vendor other than a processor "used to track" (Apple) */
  trackingUses?: string[];
  dataTypes: Array<{ id: string; group?: string; category: string; name: string; categories: string[]; confirmFor?: string[]; noCategory?: string }>;
  notes?: string[];
}

/** What led to an answer, as ids from the flow. */
export interface Trace {
  data: string[];
  purposes: string[];
  vendors: string[];
}

/** An answer the flow cannot decide: the fact that would decide it, and the question to ask. */
export interface ToConfirm {
  fact: string;
  question: string;
}

export interface PurposeAnswer {
  id: string;
  name: string;
  /** the flow's purposes that led to it */
  from: string[];
}

export interface RecipientAnswer {
  vendor: string;
  name: string;
  role: string;
  /** true: shared (Play) / used to track (Apple); false: not; null: to confirm */
  value: boolean | null;
  why: string;
}

export interface PlayDataAnswer {
  id: string;
  group: string;
  category: string;
  name: string;
  collected: boolean | null;
  shared: boolean | null;
  ephemeral: boolean | null;
  /** true: users can choose; false: required; null: to confirm */
  optional: boolean | null;
  collectionPurposes: PurposeAnswer[];
  sharingPurposes: PurposeAnswer[];
  recipients: RecipientAnswer[];
  trace: Trace;
  reasons: string[];
  toConfirm: ToConfirm[];
}

export interface AppleDataAnswer {
  id: string;
  category: string;
  name: string;
  collected: boolean | null;
  purposes: PurposeAnswer[];
  linked: boolean;
  tracking: boolean | null;
  recipients: RecipientAnswer[];
  trace: Trace;
  reasons: string[];
  toConfirm: ToConfirm[];
}

interface StoreSheetBase {
  name: string;
  lastReviewed: string;
  sources: Array<{ title: string; url: string }>;
  definitions: Record<string, StoreDefinition>;
  notes: string[];
  /** game-level questions the flow cannot decide */
  toConfirm: ToConfirm[];
}

export interface PlayAnswers extends StoreSheetBase {
  store: 'play';
  collectsOrShares: boolean;
  /** the flow has no fact for encryption in transit: always to confirm */
  encryptedInTransit: null;
  /** players can create an account: Play asks for an in-app path and a web link to delete it */
  accountCreation: { value: boolean; trace: Trace };
  dataTypes: PlayDataAnswer[];
  csv?: { verification: Verification; note: string };
}

export interface AppleAnswers extends StoreSheetBase {
  store: 'apple';
  collectsData: boolean;
  tracking: boolean | null;
  dataTypes: AppleDataAnswer[];
}

export type StoreAnswers = PlayAnswers | AppleAnswers;

export interface StoresReport {
  game: { id: string; name: string; platforms: string[] | null };
  stores: StoreAnswers[];
}

const STORE_OF_PLATFORM: Readonly<Record<string, StoreId>> = { android: 'play', ios: 'apple' };

/** The stores a flow's platforms call for, in a fixed order; null when the flow does not list its platforms. */
export function storesForPlatforms(platforms: readonly string[] | undefined): StoreId[] | null {
  if (platforms === undefined) return null;
  const out = new Set(platforms.map((p) => STORE_OF_PLATFORM[p]).filter((s): s is StoreId => s !== undefined));
  return (['play', 'apple'] as const).filter((s) => out.has(s));
}

/** The entry of the longest listed prefix of a dotted key (`a.b.c` tries a.b.c, a.b, a). */
function longestPrefix<T>(key: string, table: ReadonlyMap<string, T>): { entry: T; prefix: string } | undefined {
  for (let k = key; ;) {
    const entry = table.get(k);
    if (entry !== undefined) return { entry, prefix: k };
    const dot = k.lastIndexOf('.');
    if (dot < 0) return undefined;
    k = k.slice(0, dot);
  }
}

const under = (key: string, prefixes: readonly string[]) => prefixes.some((p) => key === p || key.startsWith(p + '.'));

export type DataTypeEntry = StoreMapping['dataTypes'][number];
export type StorePurposeEntry = StoreMapping['purposes'][number];

/** The store data type a complyflow data category answers as, and whether that is a closest fit to confirm. */
export function dataTypeOf(mapping: StoreMapping, category: string): { type: DataTypeEntry; confirm: boolean } | undefined {
  const table = new Map<string, DataTypeEntry>();
  for (const t of mapping.dataTypes) for (const c of t.categories) table.set(c, t);
  const hit = longestPrefix(category, table);
  return hit && { type: hit.entry, confirm: (hit.entry.confirmFor ?? []).includes(hit.prefix) };
}

/** The store purpose a complyflow data use answers as, and whether that is a closest fit to confirm. */
export function purposeOf(mapping: StoreMapping, use: string): { purpose: StorePurposeEntry; confirm: boolean } | undefined {
  const table = new Map<string, StorePurposeEntry>();
  for (const p of mapping.purposes) for (const u of p.uses) table.set(u, p);
  const hit = longestPrefix(use, table);
  return hit && { purpose: hit.entry, confirm: (hit.entry.confirmFor ?? []).includes(hit.prefix) };
}

// ---------------------------------------------------------------- facts about each data element

interface Delivery {
  vendor: Vendor;
  purpose: Flow['purposes'][number];
}

interface ElementFacts {
  id: string;
  category: string;
  retention: string | undefined;
  /** true: some flow carries it off the device; false: flows keep it on devices; null: no flow says */
  offDevice: boolean | null;
  purposes: Flow['purposes'];
  deliveries: Delivery[];
}

function elementFacts(flow: Flow): ElementFacts[] {
  const deviceSystems = new Set(flow.systems.filter((s) => s.kind === 'device').map((s) => s.id));
  const vendorById = new Map(flow.vendors.map((v) => [v.id, v]));
  const purposeById = new Map(flow.purposes.map((p) => [p.id, p]));
  return flow.data.map((d) => {
    const flows = flow.flows.filter((f) => f.data.includes(d.id));
    const offDevice = flows.length === 0 ? null : flows.some((f) => !deviceSystems.has(f.to));
    const purposeIds = new Set([...flow.purposes.filter((p) => p.data.includes(d.id)).map((p) => p.id), ...flows.map((f) => f.purpose)]);
    const purposes = flow.purposes.filter((p) => purposeIds.has(p.id));
    const deliveries: Delivery[] = [];
    for (const f of flows) {
      const vendor = vendorById.get(f.to);
      const purpose = purposeById.get(f.purpose);
      if (vendor && purpose && !deliveries.some((x) => x.vendor.id === vendor.id && x.purpose.id === purpose.id)) deliveries.push({ vendor, purpose });
    }
    return { id: d.id, category: d.category, retention: d.retention, offDevice, purposes, deliveries };
  });
}

// ---------------------------------------------------------------- aggregation helpers

/** Any true → true; else any unknown → null; else false. */
function anyOf(values: ReadonlyArray<boolean | null>): boolean | null {
  if (values.includes(true)) return true;
  return values.includes(null) ? null : false;
}

/** All true → true; any false → false; else null. */
function allOf(values: ReadonlyArray<boolean | null>): boolean | null {
  if (values.includes(false)) return false;
  return values.length > 0 && values.every((v) => v === true) ? true : null;
}

const uniq = (xs: Iterable<string>) => [...new Set(xs)];

function purposeAnswers(mapping: StoreMapping, pairs: ReadonlyArray<{ use: string; from: string }>, confirm: ToConfirm[]): PurposeAnswer[] {
  const byId = new Map<string, PurposeAnswer>();
  for (const { use, from } of pairs) {
    const hit = purposeOf(mapping, use);
    if (!hit) {
      confirm.push({ fact: `purposes[${from}].use`, question: `Which ${mapping.name} purpose is "${from}" (${use})? The mapping has none.` });
      continue;
    }
    if (hit.confirm)
      confirm.push({
        fact: `purposes[${from}].use`,
        question: `"${from}" (${use}) is answered as "${hit.purpose.name}", the closest ${mapping.name} purpose: confirm.`,
      });
    const a = byId.get(hit.purpose.id) ?? { id: hit.purpose.id, name: hit.purpose.name, from: [] };
    if (!a.from.includes(from)) a.from.push(from);
    byId.set(hit.purpose.id, a);
  }
  // the store's own order
  return mapping.purposes.map((p) => byId.get(p.id)).filter((a): a is PurposeAnswer => a !== undefined);
}

function dedupeConfirm(items: ToConfirm[]): ToConfirm[] {
  const seen = new Set<string>();
  return items.filter((c) => {
    const k = `${c.fact}\u0000${c.question}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Group the flow's data elements by the store data type they answer as, in the mapping's order. */
function byDataType(mapping: StoreMapping, facts: ElementFacts[]): Array<{ type: DataTypeEntry; elements: ElementFacts[]; confirm: ToConfirm[] }> {
  const groups = new Map<string, { type: DataTypeEntry; elements: ElementFacts[]; confirm: ToConfirm[] }>();
  for (const e of facts) {
    const hit = dataTypeOf(mapping, e.category);
    if (!hit) continue;
    const g = groups.get(hit.type.id) ?? { type: hit.type, elements: [], confirm: [] };
    g.elements.push(e);
    if (hit.confirm)
      g.confirm.push({
        fact: `data[${e.id}].category`,
        question: `"${e.id}" (${e.category}) is answered as "${hit.type.name}", the closest ${mapping.name} data type: confirm.`,
      });
    groups.set(hit.type.id, g);
  }
  return mapping.dataTypes.map((t) => groups.get(t.id)).filter((g): g is NonNullable<typeof g> => g !== undefined);
}

const isProcessor = (v: Vendor) => v.role === 'processor';

// ---------------------------------------------------------------- Google Play

/** Google's "shared": a transfer to a third party, unless to a service provider, for legal purposes or user-initiated. */
function playShare(mapping: StoreMapping, d: Delivery): { value: boolean | null; why: string } {
  const { vendor: v, purpose: p } = d;
  if (isProcessor(v)) return { value: false, why: `${v.name} is a processor: a service provider acting for the studio (not sharing)` };
  if (under(p.use, mapping.legalUses ?? [])) return { value: false, why: `transferred for legal purposes (${p.use}): not sharing` };
  if (v.role === 'third-party') return { value: true, why: `${v.name} is a third party` };
  if (v.sellsOrShares) return { value: true, why: `${v.name} (${v.role}) uses the data for its own purposes` };
  if (under(p.use, ['marketing', 'sales', 'third_party_sharing'])) return { value: true, why: `${v.name} (${v.role}) receives it for ${p.use}` };
  return { value: null, why: `${v.name} is an independent ${v.role}: shared unless the player initiates the transfer or the law requires it` };
}

function playElementEphemeral(e: ElementFacts): { value: boolean | null; why?: string } {
  const profiling = e.purposes.find((p) => under(p.use, ['marketing.advertising', 'personalize.content.profiled', 'personalize.content.profiling']));
  if (profiling) return { value: false, why: `"${e.id}" is used for ${profiling.use} (profiles are never ephemeral)` };
  if (e.retention === undefined) return { value: null };
  if (e.retention === 'P0D') return { value: true, why: `"${e.id}" is not stored (retention P0D)` };
  return { value: false, why: `"${e.id}" is kept (retention ${e.retention})` };
}

/** Required when a purpose is essential to the service; optional when every purpose relies on consent. */
function elementOptional(e: ElementFacts): { value: boolean | null; why?: string } {
  const essential = e.purposes.find((p) => under(p.use, ['essential']));
  if (essential) return { value: false, why: `"${e.id}" is needed for ${essential.id} (${essential.use})` };
  if (e.purposes.length > 0 && e.purposes.every((p) => p.lawfulBasis === 'consent'))
    return { value: true, why: `every purpose of "${e.id}" relies on consent, which the player can refuse` };
  return { value: null };
}

function playAnswers(flow: Flow, mapping: StoreMapping, facts: ElementFacts[]): PlayAnswers {
  const dataTypes: PlayDataAnswer[] = [];
  for (const { type, elements, confirm } of byDataType(mapping, facts)) {
    const toConfirm: ToConfirm[] = [...confirm];
    const reasons: string[] = [];
    const live = elements.filter((e) => e.offDevice !== false);
    if (live.length === 0) continue; // processed only on the device: not collected, not in the form
    for (const e of live)
      if (e.offDevice === null)
        toConfirm.push({
          fact: `data[${e.id}].onDeviceOnly`,
          question: `Is "${e.id}" processed only on the device? No flow carries it (if it never leaves the device, it is not collected).`,
        });
      else
        reasons.push(
          `"${e.id}" leaves the device (${flow.flows
            .filter((f) => f.data.includes(e.id))
            .map((f) => `${f.from} → ${f.to}`)
            .filter((x, i, a) => a.indexOf(x) === i)
            .join(', ')})`,
        );

    const recipients: RecipientAnswer[] = [];
    const sharingPairs: Array<{ use: string; from: string }> = [];
    for (const e of live)
      for (const d of e.deliveries) {
        const s = playShare(mapping, d);
        if (!recipients.some((r) => r.vendor === d.vendor.id && r.why === s.why))
          recipients.push({ vendor: d.vendor.id, name: d.vendor.name, role: d.vendor.role, value: s.value, why: s.why });
        if (s.value === true) sharingPairs.push({ use: d.purpose.use, from: d.purpose.id });
        if (s.value === null)
          toConfirm.push({
            fact: `vendors[${d.vendor.id}].userInitiated`,
            question: `Is the transfer of "${e.id}" to ${d.vendor.name} for ${d.purpose.id} initiated by the player, or required by law? If neither, it is shared.`,
          });
      }

    const eph = live.map(playElementEphemeral);
    for (const [i, x] of eph.entries())
      if (x.value === null)
        toConfirm.push({
          fact: `data[${live[i]!.id}].retention`,
          question: `Is "${live[i]!.id}" held only in memory to serve a request in real time (ephemeral)? The flow gives no retention.`,
        });
      else if (x.why) reasons.push(x.why);
    const opt = live.map(elementOptional);
    for (const [i, x] of opt.entries())
      if (x.value === null)
        toConfirm.push({
          fact: `data[${live[i]!.id}].optional`,
          question: `Can players choose whether "${live[i]!.id}" is collected (optional), or does the game need it (required)?`,
        });
      else if (x.why) reasons.push(x.why);

    const collectionPairs = live.flatMap((e) => e.purposes.map((p) => ({ use: p.use, from: p.id })));
    const collected = anyOf(live.map((e) => e.offDevice));
    const shared = anyOf(recipients.map((r) => r.value));
    dataTypes.push({
      id: type.id,
      group: type.group ?? '',
      category: type.category,
      name: type.name,
      collected,
      shared,
      ephemeral: allOf(eph.map((x) => x.value)),
      optional: allOf(opt.map((x) => x.value)),
      collectionPurposes: purposeAnswers(mapping, collectionPairs, toConfirm),
      sharingPurposes: purposeAnswers(mapping, sharingPairs, toConfirm),
      recipients: recipients.sort((a, b) => a.vendor.localeCompare(b.vendor) || a.why.localeCompare(b.why)),
      trace: {
        data: live.map((e) => e.id),
        purposes: uniq(live.flatMap((e) => e.purposes.map((p) => p.id))),
        vendors: uniq(recipients.map((r) => r.vendor)),
      },
      reasons: uniq(reasons),
      toConfirm: dedupeConfirm(toConfirm),
    });
  }
  const accountData = flow.data.filter((d) => under(d.category, ['user.account']));
  const authPurposes = flow.purposes.filter((p) => under(p.use, ['essential.service.authentication']));
  const accountCreation = accountData.length > 0 || authPurposes.length > 0;
  const gameConfirm: ToConfirm[] = [
    { fact: 'security.encryptionInTransit', question: 'Is all user data the game collects encrypted in transit? The flow does not say.' },
  ];
  if (accountCreation)
    gameConfirm.push({
      fact: 'accountDeletion.url',
      question: 'Players can create an account: give the in-app path and the web link where they can request deletion of the account and its data.',
    });
  else gameConfirm.push({ fact: 'accountDeletion.dataDeletion', question: 'Do you provide a way for players to request that their data is deleted?' });
  return {
    store: 'play',
    name: mapping.name,
    lastReviewed: mapping.lastReviewed,
    sources: mapping.sources,
    definitions: mapping.definitions,
    notes: mapping.notes ?? [],
    collectsOrShares: dataTypes.some((t) => t.collected === true || t.shared === true),
    encryptedInTransit: null,
    accountCreation: {
      value: accountCreation,
      trace: { data: accountData.map((d) => d.id), purposes: authPurposes.map((p) => p.id), vendors: [] },
    },
    dataTypes,
    toConfirm: gameConfirm,
    ...(mapping.csv ? { csv: { verification: mapping.csv.verification, note: mapping.csv.note } } : {}),
  };
}

// ---------------------------------------------------------------- Apple

/** Apple's "tracking": linked with third-party data for targeted ads or ad measurement, or given to a data broker. */
function appleTracking(mapping: StoreMapping, d: Delivery): { value: boolean | null; why: string } {
  const { vendor: v, purpose: p } = d;
  if (isProcessor(v)) return { value: false, why: `${v.name} is a processor acting for the studio` };
  if (under(p.use, mapping.trackingUses ?? [])) return { value: true, why: `${v.name} (${v.role}) receives it for ${p.use}` };
  if (v.sellsOrShares) return { value: true, why: `${v.name} (${v.role}) uses the data for its own purposes` };
  if (under(p.use, ['marketing.advertising']))
    return { value: null, why: `${v.name} (${v.role}) receives it for ${p.use}: tracking if it links it with other companies' data` };
  if (v.sellsOrShares === undefined)
    return { value: null, why: `${v.name} (${v.role}) receives it for ${p.use}: whether it uses the data for its own purposes is not given` };
  return { value: false, why: `${v.name} (${v.role}) receives it for ${p.use} and does not use it for its own purposes` };
}

function appleAnswers(mapping: StoreMapping, facts: ElementFacts[]): AppleAnswers {
  const dataTypes: AppleDataAnswer[] = [];
  for (const { type, elements, confirm } of byDataType(mapping, facts)) {
    const toConfirm: ToConfirm[] = [...confirm];
    const reasons: string[] = [];
    const live = elements.filter((e) => e.offDevice !== false);
    if (live.length === 0) continue;
    const collectedOf = (e: ElementFacts): boolean | null => {
      if (e.offDevice === null) {
        toConfirm.push({
          fact: `data[${e.id}].onDeviceOnly`,
          question: `Is "${e.id}" processed only on the device? No flow carries it (if it never leaves the device, it is not collected).`,
        });
        return null;
      }
      if (e.retention === 'P0D') {
        toConfirm.push({
          fact: `data[${e.id}].realTimeOnly`,
          question: `"${e.id}" is not stored (retention P0D): is it sent off the device only to serve a request in real time? Then Apple does not count it as collected.`,
        });
        return null;
      }
      reasons.push(`"${e.id}" leaves the device and is kept${e.retention ? ` (retention ${e.retention})` : ''}`);
      return true;
    };
    const collected = anyOf(live.map(collectedOf));
    const recipients: RecipientAnswer[] = [];
    for (const e of live)
      for (const d of e.deliveries) {
        const t = appleTracking(mapping, d);
        if (!recipients.some((r) => r.vendor === d.vendor.id && r.why === t.why))
          recipients.push({ vendor: d.vendor.id, name: d.vendor.name, role: d.vendor.role, value: t.value, why: t.why });
        if (t.value === null)
          toConfirm.push(
            d.vendor.sellsOrShares === undefined && !under(d.purpose.use, ['marketing.advertising'])
              ? {
                  fact: `vendors[${d.vendor.id}].sellsOrShares`,
                  question: `Does ${d.vendor.name} use "${e.id}" for its own purposes (linking it with other companies' data, or selling it)?`,
                }
              : {
                  fact: `vendors[${d.vendor.id}].linksThirdPartyData`,
                  question: `Does ${d.vendor.name} link "${e.id}" with data from other companies' apps or websites, or pass it to a data broker?`,
                },
          );
      }
    dataTypes.push({
      id: type.id,
      category: type.category,
      name: type.name,
      collected,
      purposes: purposeAnswers(
        mapping,
        live.flatMap((e) => e.purposes.map((p) => ({ use: p.use, from: p.id }))),
        toConfirm,
      ),
      linked: true,
      tracking: anyOf(recipients.map((r) => r.value)),
      recipients: recipients.sort((a, b) => a.vendor.localeCompare(b.vendor) || a.why.localeCompare(b.why)),
      trace: {
        data: live.map((e) => e.id),
        purposes: uniq(live.flatMap((e) => e.purposes.map((p) => p.id))),
        vendors: uniq(recipients.map((r) => r.vendor)),
      },
      reasons: uniq([...reasons, 'linked: the flow records no de-identification before collection']),
      toConfirm: dedupeConfirm(toConfirm),
    });
  }
  return {
    store: 'apple',
    name: mapping.name,
    lastReviewed: mapping.lastReviewed,
    sources: mapping.sources,
    definitions: mapping.definitions,
    notes: mapping.notes ?? [],
    collectsData: dataTypes.some((t) => t.collected === true),
    tracking: anyOf(dataTypes.map((t) => t.tracking)),
    dataTypes,
    toConfirm: [],
  };
}

/** Both stores' answers (or those asked for) from one flow. */
export function storeAnswers(flow: Flow, mappings: readonly StoreMapping[], stores: readonly StoreId[]): StoresReport {
  const facts = elementFacts(flow);
  const out: StoreAnswers[] = [];
  for (const s of stores) {
    const mapping = mappings.find((m) => m.store === s);
    if (!mapping) throw new Error(`no mapping for store ${s}`);
    out.push(s === 'play' ? playAnswers(flow, mapping, facts) : appleAnswers(mapping, facts));
  }
  return { game: { id: flow.game.id, name: flow.game.name, platforms: flow.game.platforms ?? null }, stores: out };
}

// ---------------------------------------------------------------- diff of two runs

export interface StoreAnswerChange {
  store: StoreId;
  /** the store's data type id, or "app" for the form-level answers */
  dataType: string;
  name: string;
  change: 'added' | 'removed' | 'changed';
  fields: Array<{ field: string; from: string; to: string }>;
}

export interface StoresDiff {
  game: { id: string; name: string };
  storesAdded: StoreId[];
  storesRemoved: StoreId[];
  changes: StoreAnswerChange[];
}

const shown = (v: unknown): string =>
  v === null || v === undefined ? 'to confirm' : Array.isArray(v) ? v.join(', ') || 'none' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);

/** The answers a store asks for, per data type, as comparable text. */
function comparable(s: StoreAnswers): Map<string, { name: string; fields: Record<string, string> }> {
  const out = new Map<string, { name: string; fields: Record<string, string> }>();
  if (s.store === 'play') {
    out.set('app', { name: 'the app', fields: { collectsOrShares: shown(s.collectsOrShares), accountCreation: shown(s.accountCreation.value) } });
    for (const t of s.dataTypes)
      out.set(t.id, {
        name: `${t.category} / ${t.name}`,
        fields: {
          collected: shown(t.collected),
          shared: shown(t.shared),
          ephemeral: shown(t.ephemeral),
          optional: shown(t.optional),
          collectionPurposes: shown(t.collectionPurposes.map((p) => p.name)),
          sharingPurposes: shown(t.sharingPurposes.map((p) => p.name)),
        },
      });
  } else {
    out.set('app', { name: 'the app', fields: { collectsData: shown(s.collectsData), tracking: shown(s.tracking) } });
    for (const t of s.dataTypes)
      out.set(t.id, {
        name: `${t.category} / ${t.name}`,
        fields: { collected: shown(t.collected), purposes: shown(t.purposes.map((p) => p.name)), linked: shown(t.linked), tracking: shown(t.tracking) },
      });
  }
  return out;
}

/** What changed in the store answers between two runs of `stores --format json`. */
export function diffStoreAnswers(before: StoresReport, after: StoresReport): StoresDiff {
  const ids = (r: StoresReport) => r.stores.map((s) => s.store);
  const changes: StoreAnswerChange[] = [];
  for (const s of after.stores) {
    const old = before.stores.find((o) => o.store === s.store);
    if (!old) continue;
    const a = comparable(old);
    const b = comparable(s);
    for (const [id, x] of b) {
      const y = a.get(id);
      if (!y) {
        changes.push({
          store: s.store,
          dataType: id,
          name: x.name,
          change: 'added',
          fields: Object.entries(x.fields).map(([field, to]) => ({ field, from: '', to })),
        });
        continue;
      }
      const fields = Object.keys(x.fields)
        .filter((f) => x.fields[f] !== y.fields[f])
        .map((field) => ({ field, from: y.fields[field] ?? '', to: x.fields[field]! }));
      if (fields.length) changes.push({ store: s.store, dataType: id, name: x.name, change: 'changed', fields });
    }
    for (const [id, y] of a)
      if (!b.has(id))
        changes.push({
          store: s.store,
          dataType: id,
          name: y.name,
          change: 'removed',
          fields: Object.entries(y.fields).map(([field, from]) => ({ field, from, to: '' })),
        });
  }
  return {
    game: { id: after.game.id, name: after.game.name },
    storesAdded: ids(after).filter((s) => !ids(before).includes(s)),
    storesRemoved: ids(before).filter((s) => !ids(after).includes(s)),
    changes,
  };
}
