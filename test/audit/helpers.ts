// Shared by the audit tests: a scratch folder, the example flow as an object,
// and writing modified copies of it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { cli, EXAMPLE } from '../cli/run.js';
import type { Flow, Report } from '../../src/core/types.js';

export const AS_OF = '2026-11-25';

export function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'complyflow-audit-'));
}

export function exampleFlow(): Flow {
  return parse(readFileSync(EXAMPLE, 'utf8')) as Flow;
}

export function writeFlow(dir: string, name: string, flow: Flow): string {
  const file = join(dir, name);
  writeFileSync(file, stringify(flow));
  return file;
}

export function checkJson(flowFile: string, extra: string[] = []): Report {
  const r = cli(['check', flowFile, '--format', 'json', '--as-of', AS_OF, ...extra]);
  if (r.code !== 0) throw new Error(`check failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as Report;
}
