// Checks on a rule pack beyond its schema: every parameter a rule reads is
// declared, every taxonomy key and market it names exists, every question it
// asks is in the bank, dates are real dates. Pure: issues by JSON pointer.
import { TRANSFER_SCOPES } from './subjects.js';
import type { Condition, Issue, Regulation, Rule } from './types.js';
import type { Taxonomy } from './taxonomy.js';
import { didYouMean } from './suggest.js';
import { isRealDate } from './order.js';
import { plainHeads, templateProblem } from './texts.js';
import { leafOf, PREDICATES } from './conditions/registry.js';
import type { LintContext } from './conditions/predicate.js';

/** What the texts of a single item for the whole game (`items: one`) may show: nothing of one subject. */
const GAME_HEADS: ReadonlySet<string> = new Set(['game', 'controller', 'regulation', 'params']);

function lintOneItem(rule: Rule, file: string): Issue[] {
  const issues: Issue[] = [];
  if (rule.for === 'game')
    issues.push({
      file,
      pointer: '/items',
      message: 'items: one is for rules over several subjects; a rule for the game has one item already',
      hint: 'remove items: one',
    });
  for (const [pointer, text] of ruleTexts(rule)) {
    if (!text.includes('{{')) continue;
    const heads = plainHeads(text);
    // a text that is not plain {{path}}s is refused for every rule (lintRule)
    if (!heads) continue;
    const wrong = [...heads].filter((h) => !GAME_HEADS.has(h));
    if (wrong.length)
      issues.push({
        file,
        pointer,
        message: `a rule with items: one has a single item for the whole game, so its text cannot show ${wrong.map((w) => `{{${w}}}`).join(', ')}`,
        hint: "show only game, controller, regulation or params; the item's reasons name the subjects that trigger it",
      });
  }
  return issues;
}

/**
 * Visit every predicate of a condition as written. A named condition's
 * predicates are visited too, located at the reference (`resolve` looks them up),
 * so a parameter it reads is checked against each law that uses it.
 */
export function walkCondition(
  cond: Condition,
  pointer: string,
  visit: (key: string, value: unknown, pointer: string) => void,
  resolve?: (name: string) => Condition | undefined,
  seen: ReadonlySet<string> = new Set(),
): void {
  for (const [key, value] of Object.entries(cond)) {
    const p = `${pointer}/${key}`;
    if (key === 'all' || key === 'any') (value as Condition[]).forEach((c, i) => walkCondition(c, `${p}/${i}`, visit, resolve, seen));
    else if (key === 'not') walkCondition(value as Condition, p, visit, resolve, seen);
    else if (key === 'ref') {
      visit(key, value, p);
      const body = resolve?.(value as string);
      if (body && !seen.has(value as string)) walkCondition(body, pointer, (k, v) => visit(k, v, p), resolve, new Set([...seen, value as string]));
    } else visit(key, value, p);
  }
}

function usesPredicate(cond: Condition, key: string): boolean {
  let found = false;
  walkCondition(cond, '', (k) => {
    if (k === key) found = true;
  });
  return found;
}

function paramRefs(value: unknown, pointer: string, out: Array<{ name: string; pointer: string }>): void {
  if (value && typeof value === 'object') {
    if (!Array.isArray(value) && typeof (value as { param?: unknown }).param === 'string')
      out.push({ name: (value as { param: string }).param, pointer: `${pointer}/param` });
    else for (const [k, v] of Object.entries(value)) paramRefs(v, `${pointer}/${k}`, out);
  }
}

export function lintCondition(
  cond: Condition,
  pointer: string,
  reg: Regulation,
  tax: Taxonomy,
  file: string,
  resolve?: (name: string) => Condition | undefined,
): Issue[] {
  const issues: Issue[] = [];
  const params = reg.parameters ?? {};
  const lintContext: LintContext = {
    tax,
    markets: new Set(tax.markets.allCodes()),
    issue: (p, message, hint) => issues.push({ file, pointer: p, message, ...(hint ? { hint } : {}) }),
    keys: (list, set, what, lp) => {
      if (!Array.isArray(list)) return;
      list.forEach((k: string, i) => {
        if (!set.has(k)) issues.push({ file, pointer: `${lp}/${i}`, message: `unknown ${what} "${k}"`, hint: didYouMean(k, set) });
      });
    },
  };
  walkCondition(
    cond,
    pointer,
    (key, value, p) => {
      const refs: Array<{ name: string; pointer: string }> = [];
      paramRefs(value, p, refs);
      for (const r of refs)
        if (!(r.name in params))
          issues.push({
            file,
            pointer: r.pointer,
            message: `unknown parameter "${r.name}"`,
            hint: didYouMean(r.name, Object.keys(params)) ?? 'declare it under parameters: in regulation.yaml',
          });
      const leaf = leafOf({ [key]: value });
      leaf?.predicate.lint?.(leaf.value, p, lintContext);
    },
    resolve,
  );
  return issues;
}

