// Report assembly: what the engine found (core/evaluate.ts), with the status
// file merged, made into the report: the vendors' questions, the cross-market
// matrix, the work plan, the facts to give and the summary. Pure, like the engine.
import { findObligations, type EvaluateOptions } from './evaluate.js';
import type { Taxonomy } from './taxonomy.js';
import type { Flow, Regulation, Report, ReportItem, StatusFile } from './types.js';
import { buildMatrix } from './matrix.js';
import { buildPlan, planIds, type ReuseOf } from './plan.js';
import { factsToGive } from './facts.js';
import { uncoveredMarkets } from './coverage.js';
import { buildVendorQuestions } from './questionnaire.js';
import { summarize } from './summary.js';

export const DISCLAIMER =
  'complyflow is not legal advice. It maps the facts you describe to obligations in its rule library; ' +
  'a qualified lawyer should confirm how they apply to your game.';

const ALLOWED = Object.freeze({ allowed: true });

/** Whether each rule's law accepts work done for another law, and the provision that says so (rule data; absent means it does). */
function reuseLookup(laws: readonly Regulation[]): ReuseOf {
  // law id → rule id → decision: looked up per item without making a key string per item
  const decided = new Map<string, Map<string, { allowed: boolean; why: string }>>();
  for (const reg of laws)
    for (const rule of reg.rules)
      if (rule.reuse) {
        let byRule = decided.get(reg.id);
        if (!byRule) decided.set(reg.id, (byRule = new Map()));
        byRule.set(rule.id, { allowed: rule.reuse.allowed, why: `${rule.reuse.citation}${rule.reuse.note ? `: ${rule.reuse.note}` : ''}` });
      }
  // Most libraries say nothing: then there is nothing to look up per item.
  if (decided.size === 0) return () => ALLOWED;
  return (item) => decided.get(item.regulation)?.get(item.rule) ?? ALLOWED;
}

/**
 * The status file's entries on the items: an item's own entry wins over its
 * task subject's (`<topic>/<type>:<id>`), which wins over its whole task's
 * (`<topic>/<type>`). Returns the entries that match no item or task, sorted.
 */
export function mergeStatus(items: readonly ReportItem[], status: StatusFile, reuseOf: ReuseOf): string[] {
  const statusItems = status.items ?? {};
  const statusTasks = status.tasks ?? {};
  const marksTasks = Object.keys(statusTasks).length > 0;
  const knownTasks = new Set<string>();
  const entry = (id: string) => (Object.hasOwn(statusTasks, id) ? statusTasks[id] : undefined);
  for (const item of items) {
    let s = Object.hasOwn(statusItems, item.id) ? statusItems[item.id] : undefined;
    // Task ids are computed only when the status file marks tasks.
    if (marksTasks) {
      const { taskId, subjectId } = planIds(item, reuseOf(item));
      knownTasks.add(subjectId).add(taskId);
      s ??= entry(subjectId) ?? entry(taskId);
    }
    if (!s) continue;
    item.status = s.status;
    item.owner = s.owner ?? null;
    item.evidenceProvided = s.evidence ?? [];
  }
  const known = new Set(items.map((i) => i.id));
  return [...Object.keys(statusItems).filter((id) => !known.has(id)), ...Object.keys(statusTasks).filter((id) => !knownTasks.has(id))].sort();
}

/** The flow against the rule packs: the whole report. */
export function evaluate(flow: Flow, regulations: readonly Regulation[], tax: Taxonomy, options: EvaluateOptions): Report {
  const found = findObligations(flow, regulations, tax, options);
  const items = found.findings.map((f) => f.item);
  const reuseOf = reuseLookup(found.laws);
  const unmatchedStatus = options.status ? mergeStatus(items, options.status, reuseOf) : [];
  return {
    schemaVersion: 1,
    tool: { name: 'complyflow', version: options.toolVersion },
    asOf: options.asOf,
    disclaimer: DISCLAIMER,
    game: { id: flow.game.id, name: flow.game.name },
    markets: flow.markets.map((m) => m.code),
    uncoveredMarkets: uncoveredMarkets(
      flow.markets.map((m) => m.code),
      regulations,
      tax.markets,
      options.markets,
    ),
    regulations: found.regulations,
    items,
    vendors: buildVendorQuestions(flow, found.findings, options.questions ?? []),
    matrix: buildMatrix(items),
    plan: buildPlan(items, reuseOf),
    factsToGive: factsToGive(items, flow),
    unmatchedStatus,
    summary: summarize(found.regulations, items),
  };
}
