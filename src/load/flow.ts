import type { Flow, Issue } from '../core/types.js';
import type { Taxonomy } from '../core/taxonomy.js';
import { checkFlow } from '../core/check-flow.js';
import { locateIssues, readYaml } from './read.js';

/** Give the optional lists their empty defaults so the core sees one shape. */
export function normalizeFlow(raw: Flow): Flow {
  return {
    ...raw,
    audience: raw.audience ?? {},
    systems: raw.systems ?? [],
    vendors: raw.vendors ?? [],
    flows: raw.flows ?? [],
  };
}

/** Read, validate and check a flow description; every issue at once. */
export function loadFlow(file: string, tax: Taxonomy, text?: string): { flow?: Flow; issues: Issue[] } {
  const r = readYaml<Flow>(file, 'flow', text);
  if (!r.value) return { issues: r.issues };
  const flow = normalizeFlow(r.value);
  const issues = locateIssues(checkFlow(flow, tax, file), r.parsed);
  return issues.length ? { issues } : { flow, issues };
}
