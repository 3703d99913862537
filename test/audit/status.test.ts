// status init, and progress that agrees across every format.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, EXAMPLE } from '../cli/run.js';
import { validateWith } from '../../src/load/schema.js';
import { buildProgress } from '../../src/render/html.js';
import type { Report, StatusFile } from '../../src/core/types.js';
import { AS_OF, checkJson, scratch } from './helpers.js';

let dir: string;
let report: Report;
beforeAll(() => {
  dir = scratch();
  report = checkJson(EXAMPLE);
});

describe('complyflow status init', () => {
  it('writes a valid status file listing every current item, sorted, all todo', () => {
    const out = join(dir, 'status.yaml');
    const r = cli(['status', 'init', EXAMPLE, '--as-of', AS_OF, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const status = parse(readFileSync(out, 'utf8')) as StatusFile;
    expect(validateWith('status', out, status)).toEqual([]);
    const ids = Object.keys(status.items);
    expect(ids).toEqual(report.items.map((i) => i.id).sort());
    expect(Object.values(status.items).every((e) => e.status === 'todo')).toBe(true);
    // refuses to overwrite without --force
    const again = cli(['status', 'init', EXAMPLE, '--as-of', AS_OF, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    expect(cli(['status', 'init', EXAMPLE, '--as-of', AS_OF, '--out', out, '--force']).code).toBe(0);
  });

  it('--keep carries over entries, and keeps (never drops) one that matches no item, saying so', () => {
    const old = join(dir, 'old.yaml');
    const first = report.items[0]!.id;
    writeFileSync(old, `version: 1\nitems:\n  "${first}": { status: done, owner: mei }\n  "gone/rule": { status: done }\n`);
    const r = cli(['status', 'init', EXAMPLE, '--as-of', AS_OF, '--keep', old]);
    expect(r.code).toBe(0);
    const status = parse(r.stdout) as StatusFile;
    expect(status.items[first]).toEqual({ status: 'done', owner: 'mei' });
    expect(status.items['gone/rule']).toEqual({ status: 'done' });
    expect(r.stderr).toMatch(/match no current item .*gone\/rule/);
  });
});

describe('a partly filled status file: every format shows the same progress', () => {
  let statusFile: string;
  beforeAll(() => {
    statusFile = join(dir, 'partial.yaml');
    const lines = ['version: 1', 'items:'];
    report.items.forEach((item, i) => {
      if (i % 3 === 0) lines.push(`  "${item.id}": { status: done, evidence: [docs/dpa.pdf] }`);
      else if (i % 7 === 1) lines.push(`  "${item.id}": { status: not-applicable, reason: counsel says so }`);
      else if (i % 5 === 2) lines.push(`  "${item.id}": { status: in-progress, owner: legal }`);
    });
    lines.push('  "eu-gdpr/retired-rule/vendor:old": { status: done }');
    // tracked per purpose before the rule gave one item for the game (items: one)
    lines.push('  "us-tx-tdpsa/opt-out-targeted-advertising-sale/purpose:ads": { status: done }');
    writeFileSync(statusFile, lines.join('\n') + '\n');
  });

  it('Markdown, HTML and JSON agree per market and per law, and all name the unmatched entry', { timeout: 120_000 }, () => {
    const json = checkJson(EXAMPLE, ['--status', statusFile]);
    expect(json.unmatchedStatus).toEqual(['eu-gdpr/retired-rule/vendor:old', 'us-tx-tdpsa/opt-out-targeted-advertising-sale/purpose:ads']);
    const progress = buildProgress(json);
    expect(progress.overall.closed).toBeGreaterThan(0);
    expect(progress.overall.closed).toBeLessThan(progress.overall.total);
    // from JSON items, independently
    for (const m of progress.byMarket) {
      const items = json.items.filter((i) => i.jurisdiction === m.jurisdiction);
      expect(m.progress.total).toBe(items.length);
      expect(m.progress.closed).toBe(items.filter((i) => i.status === 'done' || i.status === 'not-applicable').length);
    }

    const md = cli(['check', EXAMPLE, '--as-of', AS_OF, '--status', statusFile]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain(`Overall: **${progress.overall.closed} of ${progress.overall.total} items closed (${progress.overall.percent}%)**`);
    for (const m of progress.byMarket) {
      const p = m.progress;
      expect(md.stdout).toContain(
        `| ${m.jurisdiction} | ${p.closed} | ${p.total} | ${p.percent}% | ${p.done} | ${p.notApplicable} | ${p.inProgress} | ${p.todo} |`,
      );
    }
    for (const l of progress.byLaw) {
      expect(md.stdout).toMatch(
        new RegExp(`\\(\`${l.id}\`\\) \\| ${l.jurisdiction} \\| ${l.progress.closed} \\| ${l.progress.total} \\| ${l.progress.percent}% \\|`),
      );
      // the per-law line under each law's heading agrees too
      expect(md.stdout).toContain(`Progress: ${l.progress.closed} of ${l.progress.total} items closed.`);
    }
    expect(md.stdout).toContain('- `eu-gdpr/retired-rule/vendor:old`\n');
    expect(md.stdout).toContain(
      '- `us-tx-tdpsa/opt-out-targeted-advertising-sale/purpose:ads`: its rule now gives one item for the game, `us-tx-tdpsa/opt-out-targeted-advertising-sale`; review the status there\n',
    );

    const html = cli(['check', EXAMPLE, '--as-of', AS_OF, '--status', statusFile, '--format', 'html']).stdout;
    expect(html).toContain(`${progress.overall.closed} of ${progress.overall.total} items closed (${progress.overall.percent}%)`);
    for (const m of progress.byMarket) {
      const p = m.progress;
      expect(html).toContain(
        `<tr data-jurisdiction="${m.jurisdiction}"><td>${m.jurisdiction}</td><td class="num">${p.closed}</td><td class="num">${p.total}</td>`,
      );
    }
    for (const l of progress.byLaw)
      expect(html).toContain(
        `<td class="num">${l.progress.closed}</td><td class="num">${l.progress.total}</td><td class="num">${l.progress.percent}%</td></tr>`,
      );
    expect(html).toContain('<li><code>eu-gdpr/retired-rule/vendor:old</code></li>');
    expect(html).toContain('now gives one item for the game, <code>us-tx-tdpsa/opt-out-targeted-advertising-sale</code>');

    const oscal = cli(['check', EXAMPLE, '--as-of', AS_OF, '--status', statusFile, '--format', 'oscal']).stdout;
    expect(oscal).toContain('eu-gdpr/retired-rule/vendor:old');
  });
});
