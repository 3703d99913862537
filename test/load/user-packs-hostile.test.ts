// Rule packs from users (`--rules`): a rule text is a plain `{{path}}`
// template and nothing else, a pack is read only from its own folder, and a
// rule's URL is an https URL with no credentials. Each is refused with its
// place, exit 2, never exit 3 and never a value of a refused file.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library.js';
import { DEFAULT_REGULATIONS_DIR, loadQuestions, loadRegulations } from '../../src/load/regulations.js';
import { loadTaxonomy } from '../../src/load/taxonomy.js';
import { templateProblem } from '../../src/core/texts.js';
import { cli, EXAMPLE } from '../cli/run.js';

const scratch = mkdtempSync(join(tmpdir(), 'complyflow-hostile-packs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const RULE = 'biometric-disclosure-consent';
let made = 0;

/** A folder holding one pack, a copy of us-il-bipa as `acme-bipa`, with one rule file's text changed. */
function packWith(change: (ruleYaml: string) => string): { root: string; pack: string; ruleFile: string } {
  const root = join(scratch, `packs-${made++}`);
  const pack = join(root, 'acme-bipa');
  cpSync(join(DEFAULT_REGULATIONS_DIR, 'us-il-bipa'), pack, { recursive: true });
  const reg = join(pack, 'regulation.yaml');
  writeFileSync(reg, readFileSync(reg, 'utf8').replace(/^id: us-il-bipa$/m, 'id: acme-bipa'));
  const ruleFile = join(pack, 'rules', `${RULE}.yaml`);
  writeFileSync(ruleFile, change(readFileSync(ruleFile, 'utf8')));
  return { root, pack, ruleFile };
}

const titled = (title: string) => (y: string) => y.replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`);
const tax = loadTaxonomy();
const questionIds = new Set(loadQuestions().questions.map((q) => q.id));
/** The packs of one folder alone, as `--rules` loads them beside the bundled ones. */
const load = (root: string) => loadRegulations(root, tax, questionIds);
const issues = (root: string) => load(root).issues.map((i) => ({ file: i.file, pointer: i.pointer, line: i.line, column: i.column }));

describe('rule texts are plain {{path}} templates', () => {
  it('every text of the bundled packs is one', () => {
    const lib = loadLibrary();
    const texts = lib.regulations.flatMap((r) => r.rules.flatMap((rule) => [rule.title, rule.action, ...rule.evidence]));
    expect(texts.filter((t) => t.includes('{{')).length).toBeGreaterThan(100);
    expect(texts.filter((t) => templateProblem(t) !== undefined)).toEqual([]);
  });

  const refused = [
    'Consent {{#if vendor.name}}to {{vendor.name}}{{/if}}',
    'Consent {{log "hello"}} to {{vendor.name}}',
    'Consent {{> partial}} to {{vendor.name}}',
    'Consent {{lookup vendor "name"}}',
    'Consent to {{{vendor.name}}}',
    'Consent {{! a comment }} to {{vendor.name}}',
    'Consent to {{undefinedHelper vendor.name}}',
    'Consent to {{vendor.constructor}}',
    'Consent to {{vendor.name}} \\{{vendor.id}}',
    'Consent to {{vendor.name',
  ];
  it.each(refused)('%s is refused with its line and the column of the mustache', (title) => {
    const { root, ruleFile } = packWith(titled(title));
    const lib = load(root);
    expect(lib.issues.map((i) => [i.file, i.pointer])).toEqual([[ruleFile, '/title']]);
    const issue = lib.issues[0]!;
    expect(issue.line).toBe(3);
    // "title: " and the opening quote come first; the column is that of the offending part
    const expectedColumn = 'title: "'.length + 1 + templateProblem(title)!.at;
    const quoted = JSON.stringify(title);
    if (quoted.length === title.length + 2) expect(issue.column).toBe(expectedColumn);
  });

  it('check --rules with a helper in a rule text is exit 2 with file:line:column, not exit 3', () => {
    const { root, ruleFile } = packWith(titled('Consent to {{undefinedHelper vendor.name}}'));
    const r = cli(['check', EXAMPLE, '--rules', root, '--as-of', '2026-11-25', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${ruleFile}:3:20:`);
    expect(r.stderr).not.toContain('internal error');
  });
});

describe('a pack is read only from its own folder', () => {
  const secret = join(scratch, 'secret.yaml');
  writeFileSync(secret, 'id: SECRET-VALUE-1234\ntitle: SECRET-VALUE-1234\n');

  it('a rule file linked to a file outside the pack is refused, and nothing of it is shown', () => {
    const { root, pack } = packWith((y) => y);
    const link = join(pack, 'rules', 'stolen.yaml');
    symlinkSync(secret, link);
    expect(issues(root)).toEqual([{ file: link, pointer: '', line: undefined, column: undefined }]);
    const r = cli(['check', EXAMPLE, '--rules', root, '--as-of', '2026-11-25', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('stolen.yaml');
    expect(r.stdout + r.stderr).not.toContain('SECRET-VALUE');
  });

  it('a regulation.yaml, a rules folder or a pack folder linked to outside is refused', () => {
    const a = packWith((y) => y);
    rmSync(join(a.pack, 'regulation.yaml'));
    symlinkSync(secret, join(a.pack, 'regulation.yaml'));
    expect(issues(a.root).map((i) => i.file)).toEqual([join(a.pack, 'regulation.yaml')]);

    const b = packWith((y) => y);
    const outsideRules = join(scratch, `rules-${made}`);
    cpSync(join(b.pack, 'rules'), outsideRules, { recursive: true });
    rmSync(join(b.pack, 'rules'), { recursive: true });
    symlinkSync(outsideRules, join(b.pack, 'rules'));
    expect(issues(b.root).map((i) => i.file)).toEqual([join(b.pack, 'rules')]);

    const c = packWith((y) => y);
    const root = join(scratch, `linked-${made}`);
    mkdirSync(root);
    symlinkSync(c.pack, join(root, 'acme-bipa'));
    expect(issues(root).map((i) => i.file)).toEqual([join(root, 'acme-bipa')]);
  });

  it('links that stay inside the pack are read as usual', () => {
    const { root, pack, ruleFile } = packWith((y) => y);
    const kept = join(pack, 'kept.yaml');
    cpSync(ruleFile, kept);
    rmSync(ruleFile);
    symlinkSync(kept, ruleFile);
    expect(issues(root)).toEqual([]);
  });
});

describe('rule URLs are https URLs with no credentials', () => {
  it.each([
    'https://user:secret@www.ilga.gov/legislation/',
    'http://www.ilga.gov/legislation/',
    'https://www.ilga.gov/a b',
    'https://www.ilga.gov/"><script>alert(1)</script>',
    'https:foo',
  ])('%s is refused at /url', (url) => {
    const { root, ruleFile } = packWith((y) => y.replace(/^url: .*$/m, `url: ${JSON.stringify(url)}`));
    expect(issues(root)).toEqual([{ file: ruleFile, pointer: '/url', line: 5, column: 6 }]);
  });
});
