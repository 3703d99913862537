// A rule or regulation file as written on disk (raw YAML, before the loader expands it), for the tests that pin a
// corrected fact in a pack's text: one reader, so every correction test reads the packs the same way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PACKAGE_ROOT } from '../src/load/paths.js';

export interface RuleFile {
  citation: string;
  action: string;
  evidence: string[];
  verification?: string;
  reads?: string;
  note?: string;
  until?: string;
  deadline?: unknown;
  source?: { url: string; read: string; pinpoint: string };
}

export interface RegulationFile {
  inForce: string;
  parameters: Record<string, { value: unknown; description?: string }>;
}

export const rulePath = (pack: string, id: string): string => join(PACKAGE_ROOT, 'regulations', pack, 'rules', `${id}.yaml`);

export const ruleFile = (pack: string, id: string): RuleFile => parse(readFileSync(rulePath(pack, id), 'utf8')) as RuleFile;

export const regulationFile = (pack: string): RegulationFile =>
  parse(readFileSync(join(PACKAGE_ROOT, 'regulations', pack, 'regulation.yaml'), 'utf8')) as RegulationFile;
