// JSON Schema validation (ajv) with errors a compliance owner can act on:
// plain words, the exact place, and the closest valid name.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Issue } from '../core/types.js';
import { didYouMean } from '../core/suggest.js';
import { packagePath } from './paths.js';
import { pointerKeys } from './pointer.js';

const require = createRequire(import.meta.url);
// ajv ships CommonJS; createRequire keeps NodeNext and its default export happy.
// It is loaded only when a schema must be compiled here: loading it and
// compiling the flow schema took an eighth of a second of every check.
// eslint-disable-next-line @typescript-eslint/consistent-type-imports -- ajv is required lazily below; only its type is named here
type AjvClass = typeof import('ajv').default;
type StandaloneCode = (ajv: InstanceType<AjvClass>, refsOrFuncs?: Record<string, string>) => string;
const ajvClass = () => require('ajv') as AjvClass;
const AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true, validateSchema: false } as const;

export type SchemaName =
  'flow' | 'rule' | 'regulation' | 'rule-test' | 'status' | 'questions' | 'report' | 'condition' | 'conditions' | 'store-mapping' | 'scenario';

/** The schemas of what users hand in on every run, compiled to code at build time. */
export const PRECOMPILED: readonly SchemaName[] = ['flow', 'status'];
export const PRECOMPILED_FILE = packagePath('dist', 'validators.cjs');

let ajv: InstanceType<AjvClass> | undefined;
const added = new Set<string>();
const compiled = new Map<SchemaName, ValidateFunction>();

/** The other schema files a schema refers to ("rule.schema.json#/definitions/topic" → rule.schema.json). */
function referencedFiles(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) referencedFiles(v, out);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && !v.startsWith('#')) out.add(v.split('#')[0]!);
      else referencedFiles(v, out);
    }
  return out;
}

const texts = new Map<string, string>();

/** A schema file's text, read once per run. */
function schemaText(file: string): string {
  let text = texts.get(file);
  if (text === undefined) texts.set(file, (text = readFileSync(packagePath('schemas', file), 'utf8')));
  return text;
}

/** A schema file and every file it refers to, each once. */
function schemaFiles(file: string, out = new Set<string>()): Set<string> {
  if (out.has(file)) return out;
  out.add(file);
  for (const ref of referencedFiles(JSON.parse(schemaText(file)))) schemaFiles(ref, out);
  return out;
}

// Only the schemas a command needs, and those they refer to, are read and
// compiled: checking a flow should not pay for the rule-pack schemas. Schemas
// are checked against the meta-schema by the test suite, not on every run.
function withSchema(file: string): InstanceType<AjvClass> {
  const Ajv = ajvClass();
  ajv ??= new Ajv(AJV_OPTIONS);
  for (const f of schemaFiles(file))
    if (!added.has(f)) {
      ajv.addSchema(JSON.parse(schemaText(f)) as object, f);
      added.add(f);
    }
  return ajv;
}

/**
 * The code of validators for `names`, as ajv's standalone output, with the
 * text of every schema file it was made from (so a stale copy is noticed).
 */
export function precompiledValidators(names: readonly SchemaName[] = PRECOMPILED): string {
  const Ajv = ajvClass();
  const standalone = (require('ajv/dist/standalone') as { default: StandaloneCode }).default;
  const generator = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  const sources: Record<string, string> = {};
  for (const name of names)
    for (const file of schemaFiles(`${name}.schema.json`)) {
      if (sources[file] !== undefined) continue;
      sources[file] = schemaText(file);
      generator.addSchema(JSON.parse(sources[file]) as object, file);
    }
  const code = standalone(generator, Object.fromEntries(names.map((n) => [n, `${n}.schema.json`])));
  return `${code}\nexports.sources = ${JSON.stringify(sources)};\n`;
}

interface Precompiled {
  sources: Record<string, string>;
  [name: string]: unknown;
}

const precompiled = new Map<string, Precompiled | null>();

/** A validator compiled at build time, if there is one and every schema file it came from is unchanged. */
export function precompiledValidator(name: SchemaName, file = PRECOMPILED_FILE): ValidateFunction | undefined {
  let code = precompiled.get(file);
  if (code === undefined) {
    try {
      code = require(file) as Precompiled;
    } catch {
      code = null; // not built (running from source) or unreadable: compile here
    }
    precompiled.set(file, code);
  }
  const v = code?.[name];
  if (typeof v !== 'function' || !code) return undefined;
  for (const f of schemaFiles(`${name}.schema.json`)) if (code.sources[f] !== schemaText(f)) return undefined;
  return v as ValidateFunction;
}

