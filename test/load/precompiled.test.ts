// The flow and status validators are compiled to code at build time. They
// must judge exactly as the schemas compiled at run time do, and a copy made
// from other schema text must be ignored.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import YAML from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledHere, precompiledValidator, precompiledValidators, PRECOMPILED } from '../../src/load/schema.js';

// Inside the package, where the generated code finds ajv's runtime helpers.
const cache = new URL('../../node_modules/.cache', import.meta.url).pathname;
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, 'complyflow-validators-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fresh = join(dir, 'validators.cjs');
writeFileSync(fresh, precompiledValidators());

const example = YAML.parse(readFileSync(new URL('../../examples/starfall/flow.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;

/** Every place in a document, as a path of keys. */
function places(value: unknown, path: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => places(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) places(v, [...path, k], out);
  return out;
}

function withValueAt(doc: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

const judged = (v: ReturnType<typeof compiledHere>, doc: unknown) => ({ valid: v(doc), errors: v.errors ?? null });

describe('validators compiled at build time', () => {
  it('cover the flow and status schemas', () => {
    for (const name of PRECOMPILED) expect(precompiledValidator(name, fresh)).toBeTypeOf('function');
    expect(precompiledValidator('rule', fresh)).toBeUndefined();
  });

  it('judge any change to the example flow exactly as the schema compiled at run time', () => {
    const pre = precompiledValidator('flow', fresh)!;
    const here = compiledHere('flow');
    const spots = places(example);
    const at = (path: Array<string | number>) => path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], example);
    const objects = spots.filter((p) => {
      const n = at(p);
      return n !== null && typeof n === 'object' && !Array.isArray(n);
    });
    const anything = fc.oneof(fc.jsonValue(), fc.constantFrom('processor', 'EU', 'user.contact.email', 'consent', 'P1Y', -1, 0, 1.5));
    fc.assert(
      fc.property(fc.constantFrom(...spots), fc.constantFrom(...objects), anything, fc.boolean(), (path, object, value, addKey) => {
        const doc = addKey ? withValueAt(example, [...object, 'extra'], value) : withValueAt(example, path, value);
        expect(judged(pre, doc)).toEqual(judged(here, doc));
      }),
      { numRuns: 300 },
    );
    expect(pre(example)).toBe(true);
  });

  it('are ignored when a schema file they came from has changed', () => {
    const stale = join(dir, 'stale.cjs');
    writeFileSync(
      stale,
      readFileSync(fresh, 'utf8').replace(/exports\.sources = (.*);\n$/, (_, json: string) => {
        const sources = JSON.parse(json) as Record<string, string>;
        sources['flow.schema.json'] += ' ';
        return `exports.sources = ${JSON.stringify(sources)};\n`;
      }),
    );
    expect(precompiledValidator('flow', stale)).toBeUndefined();
    expect(precompiledValidator('status', stale)).toBeTypeOf('function');
    expect(precompiledValidator('flow', join(dir, 'missing.cjs'))).toBeUndefined();
  });
});
