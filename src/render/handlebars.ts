// One Handlebars environment for every template, with the few helpers they need.
// HTML templates escape with Handlebars' own HTML escaping; Markdown templates
// escape every `{{value}}` for Markdown (see markdownText), by rewriting each
// escaped mustache into a call of the `md` helper before compiling: no
// template can forget it. `{{{value}}}` stays raw, for text already made safe
// for its place (the Mermaid diagram).
import { describeFact, type FactNames } from '../core/facts.js';
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { describeDuration } from '../core/duration.js';
import { packagePath } from '../load/paths.js';
import { markdownCode, markdownText, markdownUrl } from './markdown-text.js';

const env = Handlebars.create();
env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
env.registerHelper('duration', (d: string) => describeDuration(d));
env.registerHelper('join', (xs: unknown, sep: unknown) => (Array.isArray(xs) ? xs.join(typeof sep === 'string' ? sep : ', ') : ''));
// the facts that would decide an item, in a person's words ("the number of players in the US"), not as paths
env.registerHelper('facts', (xs: unknown, names: unknown) => {
  const holder = names && typeof names === 'object' && Array.isArray((names as FactNames).vendors) ? (names as FactNames) : { vendors: [] };
  return Array.isArray(xs) ? xs.map((f) => describeFact(String(f), holder)).join('; ') : '';
});
env.registerHelper('upper', (s: string) => String(s).toUpperCase());
// Numbering from 1 in tables (@index counts from 0).
env.registerHelper('inc', (n: unknown) => (typeof n === 'number' ? n + 1 : n));

const shown = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const safe = (text: string) => new env.SafeString(text);
// Markdown table cells: no pipe or line break from input may break the table (markdownText escapes both).
env.registerHelper('cell', (s: unknown) => safe(markdownText(shown(s))));
env.registerHelper('md', (v: unknown) => (v instanceof env.SafeString ? v : safe(markdownText(shown(v)))));
env.registerHelper('mdCode', (v: unknown) => safe(markdownCode(shown(v))));
/** A link destination for Markdown, or nothing: `{{#if (mdUrl url)}}[x]({{mdUrl url}}){{/if}}`. */
env.registerHelper('mdUrl', (v: unknown) => {
  const url = markdownUrl(typeof v === 'string' ? v : null);
  return url === null ? '' : safe(url);
});

/** Called directly by the compiled Markdown templates (no lookup per value: a value per mustache adds up on large reports). */
const KNOWN_HELPERS = { md: true, mdCode: true, mdUrl: true, cell: true, join: true, duration: true, eq: true, upper: true } as const;

/** How a template's `{{value}}` is escaped. */
export type Escaping = 'html' | 'markdown';

const cache = new Map<string, HandlebarsTemplateDelegate>();

export function template(name: string, escaping: Escaping): HandlebarsTemplateDelegate {
  const key = `${name}|${escaping}`;
  let t = cache.get(key);
  if (!t) {
    const text = readFileSync(packagePath('templates', name), 'utf8');
    t =
      escaping === 'html'
        ? env.compile(text, { strict: false })
        : env.compile(markdownEscaped(env.parse(text)), { noEscape: true, strict: false, knownHelpers: KNOWN_HELPERS });
    cache.set(key, t);
  }
  return t;
}

type Node = hbs.AST.Node;

/** The template with every escaped mustache `{{x a}}` rewritten to `{{md (x a)}}`, or `{{mdCode …}}` between backticks. */
export function markdownEscaped(program: hbs.AST.Program): hbs.AST.Program {
  rewrite(program);
  return program;
}

function rewrite(program: hbs.AST.Program | undefined): void {
  if (!program) return;
  const body = program.body;
  body.forEach((node, i) => {
    if (node.type === 'MustacheStatement') {
      const m = node as hbs.AST.MustacheStatement;
      if (m.escaped) body[i] = wrapped(m, inCodeSpan(body[i - 1], body[i + 1]) ? 'mdCode' : 'md');
    } else if (node.type === 'BlockStatement') {
      const b = node as hbs.AST.BlockStatement;
      rewrite(b.program);
      rewrite(b.inverse);
    }
  });
}

/** A mustache right between two backticks of the template is the text of a code span. */
function inCodeSpan(before: Node | undefined, after: Node | undefined): boolean {
  const text = (n: Node | undefined) => (n?.type === 'ContentStatement' ? (n as hbs.AST.ContentStatement).value : '');
  return text(before).endsWith('`') && text(after).startsWith('`');
}

function wrapped(m: hbs.AST.MustacheStatement, helper: 'md' | 'mdCode'): hbs.AST.MustacheStatement {
  const value: hbs.AST.Expression =
    m.params.length || m.hash ? ({ type: 'SubExpression', path: m.path, params: m.params, hash: m.hash, loc: m.loc } as hbs.AST.SubExpression) : m.path;
  const path: hbs.AST.PathExpression = { type: 'PathExpression', data: false, depth: 0, parts: [helper], original: helper, loc: m.loc };
  return { ...m, path, params: [value], hash: undefined as unknown as hbs.AST.Hash, escaped: false };
}
