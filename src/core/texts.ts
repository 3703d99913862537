// Display text of rules: Handlebars templates filled from the subject. Only
// display text is templated; conditions stay data.
import type { Rule } from './types.js';

/** What rule texts need of Handlebars, for the rare text that is not plain `{{a.b}}` paths. */
export interface TemplateEngine {
  parse(text: string): hbs.AST.Program;
  compile(text: string, options: { noEscape: boolean; strict: boolean }): (context: object) => string;
}

// The shell provides the engine, loaded when a text first needs it: loading
// Handlebars was a twentieth of a second of every check, and plain paths
// (every rule text today) never use it.
let loadEngine: (() => TemplateEngine) | undefined;
let loaded: TemplateEngine | undefined;

export function useTemplateEngine(load: () => TemplateEngine): void {
  loadEngine = load;
  loaded = undefined;
}

function engine(): TemplateEngine {
  if (!loaded) {
    if (!loadEngine) throw new Error('no template engine for rule texts: call useTemplateEngine first');
    loaded = loadEngine();
  }
  return loaded;
}

type Render = (context: object) => string;
const templateCache = new Map<string, Render>();

/**
 * A template of plain text and `{{a.b}}` paths renders by direct lookup, with
 * Handlebars' own output for each value (missing → empty; no escaping, as
 * compiled below); anything else (helpers, blocks) goes through Handlebars.
 * A Handlebars call costs ~15 µs, which dominated large portfolios.
 */
export function simpleRender(text: string): Render | undefined {
  return simpleTemplate(text)?.render;
}

interface SimpleTemplate {
  render: Render;
  /** the first segment of each path shown (`vendor` of {{vendor.name}}) */
  heads: ReadonlySet<string>;
}

/**
 * Text and `{{a.b}}` paths only: no other brace or backslash, no literal or
 * keyword (`{{true}}`, `{{else}}`) as a path. An index may come between names
 * (`{{data.0.id}}`), not last: Handlebars reads a last `.0` as a number, an
 * error. Such a template means the same to Handlebars as to a split on its
 * mustaches; anything else is parsed by it.
 */
const PLAIN = /^(?:[^{}\\]|\{\{(?!(?:else|true|false|null|undefined|this)\b)[A-Za-z_]\w*(?:(?:\.\d+)*\.[A-Za-z_]\w*)*\}\})*$/;

type Parts = Array<string | string[]>;

/** Path segments every object has: not values of the flow, and Handlebars refuses them noisily. */
const OBJECT_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const PLAIN_MUSTACHE = /^\{\{(?!(?:else|true|false|null|undefined|this)\b)[A-Za-z_]\w*(?:(?:\.\d+)*\.[A-Za-z_]\w*)*\}\}$/;

/**
 * Why a rule text is not a plain `{{a.b}}` template, or undefined if it is one
 * (or shows no value at all). Rule texts from any pack are only that: no
 * helper, block, partial, comment, `{{log}}` or raw `{{{x}}}`, so filling one
 * cannot fail or run anything. `at` is the offset of the offending part.
 */
export function templateProblem(text: string): { at: number; message: string } | undefined {
  if (!text.includes('{{')) return undefined;
  if (PLAIN.test(text)) {
    for (const m of text.matchAll(/\{\{([^}]*)\}\}/g)) {
      const key = m[1]!.split('.').find((k) => OBJECT_KEYS.has(k));
      if (key !== undefined) return { at: m.index, message: `${m[0]} reads "${key}", which every object has, not a value of the flow` };
    }
    return undefined;
  }
  for (const m of text.matchAll(/\{\{[^]*?(?:\}\}|$)/g))
    if (!PLAIN_MUSTACHE.test(m[0]))
      return {
        at: m.index,
        message: `"${m[0].length > 40 ? `${m[0].slice(0, 40)}…` : m[0]}" is not a plain {{path}}: a rule text shows values only, like {{vendor.name}} (no helpers, blocks, partials, comments or {{{…}}})`,
      };
  const at = text.search(/[{}\\]/);
  return { at: Math.max(0, at), message: 'a backslash or a single brace in a text with {{path}} changes how it is read: leave them out of such a text' };
}

/** The first segment of each path a plain template shows (see PLAIN); undefined for a text Handlebars must parse. */
export function plainHeads(text: string): ReadonlySet<string> | undefined {
  if (!PLAIN.test(text)) return undefined;
  return new Set(plainParts(text).flatMap((p) => (Array.isArray(p) ? [p[0]!] : [])));
}

function plainParts(text: string): Parts {
  const parts: Parts = [];
  for (const piece of text.split(/\{\{([^}]*)\}\}/)) parts.push(parts.length % 2 ? piece.split('.') : piece);
  // Handlebars keeps no empty text between mustaches
  return parts.filter((p) => p !== '');
}

function handlebarsParts(text: string): Parts | undefined {
  const ast = engine().parse(text);
  const parts: Parts = [];
  for (const node of ast.body) {
    if (node.type === 'ContentStatement') parts.push((node as hbs.AST.ContentStatement).value);
    else if (node.type === 'MustacheStatement') {
      const m = node as hbs.AST.MustacheStatement;
      const path = m.path as hbs.AST.PathExpression;
      if (m.params.length || m.hash || path.type !== 'PathExpression' || path.data || path.depth || !m.escaped) return undefined;
      parts.push(path.parts);
    } else if (node.type !== 'CommentStatement') return undefined;
  }
  return parts;
}

