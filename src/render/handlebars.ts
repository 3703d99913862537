// One Handlebars environment for every template, with the few helpers they need.
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { describeDuration } from '../core/duration.js';
import { packagePath } from '../load/paths.js';

const env = Handlebars.create();
env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
env.registerHelper('duration', (d: string) => describeDuration(d));
env.registerHelper('join', (xs: unknown, sep: unknown) => (Array.isArray(xs) ? xs.join(typeof sep === 'string' ? sep : ', ') : ''));
env.registerHelper('upper', (s: string) => String(s).toUpperCase());
// Markdown table cells: no pipes or line breaks from input may break the table.
env.registerHelper('cell', (s: unknown) => String(s ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' '));

const cache = new Map<string, HandlebarsTemplateDelegate>();

export function template(name: string, noEscape: boolean): HandlebarsTemplateDelegate {
  const key = `${name}|${noEscape}`;
  let t = cache.get(key);
  if (!t) {
    t = env.compile(readFileSync(packagePath('templates', name), 'utf8'), { noEscape, strict: false });
    cache.set(key, t);
  }
  return t;
}