export function lintRegulation(reg: Regulation, tax: Taxonomy, file: string, resolve?: (name: string) => Condition | undefined): Issue[] {
  const issues: Issue[] = [];
  const marketSet = new Set(tax.markets.allCodes());
  const add = (pointer: string, message: string, hint?: string) => issues.push({ file, pointer, message, ...(hint ? { hint } : {}) });
  for (const [k, v] of [
    ['inForce', reg.inForce],
    ['lastReviewed', reg.lastReviewed],
  ] as const)
    if (!isRealDate(v)) add(`/${k}`, `${k} "${v}" is not a real date`);
  (reg.phases ?? []).forEach((ph, i) => {
    if (!isRealDate(ph.date)) add(`/phases/${i}/date`, `"${ph.date}" is not a real date`);
  });
  if (!marketSet.has(reg.jurisdiction)) add('/jurisdiction', `unknown jurisdiction "${reg.jurisdiction}"`, didYouMean(reg.jurisdiction, marketSet));
  (reg.territory ?? []).forEach((t, i) => {
    if (!marketSet.has(t)) add(`/territory/${i}`, `unknown market "${t}"`, didYouMean(t, marketSet));
  });
  const params = reg.parameters ?? {};
  for (const [name, decl] of Object.entries(params)) {
    const ok =
      decl.type === 'list'
        ? Array.isArray(decl.value)
        : decl.type === 'integer'
          ? Number.isInteger(decl.value)
          : decl.type === 'number'
            ? typeof decl.value === 'number'
            : typeof decl.value === 'string' && (decl.type !== 'date' || isRealDate(decl.value));
    if (!ok) add(`/parameters/${name}/value`, `parameter ${name} is declared ${decl.type} but its value is ${JSON.stringify(decl.value)}`);
  }
  // The engine reads this one itself (which transfers the law sees): only its known values mean anything.
  const scope = params['transferScope'];
  if (scope && !(TRANSFER_SCOPES as readonly unknown[]).includes(scope.value))
    add(
      '/parameters/transferScope/value',
      `transferScope must be ${TRANSFER_SCOPES.join(' or ')}, not ${JSON.stringify(scope.value)}`,
      'disclosure: only data made available to another party; export: any data leaving the territory, own systems included',
    );
  (reg.variations ?? []).forEach((v, i) => {
    v.markets.forEach((m, j) => {
      if (!marketSet.has(m)) add(`/variations/${i}/markets/${j}`, `unknown market "${m}"`, didYouMean(m, marketSet));
    });
    for (const name of Object.keys(v.set)) {
      const decl = params[name];
      if (!decl) add(`/variations/${i}/set/${name}`, `unknown parameter "${name}"`, didYouMean(name, Object.keys(params)));
      else if (!decl.combine) add(`/parameters/${name}`, `parameter ${name} varies by market but declares no combine (max, min or union)`);
    }
  });
  (reg.sources ?? []).forEach((source, i) => {
    // http only where an official source is served no other way (the Malaysian PDP portal)
    const problem = urlProblem(source.url, true);
    if (problem) add(`/sources/${i}/url`, `url: ${problem}`);
  });
  issues.push(...lintCondition(reg.appliesWhen, '/appliesWhen', reg, tax, file, resolve));
  return issues;
}

/** The texts of a rule that are filled for each item, by JSON pointer. */
export function ruleTexts(rule: Rule): Array<[pointer: string, text: string]> {
  return [['/title', rule.title], ['/action', rule.action], ...rule.evidence.map((e, i): [string, string] => [`/evidence/${i}`, e])];
}

/**
 * Why a URL a pack gives is not one to print as a link, or undefined: an
 * absolute https URL (http where `http` is allowed, for an official source
 * only served so), no user name or password, nothing a reader or a Markdown
 * link would cut it at (spaces, quotes, angle brackets, control characters).
 */
export function urlProblem(url: string, allowHttp = false): string | undefined {
  if (/[\s\p{Cc}"<>\\^`{|}]/u.test(url)) return 'a URL cannot hold spaces, quotes, angle brackets, braces, pipes, backslashes or control characters';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not an absolute URL';
  }
  if (parsed.protocol !== 'https:' && !(allowHttp && parsed.protocol === 'http:')) return `a ${parsed.protocol.slice(0, -1)} URL; give an https URL`;
  if (parsed.username || parsed.password) return 'a URL cannot carry a user name or password';
  if (!parsed.hostname) return 'the URL names no host';
  return undefined;
}

export function lintRule(
  rule: Rule,
  reg: Regulation,
  tax: Taxonomy,
  questionIds: ReadonlySet<string>,
  file: string,
  resolve?: (name: string) => Condition | undefined,
): Issue[] {
  const issues = lintCondition(rule.whenAsWritten ?? rule.when, '/when', reg, tax, file, resolve);
  for (const [pointer, text] of ruleTexts(rule)) {
    const problem = templateProblem(text);
    if (problem) issues.push({ file, pointer, message: problem.message, hint: 'a rule text shows values as {{path}} only; write conditions in when:' });
  }
  if (rule.url !== undefined) {
    const problem = urlProblem(rule.url);
    if (problem) issues.push({ file, pointer: '/url', message: `url: ${problem}` });
  }
  if (rule.inForce && !isRealDate(rule.inForce)) issues.push({ file, pointer: '/inForce', message: `"${rule.inForce}" is not a real date` });
  if (rule.until && !isRealDate(rule.until)) issues.push({ file, pointer: '/until', message: `"${rule.until}" is not a real date` });
  if (rule.until && rule.until <= (rule.inForce ?? reg.inForce))
    issues.push({ file, pointer: '/until', message: `until ${rule.until} is not after the date it comes into force` });
  (rule.questions ?? []).forEach((q, i) => {
    if (!questionIds.has(q))
      issues.push({
        file,
        pointer: `/questions/${i}`,
        message: `unknown question "${q}"`,
        hint: didYouMean(q, questionIds) ?? 'add it to questions/bank.yaml',
      });
  });
  if (rule.items === 'one') issues.push(...lintOneItem(rule, file));
  for (const p of PREDICATES)
    if (p.onlyFor && !p.onlyFor.includes(rule.for) && usesPredicate(rule.when, p.key))
      issues.push({ file, pointer: '/when', message: `the ${p.key} predicate only applies to rules with for: ${p.onlyFor.join(' or ')}` });
  return issues;
}
