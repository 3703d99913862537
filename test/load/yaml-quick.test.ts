// The quick reading (js-yaml) is taken only where it reads a document exactly
// as `yaml` does: compared here on generated documents and on hand-picked
// scalars that YAML parsers are known to read differently.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { entryLocator, parseYaml, readQuickly } from '../../src/load/yaml.js';

/** What `yaml` alone makes of a text: its value, or undefined when it reports a problem. */
function fullReading(text: string): unknown {
  const r = parseYaml('t.yaml', text, { quick: false });
  return r.issues.length ? undefined : r.value;
}

/** The property every document must keep: the quick value, when there is one, is `yaml`'s. */
function agrees(text: string): void {
  const quick = readQuickly(text);
  if (quick === undefined) return;
  const full = fullReading(text);
  expect(full, `yaml reports a problem in a document js-yaml read:\n${text}`).not.toBeUndefined();
  expect(quick).toEqual(full);
}

const TRICKY = [
  '~',
  'null',
  'Null',
  'NULL',
  '',
  'true',
  'True',
  'TRUE',
  'false',
  'FALSE',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  '1',
  '+1',
  '-1',
  '0',
  '-0',
  '+0',
  '007',
  '0o7',
  '0o17',
  '0x1F',
  '0X1F',
  '0b101',
  '1_000',
  '1,000',
  '1.5',
  '.5',
  '5.',
  '1e3',
  '1E3',
  '1e+3',
  '1.0e-3',
  '+.inf',
  '.inf',
  '-.inf',
  '.Inf',
  '.NaN',
  '.nan',
  '1e400',
  '2025-01-01',
  '2025-01-01T00:00:00Z',
  '12:30',
  '1:20:30',
  '-.5',
  '=',
  '<<',
  '0777',
  '08',
  '09.5',
  '"q"',
  "'s'",
  '"a\\tb"',
  '"\\u00e9"',
  "'it''s'",
  'a #b',
  'a# b',
  '@x',
  '`x',
  '|',
  '>',
  '- x',
  'a: b',
  '&a x',
  '*a',
  '!!str 1',
  '!!int "1"',
  '!x y',
  '%x',
  '? x',
  '[a, b]',
  '{a: 1}',
  '[]',
  '{}',
  'é',
  '\u00a0x',
  'x\u00a0',
];

