// Safe YAML reading: size and encoding checks, alias-bomb limits, no
// prototype keys, and a way to turn a JSON pointer back into line:column.
//
// Two parsers, one answer. `yaml` reads every document with positions and is
// the one that speaks: every message, line and column comes from it. It is
// also five times slower than js-yaml, which reads a large valid flow or status
// file in a fifth of the time and memory. So a document is first read by
// js-yaml, and that value is taken only when the document is one both parsers
// read alike (plain mappings, lists and scalars: no tags, anchors, complex or
// null keys, odd numbers; plain scalars resolved by the YAML 1.2 core schema's
// own patterns, as `yaml` resolves them; a test compares the two on generated
// documents); anything else, and every document with a problem, is read by
// `yaml` as before. Positions, when asked for, are read by `yaml` then.
import { defineScalarTag, FAILSAFE_SCHEMA, load as loadQuickly, NOT_RESOLVED as NOT_A } from 'js-yaml';
import type { Document, LineCounter, Node, Pair, YAMLMap } from 'yaml';
import { yamlLib } from './yaml-lib.js';
import type { Issue } from '../core/types.js';
import { pointerKeys } from './pointer.js';

export const MAX_INPUT_BYTES = 32 * 1024 * 1024;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ParsedYaml {
  value: unknown;
  doc: Document.Parsed | null;
  lines: LineCounter;
  issues: Issue[];
  /** line and column (1-based) of the node at a JSON pointer, or of its nearest parent */
  locate(pointer: string): { line: number; column: number } | undefined;
}

function decode(file: string, bytes: Uint8Array): { text?: string; issue?: Issue } {
  if (bytes.length > MAX_INPUT_BYTES)
    return {
      issue: {
        file,
        pointer: '',
        line: 1,
        column: 1,
        message: `file is too large (${bytes.length} bytes; the limit is ${MAX_INPUT_BYTES})`,
        hint: 'split the description or check that this is the right file',
      },
    };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes.length > 1 && (bytes[0] === 0) !== (bytes[1] === 0)))
    return { issue: { file, pointer: '', line: 1, column: 1, message: 'the file is UTF-16 text, not UTF-8', hint: 'save it as UTF-8' } };
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { issue: { file, pointer: '', ...position(bytes, nul), message: 'this is a binary file, not YAML text' } };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // The first invalid byte, for the message: the longest valid prefix (streamed, so a prefix that ends
    // inside a character is valid), found by bisection: linear decoding per step, not per byte.
    const validPrefix = (n: number) => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
        return true;
      } catch {
        return false;
      }
    };
    let good = 0;
    let badEnd = bytes.length;
    while (badEnd - good > 1) {
      const mid = good + Math.floor((badEnd - good) / 2);
      if (validPrefix(mid)) good = mid;
      else badEnd = mid;
    }
    const bad = badEnd - 1;
    return {
      issue: { file, pointer: '', ...position(bytes, bad), message: 'the file is not valid UTF-8 text', hint: 'save it as UTF-8' },
    };
  }
}

function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 10) {
      line++;
      column = 1;
    } else if ((bytes[i]! & 0xc0) !== 0x80) column++; // characters, not the bytes after a character's first
  }
  return { line, column };
}

/** The first prototype key anywhere in a parsed value (shared parts, from aliases, searched once). */
function forbiddenKey(value: unknown, seen = new Set<object>()): string | undefined {
  if (value === null || typeof value !== 'object' || seen.has(value)) return undefined;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const v of value) {
      const k = forbiddenKey(v, seen);
      if (k !== undefined) return k;
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return key;
    const k = forbiddenKey((value as Record<string, unknown>)[key], seen);
    if (k !== undefined) return k;
  }
  return undefined;
}

/** Values (scalars and aliases) a file may hold: a document of more would not fit in memory once read. */
export const MAX_VALUES = 2_500_000;
const VALUE_TOKENS = new Set(['scalar', 'single-quoted-scalar', 'double-quoted-scalar', 'block-scalar', 'alias']);

/** Counted by the lexer, which holds no tree, before parsing; only for text long enough to hold that many. */
function tooManyValues(text: string): string | undefined {
  if (text.length < 2 * MAX_VALUES) return undefined;
  let values = 0;
  const { CST, Lexer } = yamlLib();
  for (const token of new Lexer().lex(text))
    if (VALUE_TOKENS.has(CST.tokenType(token) ?? '') && ++values > MAX_VALUES)
      return `the file holds more than ${MAX_VALUES.toLocaleString('en-US')} values, more than complyflow reads`;
  return undefined;
}

