// Safe YAML reading: size and encoding checks, alias-bomb limits, no
// prototype keys, and a way to turn a JSON pointer back into line:column.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
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
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { issue: { file, pointer: '', ...position(bytes, nul), message: 'this is a binary file, not YAML text' } };
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    let bad = 0;
    // find the first invalid byte for the message
    for (let i = 0; i < bytes.length; i++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, i + 1), { stream: true });
      } catch {
        bad = i;
        break;
      }
    }
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
    } else column++;
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

export function parseYaml(file: string, bytes: Uint8Array | string): ParsedYaml {
  const lines = new LineCounter();
  const failed = (issue: Issue): ParsedYaml => ({ value: undefined, doc: null, lines, issues: [issue], locate: () => undefined });
  let text: string;
  if (typeof bytes === 'string') text = bytes;
  else {
    const d = decode(file, bytes);
    if (d.issue) return failed(d.issue);
    text = d.text!;
  }
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  const issues: Issue[] = [];
  const at = (offset: number) => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  for (const e of doc.errors) {
    const msg = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    // The parser recurses per level: thousands of levels overflow its stack, which is no syntax error to the user.
    if (/Maximum call stack/.test(msg)) issues.push({ file, pointer: '', ...at(e.pos[0]), message: 'the YAML is nested too deeply to read', hint: 'a flow needs a handful of levels; check that this is the right file' });
    else issues.push({ file, pointer: '', ...at(e.pos[0]), message: `YAML syntax: ${msg}` });
  }
  const locateNode = (pointer: string): Node | undefined => {
    let node: unknown = doc.contents;
    let last: Node | undefined = (node as Node) ?? undefined;
    for (const seg of pointerKeys(pointer)) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === seg);
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
    const message = e instanceof Error && /alias/i.test(e.message)
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
