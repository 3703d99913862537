// Read one YAML input: bytes → safe parse → schema → issues with line:column.
import { readFileSync, statSync } from 'node:fs';
import type { Issue } from '../core/types.js';
import { MAX_INPUT_BYTES, parseYaml, type ParsedYaml } from './yaml.js';
import { validateWith, type SchemaName } from './schema.js';

export interface Loaded<T> {
  value?: T;
  issues: Issue[];
  parsed?: ParsedYaml;
}

export function readBytes(file: string): { bytes?: Uint8Array; issue?: Issue } {
  try {
    const st = statSync(file);
    if (st.isDirectory()) return { issue: { file, pointer: '', message: 'is a folder, not a file' } };
    if (st.size > MAX_INPUT_BYTES)
      return { issue: { file, pointer: '', line: 1, column: 1, message: `file is too large (${st.size} bytes; the limit is ${MAX_INPUT_BYTES})` } };
    return { bytes: readFileSync(file) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : `cannot read: ${(e as Error).message}`;
    return { issue: { file, pointer: '', message } };
  }
}

/** Fill in line and column from the parsed document for issues that have only a pointer. */
export function locateIssues(issues: Issue[], parsed: ParsedYaml | undefined): Issue[] {
  if (!parsed) return issues;
  return issues.map((i) => {
    if (i.line !== undefined) return i;
    const at = parsed.locate(i.pointer);
    return at ? { ...i, ...at } : i;
  });
}

export function readYaml<T>(file: string, schema: SchemaName, text?: string): Loaded<T> {
  let parsed: ParsedYaml;
  if (text !== undefined) parsed = parseYaml(file, text);
  else {
    const r = readBytes(file);
    if (r.issue) return { issues: [r.issue] };
    parsed = parseYaml(file, r.bytes!);
  }
  if (parsed.issues.length) return { issues: parsed.issues, parsed };
  const issues = locateIssues(validateWith(schema, file, parsed.value), parsed);
  return issues.length ? { issues, parsed } : { value: parsed.value as T, issues, parsed };
}
