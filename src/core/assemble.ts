// Report assembly: what the engine found (core/evaluate.ts), with the status
// file merged, made into the report: the vendors' questions, the cross-market
// matrix, the work plan, the facts to give and the summary. Pure, like the engine.
import { findObligations, type EvaluateOptions } from './evaluate.js';
import type { Taxonomy } from './taxonomy.js';
import type { Flow, Regulation, Report, ReportItem, StatusFile } from './types.js';
import { buildMatrix } from './matrix.js';
import { buildPlan, taskIdOf, type ReuseOf } from './plan.js';
import { factsToGive } from './facts.js';
import { uncoveredMarkets } from './coverage.js';
import { buildVendorQuestions } from './questionnaire.js';
import { summarize } from './summary.js';

export const DISCLAIMER =
  'complyflow is not legal advice. It maps the facts you describe to obligations in its rule library; ' +
  'a qualified lawyer should confirm how they apply to your game.';

const ALLOWED = Object.freeze({ allowed: true });

/** Whether each rule's law accepts work done for another law (rule data; absent means it does). */
function reuseLookup(laws: readonly Regulation[]): ReuseOf {
  const refused = new Map<string, string>();
  for (const reg of laws)
    for (const rule of reg.rules)
      if (rule.reuse && !rule.reuse.allowed) refused.set(`${reg.id}/${rule.id}`, `${rule.reuse.citation}${rule.reuse.note ? `: ${rule.reuse.note}` : ''}`);
  // Most libraries refuse nothing: then there is nothing to look up per item.
  if (refused.size === 0) return () => ALLOWED;
  return (item) => {
    const why = refused.get(`${item.regulation}/${item.rule}`);
    return why === undefined ? { allowed: true } : { allowed: false, why };
  };
}

/**
 * The status file's entries on the items: an item's own entry wins over its
 * task's. Returns the entries that match no item or task, sorted.
 */
export function mergeStatus(items: readonly ReportItem[], status: StatusFile, reuseOf: ReuseOf): string[] {
  const statusItems = status.items ?? {};
  const statusTasks = status.tasks ?? {};
  // Each item's task id, computed once, only when the status file marks tasks.
  const taskIds = Object.keys(statusTasks).length > 0 ? items.map((i) => taskIdOf(i, reuseOf)) : undefined;
  items.forEach((item, k) => {
    const own = Object.hasOwn(statusItems, item.id) ? statusItems[item.id] : undefined;
    const taskId = own ? undefined : taskIds?.[k];
    const s = own ?? (taskId !== undefined && Object.hasOwn(statusTasks, taskId) ? statusTasks[taskId] : undefined);
    if (!s) return;
    item.status = s.status;
    item.owner = s.owner ?? null;
    item.evidenceProvided = s.evidence ?? [];
  });
  const known = new Set(items.map((i) => i.id));
  const knownTasks = new Set(taskIds);
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
