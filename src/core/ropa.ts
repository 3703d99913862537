// The record of processing activities (GDPR Art. 30), generated from the flow.
// Controller view (Art. 30(1)): one entry per purpose. Processor view
// (Art. 30(2)): one entry per processor vendor, the processing it carries out
// on the controller's behalf, so its own record can be checked against ours.
import { describeDuration, isDuration } from './duration.js';
import { countryOf } from './taxonomy.js';
import type { Flow, LawfulBasis, TransferSafeguard, Vendor } from './types.js';

export type RopaView = 'controller' | 'processor';

export interface RopaTransfer {
  /** vendor, affiliate or first-party system id */
  recipient: string;
  recipientName: string;
  country: string;
  /** e.g. "adequacy", "EU-US DPF", "SCCs (to confirm)" */
  safeguard: string;
}

export interface RopaRecipient {
  id: string;
  name: string;
  role: string;
  services: string[];
}

export interface RopaEntry {
  purpose: string;
  description: string | null;
  use: string;
  lawfulBasis: LawfulBasis | 'undecided';
  data: Array<{ id: string; category: string; retention: string }>;
  subjects: string[];
  recipients: RopaRecipient[];
  /** first-party systems the data is stored or processed in, with their regions */
  systems: Array<{ id: string; name: string; regions: string[] }>;
  transfers: RopaTransfer[];
  security: string[];
}

export interface RopaProcessorEntry {
  processor: RopaRecipient & { regions: string[]; certifications: string[] };
  purposes: string[];
  data: Array<{ id: string; category: string }>;
  transfers: RopaTransfer[];
  security: string[];
}

export interface Ropa {
  view: RopaView;
  controller: {
    name: string;
    establishedIn: string | null;
    euRepresentative: string | null;
    dpo: string | null;
  };
  game: { id: string; name: string };
  /** how the transfer safeguards were decided */
  basis: { eea: string[]; adequate: string[]; adequateKnown: boolean; ownSystemsAreTransfers: boolean };
  entries: RopaEntry[];
  processors: RopaProcessorEntry[];
}

export interface RopaOptions {
  view?: RopaView;
  /** EEA countries (ISO 3166-1): transfers are regions outside these */
  eea: readonly string[];
  /** countries with an adequacy decision, when readable from the law's adequateCountries parameter */
  adequateCountries?: readonly string[];
  /** the law's transfer safeguards, in order (its recordOfProcessing); absent: each is to confirm */
  safeguards?: readonly TransferSafeguard[];
  /**
   * Whether the GDPR counts the studio's own systems abroad as transfers (the eu-gdpr pack's transferScope is
   * `export`). When not, as the pack reads Chapter V, they are listed under Systems with their regions, not as
   * transfers, like the checklist; their hosting provider's transfer is listed with the provider.
   */
  ownSystemsAreTransfers?: boolean;
}

function country(region: string): string {
  return countryOf(region);
}

export function describeRetention(value: string | undefined): string {
  if (!value) return 'not stated (to confirm)';
  if (value === 'account-lifetime') return 'for the life of the account';
  if (isDuration(value)) return value === 'P0D' ? 'not stored' : describeDuration(value);
  return value;
}

/** Without a law that declares its record of processing, nothing decides a transfer's safeguard. */
const UNDECIDED: readonly TransferSafeguard[] = [{ label: 'to confirm (no loaded law declares its record of processing)', citation: '' }];

/** The first of the law's safeguards whose conditions all hold for this country and recipient (the law's data, in order). */
export function safeguardFor(
  c: string,
  dpfCertified: boolean | undefined,
  adequate: ReadonlySet<string> | null,
  ladder: readonly TransferSafeguard[] = UNDECIDED,
): string {
  const holds = (s: TransferSafeguard) =>
    (s.adequate === undefined || adequate?.has(c) === true) &&
    (s.country === undefined || s.country === c) &&
    (s.dpfCertified === undefined || dpfCertified === true);
  return (ladder.find(holds) ?? ladder[ladder.length - 1]!).label;
}

function securityOf(v: Vendor): string {
  return v.certifications?.length ? `${v.name}: ${v.certifications.join(', ')}` : `${v.name}: no certification stated (to confirm)`;
}

/** A recipient's transfers out of the EEA (a vendor, an affiliate or a system, with the regions it processes in). */
function transfersOf(
  recipient: { id: string; name?: string; dpfCertified?: boolean },
  regions: readonly string[],
  eea: ReadonlySet<string>,
  adequate: ReadonlySet<string> | null,
  ladder?: readonly TransferSafeguard[],
): RopaTransfer[] {
  const recipientName = recipient.name ?? recipient.id;
  const countries = [...new Set(regions.map(country))].filter((c) => !eea.has(c)).sort();
  return countries.map((c) => ({
    recipient: recipient.id,
    recipientName,
    country: c,
    safeguard: safeguardFor(c, recipient.dpfCertified, adequate, ladder),
  }));
}

