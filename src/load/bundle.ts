// A compiled copy of the rule library (packs, questions, taxonomies), written
// at build time after a clean load and used at run time while every source
// file is unchanged (same paths, sizes and modification times). Parsing ~400
// YAML files with positions took most of a small check's time; a stale or
// missing bundle just means the YAML is read as before.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Question, Regulation, Taxonomies } from '../core/types.js';
import { PACKAGE_ROOT, packagePath } from './paths.js';

export const BUNDLE_FILE = packagePath('dist', 'library.bundle.json');
const SOURCE_DIRS = ['regulations', 'conditions', 'questions', 'taxonomy', 'schemas'];
// 2: written in ASCII alone (see bundleJson)
const FORMAT = 2;

export interface BundleData {
  taxonomy: Taxonomies;
  regulations: Regulation[];
  questions: Question[];
  /** "<pack>/<rule>" → rule file, relative to the package root */
  ruleFiles: Array<[string, string]>;
}

interface Bundle extends BundleData {
  format: number;
  version: string;
  manifest: Array<[string, number, number]>;
}

function walk(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    // fixtures and rule tests do not change the library: their folders are not even listed (most of a pack's files)
    if (e.isDirectory()) {
      if (!e.name.endsWith('fixtures')) walk(p, out);
    } else if (/\.(ya?ml|json)$/.test(e.name) && !e.name.endsWith('.test.yaml')) out.push(p);
  }
}

function manifest(): Array<[string, number, number]> {
  const files: string[] = [];
  for (const d of SOURCE_DIRS) walk(packagePath(d), files);
  return files
    .map((f) => relative(PACKAGE_ROOT, f))
    .sort()
    .map((f) => {
      const st = statSync(join(PACKAGE_ROOT, f));
      return [f, st.size, Math.trunc(st.mtimeMs)] as [string, number, number];
    });
}

export function bundleJson(data: BundleData, version: string): string {
  const bundle: Bundle = { format: FORMAT, version, manifest: manifest(), ...data };
  // ASCII alone (other characters as \u escapes), so it is read as Latin-1, in a third of the time of UTF-8.
  return JSON.stringify(bundle).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const memo = new Map<string, BundleData | undefined>();

/** The bundle, if it exists and matches the sources on disk; otherwise undefined. */
export function readBundle(version: string, file = BUNDLE_FILE): BundleData | undefined {
  if (memo.has(file)) return memo.get(file);
  let data: BundleData | undefined;
  try {
    if (existsSync(file)) {
      // A bundle of an older format may hold UTF-8: read so, it is still JSON, and its format number turns it away.
      const b = JSON.parse(readFileSync(file, 'latin1')) as Bundle;
      if (b.format === FORMAT && b.version === version && JSON.stringify(b.manifest) === JSON.stringify(manifest())) data = b;
    }
  } catch {
    data = undefined; // unreadable or half-written: fall back to the sources
  }
  memo.set(file, data);
  return data;
}