/** What a file holds when it holds no YAML value, in words. */
function emptyFile(text: string, bom: boolean): string {
  if (/^\s*$/.test(text))
    return text === '' ? (bom ? 'the file is empty (only a byte-order mark)' : 'the file is empty') : 'the file is empty (only blank space)';
  return 'the file holds only comments, no YAML value';
}

/** Names for numbers YAML can write but no count or limit means. */
function oddNumber(source: string, value: number): string | undefined {
  if (Number.isNaN(value)) return `${source} is YAML for "not a number"; write a number`;
  if (!Number.isFinite(value)) return /inf/i.test(source) ? `${source} is YAML for infinity; write a number` : `${source} is too large a number`;
  if (Object.is(value, -0)) return `${source} is negative zero; write 0`;
  return undefined;
}

/**
 * Keys given twice in one mapping and numbers no count means (.nan, .inf, 1e400, -0), in one pass over the
 * document: linear, and without recursion, however deep.
 */
function oddNodes(doc: Document.Parsed, file: string, at: (offset: number) => { line: number; column: number }): Issue[] {
  const issues: Issue[] = [];
  const { isMap, isScalar, isSeq } = yamlLib();
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const keys = new Set<string>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const key = String(pair.key.value);
          if (keys.has(key))
            issues.push({ file, pointer: '', ...at(pair.key.range?.[0] ?? 0), message: `the key "${key}" is given twice in this mapping`, hint: 'keep one' });
          keys.add(key);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    else if (isScalar(node) && typeof node.value === 'number') {
      const odd = oddNumber(node.source ?? String(node.value), node.value);
      if (odd) issues.push({ file, pointer: '', ...at(node.range?.[0] ?? 0), message: odd });
    }
  }
  return issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/**
 * What the quick reading declines at once, from the text: a tag, an anchor or
 * alias, a complex key, a flow collection where a key may stand, a directive, a document marker
 * past the first line, text right after a closing quote (js-yaml lets it
 * pass), a block scalar that keeps its trailing lines (|+: they count them
 * differently), a tab (the two differ on where one may stand), and the
 * line breaks they may count differently. Seen anywhere, even inside a string: a
 * decline costs only time.
 */
