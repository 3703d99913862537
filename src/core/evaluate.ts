// The pure heart of complyflow: a flow and the rule packs in, a report out.
// No clock, no file system: the caller passes `asOf` and everything else.
import {
  evaluateCondition,
  isSubjectOnly,
  MAX_LISTED,
  SHARED_KINDS,
  sharedKey,
  sharedAcrossLaws,
  type LawContext,
  type Match,
  type Outcome,
  type SharedAcrossLaws,
} from './conditions.js';
import { resolveParams, type ResolvedParams } from './params.js';
import { indexFlow, marketsFor, transfersFor, type FlowIndex, type Subject, type TransferScope } from './subjects.js';
import type { Taxonomy } from './taxonomy.js';
import type {
  Determination,
  Flow,
  NotModelled,
  Question,
  Regulation,
  RegulationStatus,
  ReportItem,
  ReportRegulation,
  Rule,
  StatusFile,
  Vendor,
} from './types.js';
import { fillRuleTexts } from './texts.js';
import { byId } from './order.js';
import { compileTruth } from './truth.js';

export interface EvaluateOptions {
  /** ISO date the laws are evaluated at; the caller decides (no clock reads here) */
  asOf: string;
  toolVersion: string;
  /** limit the report to laws covering these markets */
  markets?: string[];
  status?: StatusFile;
  questions?: readonly Question[];
}

/** An item before status is merged, with the vendors its questions go to. */
export interface Finding {
  item: ReportItem;
  vendors: readonly Vendor[];
  questions: readonly string[];
  /** for a rule with `items: one`, the ids of the subjects that trigger its single item */
  triggers?: readonly string[];
}

/** A rule that gives a single item for the game, standing for every subject that matches (`items: one`). */
export function givesOneItem(rule: Rule): boolean {
  return rule.items === 'one' && rule.for !== 'game';
}

export function subjectsFor(rule: Rule, index: FlowIndex, offeredInTerritory: string[], transfers: () => Subject[]): Subject[] {
  switch (rule.for) {
    case 'game':
      return [index.game];
    case 'market':
      return marketsFor(offeredInTerritory, index);
    case 'data':
      return index.data;
    case 'purpose':
      return index.purposes;
    case 'vendor':
      return index.vendors;
    case 'flow':
      return index.flows;
    case 'transfer':
      return transfers();
  }
}

function paramsObject(params: ResolvedParams): Record<string, unknown> {
  return Object.fromEntries([...params].map(([k, v]) => [k, v.value]));
}

/** What rule texts may name ({{vendor.name}}, {{params.childAge}}, ...): the law's part, built once per law. */
function lawTemplateContext(flow: Flow, params: Record<string, unknown>, reg: Regulation) {
  return { game: flow.game, controller: flow.controller, regulation: { id: reg.id, name: reg.name, shortName: reg.shortName ?? reg.name }, params };
}

function templateContext(law: ReturnType<typeof lawTemplateContext>, subject: Subject, withDataIds: boolean): object {
  return {
    game: law.game,
    controller: law.controller,
    regulation: law.regulation,
    params: law.params,
    subject: { type: subject.kind, id: subject.id, label: subject.label },
    // a transfer's recipient may be an affiliate or the studio's own system: {{vendor.name}} names it all the same
    vendor: subject.vendor ?? subject.recipient,
    data: subject.data,
    // A game or market subject holds every data element: join them only for a text that shows them.
    dataIds: withDataIds ? subject.data.map((d) => d.id).join(', ') : undefined,
    purpose: subject.purposes[0],
    region: subject.region,
    market: subject.market,
  };
}

export interface LawEvaluation {
  regulation: ReportRegulation;
  findings: Finding[];
}

/** What the law counts as a transfer abroad: its `transferScope` parameter, `disclosure` when it declares none. */
export function transferScopeOf(params: ResolvedParams): TransferScope {
  const v = params.get('transferScope')?.value;
  return v === 'export' ? 'export' : 'disclosure';
}