export function validator(name: SchemaName): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    v = precompiledValidator(name) ?? withSchema(`${name}.schema.json`).getSchema(`${name}.schema.json`);
    if (!v) throw new Error(`schema ${name} not found`);
    compiled.set(name, v);
  }
  return v;
}

/** The validator of a schema compiled here, never a precompiled one (for tests that compare the two). */
export function compiledHere(name: SchemaName): ValidateFunction {
  const v = withSchema(`${name}.schema.json`).getSchema(`${name}.schema.json`);
  if (!v) throw new Error(`schema ${name} not found`);
  return v;
}

/**
 * A JSON pointer as a reader writes the place: `items["eu-gdpr/dpo"].status`
 * for /items/eu-gdpr~1dpo/status; plain keys joined by dots, list positions as numbers.
 */
export function pointerLabel(pointer: string): string {
  let out = '';
  for (const key of pointerKeys(pointer)) {
    if (/^[A-Za-z0-9_$-]+$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** A value as a message shows it: a long one cut, so one bad value cannot flood the terminal. */
export function shownValue(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
  if (text.length <= max) return text;
  // never cut between the two halves of a character outside the BMP
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 2)) ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}

function get(root: unknown, pointer: string): unknown {
  let node = root;
  for (const seg of pointerKeys(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

/** Turn ajv's errors into plain issues, dropping the noise of failed oneOf branches. */
export function schemaIssues(file: string, root: unknown, errors: readonly ErrorObject[]): Issue[] {
  const out: Issue[] = [];
  const seen = new Set<string>();
  // When a oneOf fails, ajv reports every branch; keep the branch errors only
  // if there is nothing more specific at or below that place.
  const specific = errors.filter((e) => !['oneOf', 'anyOf', 'allOf', 'if'].includes(e.keyword));
  const list = errors.filter((e) => !['oneOf', 'anyOf', 'allOf', 'if'].includes(e.keyword) || !specific.some((s) => s.instancePath.startsWith(e.instancePath)));
  // Drop type errors from oneOf branches when a sibling branch matched the type.
  for (const e of list) {
    let pointer = e.instancePath;
    let message: string;
    let hint: string | undefined;
    const here = pointer === '' ? 'the file' : pointerLabel(pointer);
    switch (e.keyword) {
      case 'required':
        message = `${here} is missing "${(e.params as { missingProperty: string }).missingProperty}"`;
        break;
      case 'additionalProperties': {
        const key = (e.params as { additionalProperty: string }).additionalProperty;
        pointer = `${pointer}/${key}`;
        message = `unknown key "${key}"${pointer.split('/').length > 2 ? ` in ${here}` : ''}`;
        const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
        hint = didYouMean(key, allowed) ?? (allowed.length ? `allowed keys: ${allowed.join(', ')}` : undefined);
        break;
      }
      case 'enum': {
        const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
        const value = get(root, pointer);
        message = `${here}: ${shownValue(value)} is not one of ${allowed.join(', ')}`;
        hint = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
        break;
      }
      case 'const':
        message = `${here} must be ${shownValue((e.params as { allowedValue: unknown }).allowedValue)}`;
        break;
      case 'type':
        message = `${here} must be ${(e.params as { type: string | string[] }).type.toString().replace(',', ' or ')}, not ${shownValue(get(root, pointer))}`;
        break;
      case 'pattern': {
        const d = (e.parentSchema as { description?: string })?.description;
        message = `${here}: ${shownValue(get(root, pointer))} is not in the expected form`;
        hint = d;
        break;
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        message = `${here}: ${shownValue(get(root, pointer))} ${e.message}`;
        break;
      case 'minItems':
        message = `${here} must have at least ${(e.params as { limit: number }).limit} item(s)`;
        break;
      case 'uniqueItems':
        message = `${here} lists the same value twice`;
        break;
      case 'minProperties':
      case 'maxProperties':
        message = e.keyword === 'maxProperties' ? `${here} must hold exactly one condition (wrap several in all: or any:)` : `${here} must not be empty`;
        break;
      case 'oneOf':
      case 'anyOf':
        message = `${here}: ${shownValue(get(root, pointer))} is not a valid value here`;
        break;
      default:
        message = `${here} ${e.message ?? 'is invalid'}`;
    }
    const key = `${pointer}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ file, pointer, message, ...(hint ? { hint } : {}) });
  }
  return out;
}

export function validateWith(name: SchemaName, file: string, value: unknown): Issue[] {
  const v = validator(name);
  if (v(value)) return [];
  return schemaIssues(file, value, v.errors ?? []);
}