const QUICK_DECLINES =
  /(?:^|[\s[{,])[!&*]|^[ \t]*(?:-[ \t]+)*[?[{]|[{,][ \t]*[[{]|^%|\n(?:---|\.\.\.)(?:\s|$)|^\.\.\.|(?:^[ \t]*(?:-[ \t]+)*|[:,[{][ \t]*)(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*')[^\s:,\]}#]|[|>][1-9]?\+|[\t\u0085\u2028\u2029]/m;

/** Longer keys are refused by `yaml` (an implicit key is at most 1024 characters): leave them to it. */
const QUICK_KEY_LENGTH = 1000;

/**
 * A value both parsers read alike: every object met once (an alias makes a
 * shared one), no prototype or null-looking key, no key longer than an
 * implicit key may be (odd numbers stop the reading itself: see `number`).
 * Iterative: any depth.
 */
function plainTree(root: object): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (seen.has(v)) return false;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
      continue;
    }
    for (const key of Object.keys(v)) {
      // js-yaml names a null key "null" where `yaml` names it "": take neither
      if (FORBIDDEN_KEYS.has(key) || key === 'null' || key.length > QUICK_KEY_LENGTH) return false;
      stack.push((v as Record<string, unknown>)[key]);
    }
  }
  return true;
}

/** A number no count means (NaN, an infinity, -0): the quick reading stops, and `yaml` reads and reports it. */
class OddNumber extends Error {}
const number = (n: number) => {
  if (!Number.isFinite(n) || Object.is(n, -0)) throw new OddNumber();
  return n;
};

/**
 * Plain scalars as the YAML 1.2 core schema resolves them, with the patterns
 * and conversions of `yaml`'s own core schema (yaml/dist/schema/core), so
 * that both parsers give every plain scalar the same value.
 */
// Every plain scalar is offered to each resolver in turn: most (ids, keys, words) are turned away by
// their first character, before any pattern is tried.
const startsLikeNumber = (s: string) => {
  const c = s.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46; // 0-9 + - .
};
const CORE_AS_YAML_READS_IT = FAILSAFE_SCHEMA.withTags(
  defineScalarTag('tag:yaml.org,2002:null', {
    implicit: true,
    identify: () => false,
    resolve: (s) => (s === '' || s === '~' || s === 'null' || s === 'Null' || s === 'NULL' ? null : NOT_A),
  }),
  defineScalarTag('tag:yaml.org,2002:bool', {
    implicit: true,
    identify: () => false,
    resolve: (s) => (s === 'true' || s === 'True' || s === 'TRUE' ? true : s === 'false' || s === 'False' || s === 'FALSE' ? false : NOT_A),
  }),
  defineScalarTag('tag:yaml.org,2002:int', {
    implicit: true,
    identify: () => false,
    resolve: (s) =>
      !startsLikeNumber(s)
        ? NOT_A
        : /^0o[0-7]+$/.test(s)
          ? number(parseInt(s.substring(2), 8))
          : /^[-+]?[0-9]+$/.test(s)
            ? number(parseInt(s, 10))
            : /^0x[0-9a-fA-F]+$/.test(s)
              ? number(parseInt(s.substring(2), 16))
              : NOT_A,
  }),
  defineScalarTag('tag:yaml.org,2002:float', {
    implicit: true,
    identify: () => false,
    resolve: (s) => {
      if (!startsLikeNumber(s)) return NOT_A;
      if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) throw new OddNumber();
      return /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s) ? number(parseFloat(s)) : NOT_A;
    },
  }),
);

/** The document's value by the quick reading, or undefined when `yaml` must read it (see the top of this file). */
export function readQuickly(text: string): object | undefined {
  if (QUICK_DECLINES.test(text)) return undefined;
  let value: unknown;
  try {
    value = loadQuickly(text, { schema: CORE_AS_YAML_READS_IT, maxAliases: 0 });
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  return plainTree(value) ? value : undefined;
}

/** A line of the layout complyflow writes its status entries in: `  "<id>": {...}`, a comment after it or not. */
const WRITTEN_ENTRY = /^ {2}("(?:[^"\\]|\\.)*"): (\{.*\})(?: #.*)?$/;

/**
 * Where the value of an entry of a top-level mapping stands (`/items/<id>`),
 * read off the text when the mapping is in the layout complyflow writes (one
 * entry a line, its key double-quoted, its value a flow mapping): a stale entry
 * in a status file of 300,000 entries is placed without reading the file again.
 * Undefined for any other layout, and `yaml` then finds it.
 */
export function entryLocator(text: string): (pointer: string) => { line: number; column: number } | undefined {
  const blocks = new Map<string, Map<string, { line: number; column: number }> | null>();
  const blockOf = (parentKey: string) => {
    if (blocks.has(parentKey)) return blocks.get(parentKey)!;
    let found: Map<string, { line: number; column: number }> | null = null;
    const lines = text.split('\n');
    const start = lines.findIndex((l) => l === `${parentKey}:` || l === `${JSON.stringify(parentKey)}:`);
    if (start >= 0) {
      found = new Map();
      for (let i = start + 1; i < lines.length; i++) {
        const line = lines[i]!;
        if (line === '' || /^\s*#/.test(line)) continue;
        if (!line.startsWith(' ')) break;
        const m = WRITTEN_ENTRY.exec(line);
        if (!m) {
          found = null;
          break;
        }
        let key: string;
        try {
          key = JSON.parse(m[1]!) as string;
        } catch {
          // a YAML escape JSON does not know (\x41, \e): leave the whole mapping to `yaml`
          found = null;
          break;
        }
        // columns count characters, as yaml's positions do
        found.set(key, { line: i + 1, column: [...m[1]!].length + 5 });
      }
    }
    blocks.set(parentKey, found);
    return found;
  };
  return (pointer) => {
    const keys = pointerKeys(pointer);
    return keys.length === 2 ? (blockOf(keys[0]!)?.get(keys[1]!) ?? undefined) : undefined;
  };
}

export function parseYaml(file: string, bytes: Uint8Array | string, options: { quick?: boolean } = {}): ParsedYaml {
  const failed = (issue: Issue): ParsedYaml => ({
    value: undefined,
    doc: null,
    lines: new (yamlLib().LineCounter)(),
    issues: [issue],
    locate: () => undefined,
  });
  let text: string;
  let bom = false;
  if (typeof bytes === 'string') text = bytes;
  else {
    const d = decode(file, bytes);
    if (d.issue) return failed(d.issue);
    text = d.text!;
    bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  }
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    bom = true;
  }
  // Old Mac line endings (CR alone) read as line ends; same length, so every offset stays.
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');
  const values = tooManyValues(text);
  if (values) return failed({ file, pointer: '', line: 1, column: 1, message: values, hint: 'split the file, or check that this is the right file' });
  const quick = options.quick === false ? undefined : readQuickly(text);
  if (quick !== undefined) {
    // Positions only when an issue asks for them (schema problems): then `yaml` reads the document, once.
    let full: ParsedYaml | undefined;
    const fully = () => (full ??= parseYaml(file, text, { quick: false }));
    const written = entryLocator(text);
    return {
      value: quick,
      issues: [],
      get doc() {
        return fully().doc;
      },
      get lines() {
        return fully().lines;
      },
      locate: (pointer) => written(pointer) ?? fully().locate(pointer),
    };
  }
  const { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } = yamlLib();
  const lines = new LineCounter();
  // Duplicate keys are found below, in one pass: the parser's own check compares every pair of keys.
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false, strict: true });
  const issues: Issue[] = [];
  const at = (offset: number) => {
    const p = lines.linePos(offset);
    const before = text.slice(lines.lineStarts[p.line - 1] ?? 0, offset);
    // columns count characters: a character outside the BMP is two UTF-16 units
    return { line: p.line, column: /[\uD800-\uDBFF]/.test(before) ? [...before].length + 1 : p.col };
  };
  for (const e of doc.errors) {
    const msg = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    // The parser recurses per level: thousands of levels overflow its stack, which is no syntax error to the user.
    if (/Maximum call stack/.test(msg))
      issues.push({
        file,
        pointer: '',
        ...at(e.pos[0]),
        message: 'the YAML is nested too deeply to read',
        hint: 'a flow needs a handful of levels; check that this is the right file',
      });
    else if (e.code === 'MULTIPLE_DOCS')
      issues.push({
        file,
        pointer: '',
        ...at(e.pos[0]),
        message: 'a second YAML document starts here; give one document per file',
        hint: 'remove the --- line, or split the file',
      });
    else issues.push({ file, pointer: '', ...at(e.pos[0]), message: `YAML syntax: ${msg}` });
  }
  for (const w of doc.warnings)
    if (w.code === 'TAG_RESOLVE_FAILED')
      issues.push({
        file,
        pointer: '',
        ...at(w.pos[0]),
        message: `unknown YAML tag ${/: (.*)$/.exec(w.message.split('\n')[0]!)?.[1] ?? ''}`.trimEnd(),
        hint: 'remove the tag',
      });
  if (!issues.length && doc.contents === null) issues.push({ file, pointer: '', line: 1, column: 1, message: emptyFile(text, bom) });
  if (!issues.length) issues.push(...oddNodes(doc, file, at));
  // each mapping's keys indexed once, so locating many issues stays linear
  const indexes = new WeakMap<object, Map<string, Pair>>();
  const keyIndex = (map: YAMLMap): Map<string, Pair> => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const p of map.items) if (isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p as Pair);
      indexes.set(map, index);
    }
    return index;
  };
  const locateNode = (pointer: string): Node | undefined => {
    let node: unknown = doc.contents;
    let last: Node | undefined = (node as Node) ?? undefined;
    for (const seg of pointerKeys(pointer)) {
      if (isMap(node)) {
        const pair = keyIndex(node).get(seg);
        if (!pair) break;
        node = pair.value ?? pair.key;
      } else if (isSeq(node)) {
        node = node.items[Number(seg)];
      } else break;
      if (node && (isScalar(node) || isMap(node) || isSeq(node) || isAlias(node))) last = node as Node;
      else break;
    }
    return last;
  };
  const locate = (pointer: string) => {
    const n = locateNode(pointer);
    return n?.range ? at(n.range[0]) : undefined;
  };
  if (issues.length) return { value: undefined, doc, lines, issues, locate };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    const message =
      e instanceof Error && /alias/i.test(e.message)
        ? 'too many YAML aliases (possible alias bomb); expand the anchors by hand'
        : `cannot read YAML: ${e instanceof Error ? e.message : String(e)}`;
    return { value: undefined, doc, lines, issues: [{ file, pointer: '', line: 1, column: 1, message }], locate };
  }

  // Prototype keys would poison plain objects (the parser keeps them as own
  // keys, harmless until then): reject them where they stand. The values are
  // searched first, a tenth of the time of searching the document.
  const forbidden = forbiddenKey(value);
  if (forbidden !== undefined) {
    const refuse = (key: string, where: { line: number; column: number }) =>
      issues.push({ file, pointer: '', ...where, message: `the key "${key}" is not allowed`, hint: 'rename the key' });
    const walk = (node: unknown) => {
      if (isMap(node)) {
        for (const p of node.items) {
          if (isPair(p) && isScalar(p.key) && FORBIDDEN_KEYS.has(String(p.key.value))) refuse(String(p.key.value), at(p.key.range?.[0] ?? 0));
          walk(p.value);
        }
      } else if (isSeq(node)) for (const i of node.items) walk(i);
    };
    walk(doc.contents);
    // a key written in a way the walk does not see (a complex key): still refused
    if (issues.length === 0) refuse(forbidden, { line: 1, column: 1 });
    return { value: undefined, doc, lines, issues, locate };
  }
  return { value, doc, lines, issues, locate };
}