export function buildRopa(flow: Flow, options: RopaOptions): Ropa {
  const eea = new Set(options.eea);
  const adequate = options.adequateCountries ? new Set(options.adequateCountries) : null;
  const dataById = new Map(flow.data.map((d) => [d.id, d]));
  const vendorById = new Map(flow.vendors.map((v) => [v.id, v]));
  const systemById = new Map(flow.systems.map((s) => [s.id, s]));
  const affiliateById = new Map((flow.affiliates ?? []).map((a) => [a.id, a]));

  const entries: RopaEntry[] = flow.purposes.map((p) => {
    const flows = flow.flows.filter((f) => f.purpose === p.id);
    const dataIds = [...new Set([...p.data, ...flows.flatMap((f) => f.data)])];
    const data = dataIds.map((id) => {
      const d = dataById.get(id);
      return { id, category: d?.category ?? 'unknown', retention: describeRetention(d?.retention) };
    });
    const subjects = [...new Set(dataIds.flatMap((id) => dataById.get(id)?.subjects ?? []))].sort();
    const recipientIds = [...new Set(flows.flatMap((f) => [f.from, f.to]).filter((id) => vendorById.has(id)))];
    const vendors = recipientIds.map((id) => vendorById.get(id)!);
    const systemIds = [...new Set(flows.flatMap((f) => [f.from, f.to]).filter((id) => systemById.has(id)))];
    const systems = systemIds.map((id) => systemById.get(id)!);
    const affiliates = [...new Set(flows.flatMap((f) => [f.from, f.to]).filter((id) => affiliateById.has(id)))].map((id) => affiliateById.get(id)!);
    const transfers = [
      ...(options.ownSystemsAreTransfers
        ? systems.filter((s) => s.kind !== 'device').flatMap((s) => transfersOf(s, s.regions ?? [], eea, adequate, options.safeguards))
        : []),
      // another company of the group is another controller or processor: a transfer when abroad
      ...affiliates.flatMap((a) => transfersOf(a, a.regions ?? [a.establishedIn], eea, adequate, options.safeguards)),
      ...vendors.flatMap((v) => transfersOf(v, v.regions ?? [], eea, adequate, options.safeguards)),
    ];
    return {
      purpose: p.id,
      description: p.description ?? null,
      use: p.use,
      lawfulBasis: p.lawfulBasis ?? 'undecided',
      data,
      subjects,
      recipients: [
        ...affiliates.map((a) => ({ id: a.id, name: a.name, role: `group company, ${a.role}`, services: [] })),
        ...vendors.map((v) => ({ id: v.id, name: v.name, role: v.role, services: v.services })),
      ],
      systems: systems.map((s) => ({ id: s.id, name: s.name ?? s.id, regions: s.regions ?? [] })),
      transfers,
      security: vendors.map(securityOf),
    };
  });

  const processors: RopaProcessorEntry[] = flow.vendors
    .filter((v) => v.role === 'processor')
    .map((v) => {
      const flows = flow.flows.filter((f) => f.to === v.id || f.from === v.id);
      const dataIds = [...new Set(flows.flatMap((f) => f.data))];
      return {
        processor: { id: v.id, name: v.name, role: v.role, services: v.services, regions: v.regions ?? [], certifications: v.certifications ?? [] },
        purposes: [...new Set(flows.map((f) => f.purpose))],
        data: dataIds.map((id) => ({ id, category: dataById.get(id)?.category ?? 'unknown' })),
        transfers: transfersOf(v, v.regions ?? [], eea, adequate, options.safeguards),
        security: [securityOf(v)],
      };
    });
  // A company of the group processing for the controller keeps a processor's record too.
  for (const a of flow.affiliates ?? []) {
    if (a.role !== 'processor') continue;
    const flows = flow.flows.filter((f) => f.to === a.id || f.from === a.id);
    const regions = a.regions ?? [a.establishedIn];
    processors.push({
      processor: { id: a.id, name: a.name, role: 'group company, processor', services: [], regions, certifications: [] },
      purposes: [...new Set(flows.map((f) => f.purpose))],
      data: [...new Set(flows.flatMap((f) => f.data))].map((id) => ({ id, category: dataById.get(id)?.category ?? 'unknown' })),
      transfers: transfersOf(a, regions, eea, adequate, options.safeguards),
      security: [`${a.name}: no certification stated (to confirm)`],
    });
  }

  return {
    view: options.view ?? 'controller',
    controller: {
      name: flow.controller.name,
      establishedIn: flow.controller.establishedIn ?? null,
      euRepresentative: flow.controller.euRepresentative ?? null,
      dpo: flow.controller.dpo ?? null,
    },
    game: { id: flow.game.id, name: flow.game.name },
    basis: {
      eea: [...eea].sort(),
      adequate: adequate ? [...adequate].sort() : [],
      adequateKnown: adequate !== null,
      ownSystemsAreTransfers: options.ownSystemsAreTransfers ?? false,
    },
    entries,
    processors,
  };
}