/** What a law's conditions read: its territory, the markets offered there, its parameters as of a date. */
export function lawContext(
  reg: Regulation,
  index: FlowIndex,
  tax: Taxonomy,
  asOf: string,
  shared?: SharedAcrossLaws,
): { ctx: LawContext; offeredInTerritory: string[] } {
  const territoryCodes = reg.territory ?? [reg.jurisdiction];
  const territory = tax.markets.leavesOf(territoryCodes);
  const offeredLeaves = new Set<string>();
  const offeredInTerritory: string[] = [];
  for (const m of index.flow.markets) {
    let hit = false;
    for (const l of tax.markets.leaves(m.code))
      if (territory.has(l)) {
        offeredLeaves.add(l);
        hit = true;
      }
    if (hit) offeredInTerritory.push(m.code);
  }
  const params = resolveParams(reg, offeredLeaves, tax.markets, asOf);
  const ctx: LawContext = {
    tax,
    index,
    params,
    territory,
    territoryLabel: territoryCodes.join(', '),
    asOf,
    memo: new Map(),
    ...(shared ? { shared, keys: new WeakMap() } : {}),
  };
  return { ctx, offeredInTerritory };
}

/** Evaluate one law against an indexed flow. */
export function evaluateRegulation(reg: Regulation, index: FlowIndex, tax: Taxonomy, asOf: string, shared?: SharedAcrossLaws): LawEvaluation {
  const { ctx, offeredInTerritory } = lawContext(reg, index, tax, asOf, shared);
  const params = ctx.params;
  const territoryCountries = tax.markets.countriesOf(reg.territory ?? [reg.jurisdiction]);
  const ended = reg.until !== undefined && asOf >= reg.until;
  const scope: Outcome = ended
    ? { value: false, because: [`no longer in force from ${reg.until}`], unknown: [] }
    : evaluateCondition(reg.appliesWhen, index.game, ctx);

  let status: RegulationStatus;
  if (scope.value === false) status = 'not-applicable';
  else if (asOf < reg.inForce) status = 'not-yet-in-force';
  else if (scope.value === null) status = 'undetermined';
  else status = 'applies';

  const regulation: ReportRegulation = {
    id: reg.id,
    name: reg.name,
    shortName: reg.shortName ?? reg.name,
    jurisdiction: reg.jurisdiction,
    status,
    reasons: dedupe(scope.because),
    unknown: dedupe(scope.unknown),
    inForce: reg.inForce,
    version: reg.version,
    lastReviewed: reg.lastReviewed,
    sources: reg.sources,
  };
  const findings: Finding[] = [];
  const lawTexts = lawTemplateContext(index.flow, paramsObject(params), reg);
  // Provisions without a size threshold still bind a game offered in the territory.
  const territoryOnly = status === 'not-applicable' && !ended && offeredInTerritory.length > 0;
  if (status === 'not-applicable' && !territoryOnly) return { regulation, findings };

  // A law's transfers are the same for each of its transfer rules: build them once, when first asked.
  let transfers: Subject[] | undefined;
  const lawTransfers = () => (transfers ??= transfersFor(index, territoryCountries, tax, transferScopeOf(params)));

  for (const rule of reg.rules) {
    if (rule.until && asOf >= rule.until) continue;
    if (territoryOnly && rule.scope !== 'territory') continue;
    const inForce = rule.inForce ?? reg.inForce;
    // An undecided law makes its items undecided too, except provisions that bind regardless of its scope.
    const scopeUndecided = scope.value === null && rule.scope !== 'territory';
    const showsDataIds = [rule.title, rule.action, ...rule.evidence].some((t) => t.includes('dataIds'));
    const idPrefix = `${reg.id}/${rule.id}`;
    const matches = sharedMatches(rule, ctx, () => {
      const subjects = subjectsFor(rule, index, offeredInTerritory, lawTransfers);
      return givesOneItem(rule) ? oneForTheGame(rule, ctx, subjects, index.game) : matching(rule, ctx, subjects);
    });
    for (const { subject, outcome: o, lines, ref, vendors, triggers } of matches) {
      let determination: Determination;
      if (asOf < inForce) determination = 'upcoming';
      else if (o.value === null || scopeUndecided) determination = 'to-confirm';
      else determination = 'applies';
      const texts = fillRuleTexts(
        rule,
        () => templateContext(lawTexts, subject, showsDataIds),
        SHARED_KINDS.has(subject.kind) ? subject : undefined,
        ctx.shared?.texts,
      );
      const item: ReportItem = {
        id: subject.kind === 'game' ? idPrefix : idPrefix + ref.idSuffix,
        regulation: reg.id,
        jurisdiction: reg.jurisdiction,
        rule: rule.id,
        citation: rule.citation,
        url: rule.url ?? null,
        topic: rule.topic,
        severity: rule.severity,
        title: texts.title,
        action: texts.action,
        evidence: texts.evidence,
        deadline: rule.deadline ?? null,
        subject: ref.subject,
        because: scopeUndecided ? dedupe([...o.because, ...scope.because]) : lines.because,
        determination,
        unknown: scopeUndecided ? dedupe([...scope.unknown, ...o.unknown]) : lines.unknown,
        inForce,
        verification: rule.verification ?? 'verified',
        status: 'todo',
        owner: null,
        evidenceProvided: NONE,
        notModelled: rule.notModelled ?? NO_GAPS,
      };
      const finding: Finding = { item, vendors: vendors ?? subject.vendors, questions: rule.questions ?? NONE };
      if (triggers) finding.triggers = triggers;
      findings.push(finding);
    }
  }
  if (territoryOnly && findings.length) {
    regulation.status = 'applies';
    const rules = [...new Set(findings.map((f) => f.item.rule))].join(', ');
    regulation.reasons = [`provisions that apply regardless of size: ${rules}`, ...regulation.reasons];
  }
  return { regulation, findings };
}

