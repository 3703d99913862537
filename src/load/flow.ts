import type { Flow, Issue } from '../core/types.js';
import type { Taxonomy } from '../core/taxonomy.js';
import { checkFlow } from '../core/check-flow.js';
import { locateIssues, readYaml } from './read.js';

/** Give the optional lists their empty defaults so the core sees one shape. */
export function normalizeFlow(raw: Flow): Flow {
  return {
    ...raw,
    audience: raw.audience ?? {},
    affiliates: raw.affiliates ?? [],
    systems: raw.systems ?? [],
    vendors: raw.vendors ?? [],
    flows: raw.flows ?? [],
  };
}

const byPosition = (a: Issue, b: Issue) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

/**
 * Read, validate and check a flow description; every issue at once. The
 * reference checks also run when the schema failed, as far as the shape
 * allows, so one run shows both kinds of mistake.
 */
export function loadFlow(file: string, tax: Taxonomy, text?: string): { flow?: Flow; issues: Issue[] } {
  const r = readYaml<Flow>(file, 'flow', text);
  if (!r.parsed || r.parsed.issues.length) return { issues: r.issues };
  const raw = r.parsed.value as Flow;
  let refIssues: Issue[] = [];
  try {
    refIssues = checkFlow(normalizeFlow(raw), tax, file);
  } catch {
    // The shape is too broken for reference checks; the schema errors say why.
  }
  const schemaPointers = new Set(r.issues.map((i) => i.pointer));
  const issues = [...r.issues, ...locateIssues(refIssues, r.parsed).filter((i) => !schemaPointers.has(i.pointer))].sort(byPosition);
  return issues.length ? { issues } : { flow: normalizeFlow(raw), issues };
}
