// Status entries that match no item are said at once (file:line, did you mean), and `status init --keep`
// keeps them; `status init` writes each item's title and law beside its id.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, EXAMPLE } from './run.js';
import { unmatchedStatusLines } from '../../src/load/status.js';

let dir: string;
let ids: string[];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'complyflow-status-unmatched-'));
  ids = JSON.parse(cli(['check', EXAMPLE, '--as-of', '2026-11-25', '--format', 'json']).stdout).items.map((i: { id: string }) => i.id);
});

describe('status entries that match no item', () => {
  it('check --status warns at once with file:line:column and the nearest id', () => {
    const real = ids[0]!;
    const typo = real.slice(0, -1) + (real.endsWith('x') ? 'y' : 'x');
    const file = join(dir, 'status.yaml');
    writeFileSync(file, ['version: 1', 'items:', `  "${real}": { status: done }`, `  "${typo}": { status: done }`, ''].join('\n'));
    const r = cli(['check', EXAMPLE, '--as-of', '2026-11-25', '--format', 'json', '--status', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^complyflow: warning: .*status\.yaml:4:\d+: the status entry "(.+)" matches no current item \(did you mean (.+)\?\)$/m);
    expect(r.stderr).toContain(`"${typo}" matches no current item (did you mean ${real}?)`);
  });

  it('a stale file of many entries gets a line (and a nearest-id search) only for those shown, and a count of the rest', () => {
    const items = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`${ids[0]}x${i}`, { status: 'done' as const }]));
    // how often the item ids are read whole: to index them, never once per entry
    const readsOf = (shown: number) => {
      let reads = 0;
      const known = new Proxy([...ids], {
        get: (target, key, receiver) => {
          if (key === Symbol.iterator) reads++;
          return Reflect.get(target, key, receiver);
        },
      });
      const { lines, total } = unmatchedStatusLines({ version: 1, items }, undefined, 's.yaml', known, [], shown);
      expect(total).toBe(5000);
      expect(lines).toHaveLength(shown);
      expect(lines[0]).toContain(`(did you mean ${ids[0]}?)`);
      return reads;
    };
    expect(readsOf(3)).toBeLessThanOrEqual(2);
    expect(readsOf(20)).toBe(readsOf(3));
  });

  it('status init --keep keeps an unmatched entry, marked, and says so; every line carries the title and law', () => {
    const file = join(dir, 'keep.yaml');
    writeFileSync(file, ['version: 1', 'items:', '  "old/retired-item": { status: done, owner: Dana }', ''].join('\n'));
    const r = cli(['status', 'init', EXAMPLE, '--as-of', '2026-11-25', '--keep', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/1 entry of .* match no current item and is kept.*old\/retired-item/);
    const kept = parse(r.stdout);
    expect(kept.items['old/retired-item']).toEqual({ status: 'done', owner: 'Dana' });
    expect(Object.keys(kept.items)).toEqual(expect.arrayContaining(ids));
    const line = r.stdout.split('\n').find((l) => l.startsWith(`  ${JSON.stringify(ids[0])}:`))!;
    expect(line).toMatch(/ # .+\(.+, .+\)$/);
  });
});