/**
 * The subjects on which a rule's condition is not false, with their outcomes.
 * Only these are explained (most pairs of a large portfolio are false).
 */
function matching(rule: Rule, ctx: LawContext, subjects: readonly Subject[]): readonly Match[] {
  const truthOf = compileTruth(rule.when, ctx);
  const found: Match[] = [];
  for (const subject of subjects) {
    if (truthOf(subject) === false) continue;
    const outcome = evaluateCondition(rule.when, subject, ctx);
    if (outcome.value !== false)
      found.push({ subject, outcome, lines: { because: readOnly(outcome.because), unknown: readOnly(outcome.unknown) }, ref: subjectRef(subject) });
  }
  return found;
}

/**
 * A rule's matches, computed once for every law whose parameters agree when
 * its condition reads only the subject (twenty state laws share many rules).
 */
function sharedMatches(rule: Rule, ctx: LawContext, compute: () => readonly Match[]): readonly Match[] {
  const key = sharingKey(rule, ctx);
  if (key === undefined) return compute();
  let found = ctx.shared!.matches.get(key);
  if (!found) ctx.shared!.matches.set(key, (found = compute()));
  return found;
}

/** The key under which laws share a rule's matches: its subjects' kind and what its condition reads (see sharedKey). */
function sharingKey(rule: Rule, ctx: LawContext): string | undefined {
  if (!ctx.shared || !SHARED_KINDS.has(rule.for) || !isSubjectOnly(rule.when)) return undefined;
  return `${givesOneItem(rule) ? 'one|' : ''}${rule.for}|${sharedKey(rule.when, ctx)}`;
}

/**
 * A rule with `items: one` is a duty met once for the whole game (an opt-out
 * mechanism, a consent gate), however many purposes or vendors call for it: a
 * single item for the game, decided by the subjects that match (true if any is
 * true, else to confirm), its reasons naming the first few, its questions going
 * to all their vendors. Only the subjects named are explained, and the facts
 * that would decide it when none is decided.
 */