describe('the quick YAML reading', () => {
  it('reads generated documents of every style exactly as yaml does, or leaves them to yaml', () => {
    const scalar = fc.oneof(fc.constantFrom(...TRICKY), fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(fc.oneof(fc.constantFrom(...TRICKY), fc.string()), tie('node'), { maxKeys: 4 }),
    }));
    const options = fc.record({
      collectionStyle: fc.constantFrom('any', 'block', 'flow'),
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
      defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE'),
      indent: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(fc.oneof(value.map, value.list), options, (v, o) => agrees(stringify(v, o as never))),
      { numRuns: Number(process.env.QUICK_RUNS ?? 400) },
    );
  });

  it('reads hand-written YAML (keys, scalars, indentation and comments joined at random) as yaml does, or leaves it', () => {
    const piece = fc.constantFrom(
      ...TRICKY,
      'k',
      'k2',
      ':',
      ': ',
      '\n',
      '\n  ',
      '\n- ',
      '- ',
      ' ',
      '  ',
      '#',
      ' # c',
      '\t',
      '"',
      "'",
      ',',
      '[',
      ']',
      '{',
      '}',
      '...',
      '---',
      '|\n  x',
      '>-\n  y\n',
      '|+\n',
      ':\n  ',
      '\n    ',
      '\r\n',
      '\\',
      '"\\"',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 24 }), (pieces) => agrees(pieces.join(''))),
      { numRuns: Number(process.env.QUICK_RUNS ?? 2000) },
    );
  });

  it('leaves to yaml what only it reads right: null keys, odd numbers, aliases, tags, complex keys, non-objects', () => {
    for (const text of [
      '~: 1\n',
      'null: 1\n',
      'a: -0\n',
      'a: .nan\n',
      'a: 1e400\n',
      'a: &x [1]\nb: *x\n',
      'a: !!str 1\n',
      '? [a]\n: 1\n',
      'just a scalar\n',
      '',
      'a: 1\na: 2\n',
      '__proto__: 1\n',
      `${'k'.repeat(1100)}: 1\n`,
      'a: 1\n---\nb: 2\n',
      // found by the properties above: js-yaml reads these, yaml refuses them or reads them otherwise
      '~~:\n- "q"? x~\n',
      '...\n- \n',
      'yes:\n\t\n',
      '- |+\n\n  \n',
      'k: &a x{a: 1}\n',
    ])
      expect(readQuickly(text), JSON.stringify(text)).toBeUndefined();
  });

  it('takes the status files and flows the tool writes: quoted keys, flow mappings, comments', () => {
    const status = 'version: 1\nitems:\n  "eu-gdpr/dpia/purpose:p1": {"status":"done","evidence":["a.pdf"]} # DPIA\n  "b/c": {"status":"todo"}\n';
    expect(readQuickly(status)).toEqual({
      version: 1,
      items: { 'eu-gdpr/dpia/purpose:p1': { status: 'done', evidence: ['a.pdf'] }, 'b/c': { status: 'todo' } },
    });
    expect(readQuickly('markets:\n  - code: EU\n    players: 5000\ndata:\n  - id: d0\n    subjects: [player, child]\n')).toBeDefined();
  });

  it('gives a valid document the same value either way, and positions when asked for', () => {
    const text = 'game:\n  id: g\n  name: "G"\nmarkets:\n  - code: EU\n    players: 1000\n  - {code: US, players: 20}\n';
    const quick = parseYaml('f.yaml', text);
    const full = parseYaml('f.yaml', text, { quick: false });
    expect(quick.value).toEqual(full.value);
    expect(quick.issues).toEqual([]);
    expect(quick.locate('/markets/1/code')).toEqual(full.locate('/markets/1/code'));
    expect(quick.locate('/markets/1/code')).toEqual({ line: 7, column: 12 });
  });

  it('places a status entry from the text where yaml places it, or leaves it to yaml', () => {
    const id = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', '/', ':', '@', '-', '.', ' ', '#', 'é', '😀', '"', "'", '\\', '\n'), minLength: 1, maxLength: 12 }),
      fc.constantFrom('eu-gdpr/dpia/purpose:p1', 'us-ca-ccpa/opt-out', 'x', 'true', '12'),
    );
    fc.assert(
      fc.property(fc.uniqueArray(id, { minLength: 1, maxLength: 8 }), fc.boolean(), (ids, quoted) => {
        const lines = ids.map((k, i) => `  ${quoted ? JSON.stringify(k) : k}: {"status":"todo"} # ${ids[(i + 1) % ids.length]!.replace(/\n/g, ' ')}`);
        const text = `# header\nversion: 1\nitems:\n${lines.join('\n')}\ntasks:\n  ${JSON.stringify(ids[0])}: {"status":"done"}\n`;
        const full = parseYaml('s.yaml', text, { quick: false });
        if (full.issues.length) return;
        const locate = entryLocator(text);
        for (const k of Object.keys((full.value as { items?: Record<string, unknown> }).items ?? {})) {
          const pointer = `/items/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
          const at = locate(pointer);
          if (at !== undefined) expect(at).toEqual(full.locate(pointer));
        }
      }),
      { numRuns: Number(process.env.QUICK_RUNS ?? 500) },
    );
    const text = 'version: 1\nitems:\n  "a/b": {"status":"todo"} # a\n\n  "c": {"status":"done"}\ntasks: {}\n';
    expect(entryLocator(text)('/items/a~1b')).toEqual({ line: 3, column: 10 });
    expect(entryLocator(text)('/items/c')).toEqual({ line: 5, column: 8 });
    expect(entryLocator('items:\n  c: {"status":"done"}\n')('/items/c')).toBeUndefined();
    // YAML escapes JSON does not read: no position from the text, never an error
    expect(entryLocator('items:\n  "a\\x41": {"status":"done"}\n')('/items/aA')).toBeUndefined();
  });
});
