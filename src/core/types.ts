// The shapes that flow through the pipeline. Input shapes mirror the JSON
// Schemas in schemas/; the schemas are the source of truth for validation.

/** A problem with an input, located by file and JSON pointer (line/column filled in by the loader). */
export interface Issue {
  file: string;
  pointer: string;
  line?: number;
  column?: number;
  message: string;
  hint?: string;
}

// ---------------------------------------------------------------- flow (v1)

export type ChildDirected = 'no' | 'mixed' | 'primary';
export type AgeGate = 'none' | 'neutral' | 'verified';
export type VendorRole = 'processor' | 'controller' | 'joint-controller' | 'third-party';
export type LawfulBasis =
  | 'consent'
  | 'contract'
  | 'legal-obligation'
  | 'vital-interests'
  | 'public-task'
  | 'legitimate-interests'
  /** UK GDPR Art. 6(1)(ea), from 2026-02-05: a UK basis only */
  | 'recognised-legitimate-interests';

export interface Flow {
  version: 1;
  game: { id: string; name: string; platforms?: string[] };
  controller: {
    name: string;
    establishedIn?: string;
    annualRevenueUsd?: number;
    employees?: number;
    smallBusiness?: boolean;
    revenueShareFromDataSales?: number;
    euRepresentative?: string | null;
    ukRepresentative?: string | null;
    dpo?: string | null;
  };
  /** other companies of the controller's group that handle players' data */
  affiliates?: Affiliate[];
  markets: Array<{ code: string; players?: number }>;
  /** what players can do (keys of taxonomy/features.yaml); omitted = unknown, [] = none */
  features?: string[];
  audience: {
    minimumAge?: number;
    childDirected?: ChildDirected;
    ageGate?: AgeGate;
    knownChildren?: boolean;
  };
  data: Array<{
    id: string;
    category: string;
    subjects: string[];
    retention?: string;
    description?: string;
  }>;
  systems: Array<{ id: string; name?: string; kind?: 'server' | 'device' | 'service'; regions?: string[] }>;
  vendors: Array<{
    id: string;
    name: string;
    role: VendorRole;
    services: string[];
    regions?: string[];
    dpfCertified?: boolean;
    certifications?: string[];
    sellsOrShares?: boolean;
  }>;
  purposes: Array<{
    id: string;
    use: string;
    data: string[];
    lawfulBasis?: LawfulBasis;
    description?: string;
    automatedDecisions?: boolean;
  }>;
  flows: Array<{ id?: string; from: string; to: string; data: string[]; purpose: string }>;
}

export type AffiliateRole = 'joint-controller' | 'processor' | 'recipient';

export interface Affiliate {
  id: string;
  name: string;
  establishedIn: string;
  role: AffiliateRole;
  /** where it processes the data; its country of establishment when not given */
  regions?: string[];
  dpfCertified?: boolean;
  description?: string;
}

export type DataElement = Flow['data'][number];
export type Vendor = Flow['vendors'][number];
export type Purpose = Flow['purposes'][number];
export type DataFlow = Flow['flows'][number];
export type System = Flow['systems'][number];

// ---------------------------------------------------------------- taxonomies

export interface TaxonomyEntry {
  key: string;
  name: string;
  description?: string;
  /** the fideslang key this entry reuses, when it exists there */
  fideslang?: boolean;
  /** for the `child` subject: the age it lies below (the flow format's definition) */
  below?: number;
}

export interface MarketEntry {
  code: string;
  name: string;
  /** for aliases (EU, EEA, US, SEA): the codes they stand for */
  members?: string[];
  /** alternative spellings accepted in input, e.g. UK for GB */
  aliases?: string[];
}

/** What players can do in a game (taxonomy/features.yaml). */
export interface FeatureEntry extends TaxonomyEntry {
  /** data categories whose presence suggests the feature (used in hints only) */
  hints?: string[];
}

export interface Taxonomies {
  categories: TaxonomyEntry[];
  features: FeatureEntry[];
  uses: TaxonomyEntry[];
  subjects: TaxonomyEntry[];
  services: TaxonomyEntry[];
  roles: TaxonomyEntry[];
  markets: MarketEntry[];
}

// ---------------------------------------------------------------- rule packs

export type Severity = 'critical' | 'high' | 'medium' | 'low';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

export type { Topic } from './generated/topics.js';
import type { Topic } from './generated/topics.js';

export type ForKind = 'game' | 'market' | 'data' | 'purpose' | 'vendor' | 'flow' | 'transfer';
export type Verification = 'verified' | 'secondary' | 'unverified';

/** A numeric operand: a literal or a reference to a law parameter. */
export type NumberRef = number | { param: string };
/** A list operand: literal keys/codes or a reference to a list parameter. */
export type ListRef = string[] | { param: string };

export interface Comparison {
  gt?: NumberRef;
  gte?: NumberRef;
  lt?: NumberRef;
  lte?: NumberRef;
}