function simpleTemplate(text: string): SimpleTemplate | undefined {
  const parts = PLAIN.test(text) ? plainParts(text) : handlebarsParts(text);
  if (parts === undefined) return undefined;
  if (parts.some((p) => Array.isArray(p) && p.some((k) => k === '__proto__' || k === 'constructor' || k === 'prototype'))) return undefined;
  // Handlebars adds two leading values with + before any text (two numbers sum: "{{a}}{{b}}" → "0" for 0, 0);
  // leave that case to Handlebars itself rather than imitate it.
  if (Array.isArray(parts[0]) && Array.isArray(parts[1])) return undefined;
  let slow: ((context: object) => string) | undefined;
  const heads = new Set(parts.filter((p) => Array.isArray(p)).map((p) => p[0] ?? 'this'));
  const render: Render = (context) => {
    // Joined, not concatenated: a join makes one flat string, where += makes a rope that
    // every later reader (JSON.stringify of the report above all) must flatten again.
    const out: string[] = [];
    for (const part of parts) {
      if (typeof part === 'string') {
        out.push(part);
        continue;
      }
      let v: unknown = context;
      for (const key of part) v = v !== null && typeof v === 'object' && Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined;
      // An object shown as text is odd; let Handlebars decide exactly how.
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        slow ??= engine().compile(text, { noEscape: true, strict: false });
        return slow(context);
      }
      out.push(v === null || v === undefined ? '' : String(v));
    }
    return out.join('');
  };
  return { render, heads };
}

export function compiled(text: string): Render {
  let t = templateCache.get(text);
  if (!t) {
    t = simpleRender(text) ?? engine().compile(text, { noEscape: true, strict: false });
    templateCache.set(text, t);
  }
  return t;
}

export function fill(text: string, context: object): string {
  return text.includes('{{') ? compiled(text)(context) : text;
}

interface RuleTexts {
  title: string;
  action: string;
  evidence: string[];
}

/**
 * Texts filled for one subject, shared by every law of one evaluation: twenty
 * state laws show the same "… for purpose p7" text, filled once and stored
 * once. By template text, then subject.
 */
export type SharedTexts = Map<string, Map<object, string>>;

/** What a text may read that differs from law to law (`this` is the whole context). */
const LAW_HEADS: ReadonlySet<string> = new Set(['regulation', 'params', 'this']);

type RuleRender = (context: () => object, subject?: object, shared?: SharedTexts) => RuleTexts;
const ruleRenders = new WeakMap<Rule, RuleRender>();

// Several texts that need Handlebars are filled in one template call per item
// (a call costs far more than the text): joined by a separator no rule text
// contains, and split again; should a value from the flow contain it, fill one by one.
const SEP = '\u001f';

function ruleRender(rule: Rule): RuleRender {
  const parts = [rule.title, rule.action, ...rule.evidence];
  const split = (out: string[]): RuleTexts => ({ title: out[0]!, action: out[1]!, evidence: out.slice(2) });
  if (!parts.some((p) => p.includes('{{'))) {
    const fixed: RuleTexts = { title: rule.title, action: rule.action, evidence: rule.evidence };
    return () => fixed;
  }
  const templates = parts.map((p) => (p.includes('{{') ? simpleTemplate(p) : undefined));
  if (templates.every((t, i) => t !== undefined || !parts[i]!.includes('{{'))) {
    const lawFree = templates.map((t) => t !== undefined && ![...t.heads].some((h) => LAW_HEADS.has(h)));
    // Evidence without templates is the rule's own list, shared by its items (no list per item).
    const fixedEvidence = templates.slice(2).every((t) => t === undefined) ? rule.evidence : undefined;
    return (context, subject, shared) => {
      let c: object | undefined;
      const fill = (i: number): string => {
        const t = templates[i];
        const text = parts[i]!;
        if (t === undefined) return text;
        if (!lawFree[i] || shared === undefined || subject === undefined) return t.render((c ??= context()));
        let bySubject = shared.get(text);
        if (!bySubject) shared.set(text, (bySubject = new Map()));
        let filled = bySubject.get(subject);
        if (filled === undefined) bySubject.set(subject, (filled = t.render((c ??= context()))));
        return filled;
      };
      const evidence = fixedEvidence ?? rule.evidence.map((_, i) => fill(i + 2));
      return { title: fill(0), action: fill(1), evidence };
    };
  }
  const joined = compiled(parts.join(SEP));
  return (context) => {
    const c = context();
    const out = joined(c).split(SEP);
    return out.length === parts.length ? split(out) : split(parts.map((p) => fill(p, c)));
  };
}

/**
 * A rule's title, action and evidence for one item; the context is built only
 * if a text asks for it. With `shared`, a text that reads nothing of the law
 * is filled once per subject for every law (the subject must be the same
 * object for every law).
 */
export function fillRuleTexts(rule: Rule, context: () => object, subject?: object, shared?: SharedTexts): RuleTexts {
  let render = ruleRenders.get(rule);
  if (!render) ruleRenders.set(rule, (render = ruleRender(rule)));
  return render(context, subject, shared);
}