function oneForTheGame(rule: Rule, ctx: LawContext, subjects: readonly Subject[], game: Subject): readonly Match[] {
  const truthOf = compileTruth(rule.when, ctx);
  const triggering: Subject[] = [];
  const decided: Subject[] = [];
  const undecided: Subject[] = [];
  for (const subject of subjects) {
    const t = truthOf(subject);
    if (t === false) continue;
    triggering.push(subject);
    (t ? decided : undecided).push(subject);
  }
  if (triggering.length === 0) return [];
  const explain = (subject: Subject) => ({ subject, outcome: evaluateCondition(rule.when, subject, ctx) });
  // With none decided, every undecided subject is explained for the facts that would decide it; else only the few shown.
  const allUndecided = decided.length ? undefined : undecided.map(explain);
  const shown = allUndecided ? allUndecided.slice(0, MAX_LISTED) : decided.slice(0, MAX_LISTED).map(explain);
  // Reasons every listed subject shares (the studio's size, the audience) are said once, before the subjects.
  const common = dedupe(shown[0]!.outcome.because.filter((line) => shown.every((m) => m.outcome.because.includes(line))));
  const because = [...common, ...listed(shown, decided.length || undecided.length, common)];
  if (decided.length && undecided.length)
    because.push(...listed(undecided.slice(0, MAX_LISTED).map(explain), undecided.length, common).map((line) => `to confirm whether it also covers ${line}`));
  const unknown = allUndecided ? dedupe(allUndecided.flatMap((m) => m.outcome.unknown)) : [];
  const outcome: Outcome = { value: decided.length ? true : null, because, unknown };
  const vendors = [...new Set(triggering.flatMap((s) => s.vendors))];
  return [
    {
      subject: game,
      outcome,
      lines: { because: readOnly(because), unknown: readOnly(unknown) },
      ref: subjectRef(game),
      vendors,
      triggers: triggering.map((s) => s.id),
    },
  ];
}

/** A line for each subject explained (its label, and its own reasons beyond `common`), then how many more of `total`. */
function listed(explained: ReadonlyArray<{ subject: Subject; outcome: Outcome }>, total: number, common: readonly string[]): string[] {
  const lines = explained.map(({ subject, outcome }) => {
    const own = dedupe(outcome.because.filter((line) => !common.includes(line) && line !== subject.label));
    return own.length ? `${subject.label}: ${own.join('; ')}` : subject.label;
  });
  if (total > explained.length) lines.push(`and ${total - explained.length} more`);
  return lines;
}

// Items of a large portfolio are most of its memory, and every object they
// hold is copied by the young-generation collector: what items can share,
// they share (read-only, so no item can change another's).
const NONE: string[] = Object.freeze([]) as unknown as string[];
const NO_GAPS: NotModelled[] = Object.freeze([]) as unknown as NotModelled[];
const refs = new WeakMap<Subject, Match['ref']>();

/** An item's subject reference and the end of its id, the same for every law. */
function subjectRef(subject: Subject): Match['ref'] {
  let r = refs.get(subject);
  if (!r) refs.set(subject, (r = { subject: Object.freeze({ type: subject.kind, id: subject.id }), idSuffix: `/${subject.kind}:${subject.id}` }));
  return r;
}

/** Lines without repeats, read-only, to be shared by the items they explain. */
function readOnly(lines: readonly string[]): string[] {
  return lines.length === 0 ? NONE : (Object.freeze(dedupe(lines)) as string[]);
}

/** Lines without repeats, as a new array (outcomes' lines may be shared and frozen). */
function dedupe(lines: readonly string[]): string[] {
  if (lines.length > 8) return [...new Set(lines)];
  const out: string[] = [];
  next: for (const line of lines) {
    for (const seen of out) if (seen === line) continue next;
    out.push(line);
  }
  return out;
}

/** What the engine found: the laws evaluated (by id), their status, and every item, sorted by id, before status. */
export interface Obligations {
  laws: readonly Regulation[];
  regulations: ReportRegulation[];
  findings: Finding[];
}

/**
 * The engine: the flow against each law that covers a selected market; each
 * law's status and its items. Status files, questionnaires, the matrix and the
 * plan are assembled from this elsewhere (core/assemble.ts).
 */
export function findObligations(
  flow: Flow,
  regulations: readonly Regulation[],
  tax: Taxonomy,
  options: Pick<EvaluateOptions, 'asOf' | 'markets'>,
): Obligations {
  const index = indexFlow(flow);
  const selected = options.markets?.length ? tax.markets.leavesOf(options.markets) : undefined;
  const laws = [...regulations].filter((r) => !selected || [...tax.markets.leavesOf(r.territory ?? [r.jurisdiction])].some((l) => selected.has(l))).sort(byId);

  // Laws share the explanations of the same question about the same subject.
  const shared: SharedAcrossLaws = sharedAcrossLaws();
  const evaluations = laws.map((r) => evaluateRegulation(r, index, tax, options.asOf, shared));
  const findings: Finding[] = [];
  for (const e of evaluations) for (const f of e.findings) findings.push(f);
  findings.sort((a, b) => byId(a.item, b.item));
  return { laws, regulations: evaluations.map((e) => e.regulation), findings };
}