/** A rule's condition: combinators, a named condition, or one predicate (src/core/conditions/registry.ts). */
export type Condition = { ref: string } | { all: Condition[] } | { any: Condition[] } | { not: Condition } | LeafCondition;
import type { LeafCondition } from './conditions/registry.js';

export interface ControllerPredicate {
  annualRevenueUsd?: Comparison;
  employees?: Comparison;
  revenueShareFromDataSales?: Comparison;
  smallBusiness?: boolean;
  establishedIn?: ListRef;
  hasEuRepresentative?: boolean;
  hasUkRepresentative?: boolean;
  hasDpo?: boolean;
}

export interface AudiencePredicate {
  /** the terms admit players younger than this age */
  admitsUnder?: NumberRef;
  childDirected?: ChildDirected[];
  ageGate?: AgeGate[];
  knownChildren?: boolean;
  /**
   * The studio actually knows that some players are younger than this age: an age gate that asks the
   * age (neutral or verified) tells it each player's age, so this holds whenever the terms admit them.
   */
  knowsPlayersUnder?: NumberRef;
}

export interface DataPredicate {
  category?: ListRef;
  subjects?: ListRef;
  /** retention is stated (true) or missing (false) */
  retentionStated?: boolean;
}

export interface VendorPredicate {
  role?: VendorRole[];
  services?: ListRef;
  dpfCertified?: boolean;
  sellsOrShares?: boolean;
  /** some flow brings data from the vendor to the studio (to its systems or its processors) */
  suppliesData?: boolean;
}

export interface Deadline {
  within: string;
  from: string;
  to: string;
}

export interface Citation {
  /** the exact reference as it appears in the checklist, e.g. "GDPR Art. 28(3)" */
  text: string;
  url?: string;
}

export interface Rule {
  id: string;
  title: string;
  citation: string;
  url?: string;
  topic: Topic;
  severity: Severity;
  for: ForKind;
  /** 'one': a single item for the game when any subject matches (default 'each': an item per matching subject) */
  items?: 'each' | 'one';
  when: Condition;
  action: string;
  evidence: string[];
  deadline?: Deadline;
  inForce?: string;
  /** first date the provision no longer applies (sunset, repeal) */
  until?: string;
  /** 'territory': applies regardless of the law's size thresholds, wherever the game is offered in its territory */
  scope?: 'law' | 'territory';
  verification?: Verification;
  /** where the provision was read: official text, date read, pinpoint */
  source?: EvidenceSource | EvidenceSource[];
  /** what the provision says on each fact the rule relies on, in our words */
  reads?: string;
  note?: string;
  notModelled?: NotModelled[];
  questions?: string[];
  /** `when` as the pack wrote it, when it refers to named conditions (`when` is then their expansion) */
  whenAsWritten?: Condition;
  /** whether the law accepts work done for another law for this duty (absent: it does, for the work plan) */
  reuse?: { allowed: boolean; citation: string; note?: string };
}

/** Where a fact was read: the official text's deep URL, the date it was read and the exact provision. */
export interface EvidenceSource {
  url: string;
  read: string;
  pinpoint: string;
}

export interface ParameterDecl {
  type: 'integer' | 'number' | 'list' | 'date' | 'string';
  value: number | string | string[];
  description: string;
  citation?: string;
  /** how values from several markets of one law combine: the strictest wins */
  combine?: 'max' | 'min' | 'union';
  /** values that change over time; the latest entry on or before the as-of date wins */
  schedule?: Array<{ from: string; value: number | string | string[]; citation?: string; source?: EvidenceSource | EvidenceSource[] }>;
  source?: EvidenceSource | EvidenceSource[];
  verification?: Verification;
}

export interface Variation {
  markets: string[];
  set: Record<string, number | string | string[]>;
  citation?: string;
  verification?: Verification;
  note?: string;
  source?: EvidenceSource | EvidenceSource[];
}

export interface Phase {
  date: string;
  description: string;
  source?: EvidenceSource | EvidenceSource[];
}

export interface Regulation {
  id: string;
  name: string;
  shortName?: string;
  jurisdiction: string;
  /** markets this law covers; defaults to [jurisdiction] */
  territory?: string[];
  version: string;
  inForce: string;
  /** where the in-force date was read */
  inForceSource?: EvidenceSource | EvidenceSource[];
  /** how far the in-force date was read (absent: verified, with inForceSource) */
  inForceVerification?: Verification;
  /** first date the law no longer applies (repealed or superseded) */
  until?: string;
  phases?: Phase[];
  /** official: false for a secondary source (absent: official) */
  sources: Array<{ title: string; url: string; official?: boolean }>;
  lastReviewed: string;
  appliesWhen: Condition;
  parameters?: Record<string, ParameterDecl>;
  variations?: Variation[];
  kind?: 'law' | 'practice';
  note?: string;
  /** conditions this pack names once and its rules reference as {ref: name} */
  conditions?: Record<string, NamedCondition>;
  /** provisions of the law the language does not model, and why: counted and shown, never silent */
  notModelled?: NotModelled[];
  /** this law's record of processing: how its transfers' safeguards are named (complyflow ropa) */
  recordOfProcessing?: RecordOfProcessing;
  rules: Rule[];
}

/** A law's record of processing: a transfer (a country outside the law's territory) gets the first safeguard whose conditions all hold. */
export interface RecordOfProcessing {
  citation: string;
  safeguards: TransferSafeguard[];
}

export interface TransferSafeguard {
  label: string;
  citation: string;
  /** the country is in the law's adequateCountries parameter */
  adequate?: true;
  country?: string;
  /** the recipient is certified under the EU-US Data Privacy Framework */
  dpfCertified?: true;
}

/** A condition defined once under a name (kebab case) and referenced as {ref: name}. */
export interface NamedCondition {
  description: string;
  when: Condition;
}

/** A provision the pack does not turn into items, in words: what the law says and why it is not modelled. */
export interface NotModelled {
  provision: string;
  says: string;
  why: string;
}

export interface Question {
  id: string;
  text: string;
  evidence: string[];
  topic: Topic;
  services?: string[];
  roles?: VendorRole[];
  /** how an answer read back in is judged */
  expectedAnswer?: 'yes' | 'no' | 'within-strictest-deadline';
  /** the unit of a bare number in a time answer */
  timeUnit?: 'hours' | 'days';
}

// ---------------------------------------------------------------- status file

export type ItemStatus = 'todo' | 'in-progress' | 'done' | 'not-applicable';
export const ITEM_STATUSES: readonly ItemStatus[] = ['todo', 'in-progress', 'done', 'not-applicable'];

export interface StatusEntry {
  status: ItemStatus;
  owner?: string;
  evidence?: string[];
  notes?: string;
  reason?: string;
  reviewed?: string;
}

export type StatusFile = {
  version: 1;
  items: Record<string, StatusEntry>;
  /** per work-plan task id: applies to each of its items that has no entry of its own */
  tasks?: Record<string, StatusEntry>;
};

// ---------------------------------------------------------------- report (schemaVersion 1)

export type RegulationStatus = 'applies' | 'not-applicable' | 'undetermined' | 'not-yet-in-force';
export type Determination = 'applies' | 'to-confirm' | 'upcoming';

export interface ReportRegulation {
  id: string;
  name: string;
  /** GDPR, PIPL: how lists and columns name it (absent in reports of older versions) */
  shortName?: string;
  jurisdiction: string;
  status: RegulationStatus;
  reasons: string[];
  unknown: string[];
  inForce: string;
  version: string;
  lastReviewed: string;
  sources: Array<{ title: string; url: string }>;
}

export interface ReportItem {
  id: string;
  regulation: string;
  jurisdiction: string;
  rule: string;
  citation: string;
  url: string | null;
  topic: Topic;
  severity: Severity;
  title: string;
  action: string;
  evidence: string[];
  deadline: Deadline | null;
  subject: { type: ForKind; id: string };
  because: string[];
  determination: Determination;
  unknown: string[];
  inForce: string;
  verification: Verification;
  status: ItemStatus;
  owner: string | null;
  evidenceProvided: string[];
  /** what the rule leaves out of its action (guidance or provisions read only in secondary copies, facts the flow lacks); absent in reports of older versions */
  notModelled?: NotModelled[];
}

export interface ReportQuestion {
  id: string;
  text: string;
  evidence: string[];
  regulations: string[];
  citations: string[];
  items: string[];
}

export interface ReportVendor {
  id: string;
  name: string;
  role: VendorRole;
  services: string[];
  regions: string[];
  questions: ReportQuestion[];
}

export interface MatrixCell {
  jurisdiction: string;
  items: string[];
  deadline: string | null;
}

export interface MatrixRow {
  topic: Topic;
  strictest: { within: string; jurisdictions: string[] } | null;
  cells: MatrixCell[];
}

import type { PlanTask } from './plan.js';
import type { FactToGive } from './facts.js';

export interface Report {
  schemaVersion: 1;
  tool: { name: 'complyflow'; version: string };
  asOf: string;
  disclaimer: string;
  game: { id: string; name: string };
  markets: string[];
  /** offered markets (groups expanded to countries and US states) that no loaded law pack covers, sorted; [] when all are */
  uncoveredMarkets: string[];
  regulations: ReportRegulation[];
  items: ReportItem[];
  vendors: ReportVendor[];
  matrix: MatrixRow[];
  /** the items grouped into the fewest pieces of work (src/core/plan.ts) */
  plan: PlanTask[];
  /** the facts the flow leaves out that open items wait on, most items first */
  factsToGive: FactToGive[];
  unmatchedStatus: string[];
  summary: {
    applicable: number;
    items: number;
    bySeverity: Record<string, number>;
    byStatus: Record<string, number>;
    byDetermination: Record<string, number>;
    /** items by how far their rule was checked against the law's text */
    byVerification: Record<string, number>;
  };
}
