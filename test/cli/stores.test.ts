// `complyflow stores`: the Play Console CSV checked against the shape of a
// Play Console export, the formats, and the messages for flows without a store.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { cli, EXAMPLE, ROOT } from './run.js';

const FIXTURE_CSV = join(ROOT, 'test', 'fixtures', 'stores', 'play-console-export.csv');
const readCsv = (text: string): string[][] => parse(text.replace(/^\uFEFF/, ''), { relax_column_count: false }) as string[][];

describe('complyflow stores --store play --format csv', () => {
  const run = cli(['stores', EXAMPLE, '--store', 'play', '--format', 'csv']);
  const rows = readCsv(run.stdout);
  const fixture = readCsv(readFileSync(FIXTURE_CSV, 'utf8'));

  it('succeeds and says the layout is not published by Google', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('verification: secondary');
  });
  it('has the columns of a Play Console export', () => {
    expect(rows[0]).toEqual(fixture[0]);
    expect(rows.every((r) => r.length === fixture[0]!.length)).toBe(true);
  });
  it('uses the value and answer-requirement vocabulary of a Play Console export', () => {
    const values = new Set(fixture.slice(1).map((r) => r[2]));
    const requirements = new Set(fixture.slice(1).map((r) => r[3]));
    for (const r of rows.slice(1)) {
      expect(values.has(r[2]!) || r[2] === 'false').toBe(true);
      expect(requirements.has(r[3]!)).toBe(true);
    }
  });
  it('uses question and response ids of the export form', () => {
    const questionId = /^(PSL_[A-Z_]+|PSL_DATA_USAGE_RESPONSES:PSL_[A-Z_]+:[A-Z_]+)$/;
    for (const r of rows.slice(1)) {
      expect(r[0]).toMatch(questionId);
      expect(r[1]).toMatch(/^([A-Z][A-Z0-9_]*)?$/);
    }
    // every usage question of the fixture is a question complyflow writes (for the data types it declares)
    const written = new Set(rows.map((r) => r[0]!.replace(/:PSL_[A-Z_]+:/, ':*:')));
    for (const r of fixture.slice(1).filter((x) => x[0]!.startsWith('PSL_DATA_USAGE_RESPONSES')))
      expect(written.has(r[0]!.replace(/:PSL_[A-Z_]+:/, ':*:'))).toBe(true);
  });
  it('declares the advertising ID shared for advertising and leaves what is to confirm unanswered', () => {
    const at = (q: string, id: string) => rows.find((r) => r[0] === q && r[1] === id)?.[2];
    expect(at('PSL_DATA_TYPES_IDENTIFIERS', 'PSL_DEVICE_ID')).toBe('true');
    expect(at('PSL_DATA_USAGE_RESPONSES:PSL_DEVICE_ID:PSL_DATA_USAGE_COLLECTION_AND_SHARING', 'PSL_DATA_USAGE_ONLY_SHARED')).toBe('true');
    expect(at('PSL_DATA_USAGE_RESPONSES:PSL_DEVICE_ID:DATA_USAGE_SHARING_PURPOSE', 'PSL_ADVERTISING')).toBe('true');
    expect(at('PSL_DATA_USAGE_RESPONSES:PSL_USER_ACCOUNT:PSL_DATA_USAGE_COLLECTION_AND_SHARING', 'PSL_DATA_USAGE_ONLY_SHARED')).toBe('');
    expect(at('PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT', '')).toBe('');
    expect(at('PSL_DATA_TYPES_LOCATION', 'PSL_PRECISE_LOCATION')).toBe('');
  });
  it('is the same byte for byte on a second run', () => {
    expect(cli(['stores', EXAMPLE, '--store', 'play', '--format', 'csv']).stdout).toBe(run.stdout);
  });
});

describe('complyflow stores formats', () => {
  it('md lists both stores with tracking for the App Store', () => {
    const r = cli(['stores', EXAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## Google Play Data safety');
    expect(r.stdout).toContain('## Apple App Privacy details');
    expect(r.stdout).toMatch(/Identifiers \/ Device ID \| yes \| .* \| linked to the user \| used to track \|/);
  });
  it('the Apple sheet accounts for every Apple data type: answered, or not collected', async () => {
    const { loadStoreMapping } = await import('../../src/load/stores.js');
    const { tax } = await import('../helpers.js');
    const apple = loadStoreMapping('apple', tax).mapping!;
    const md = cli(['stores', EXAMPLE, '--store', 'apple']).stdout;
    const notCollected = md.slice(md.indexOf('Not collected'));
    for (const t of apple.dataTypes) {
      const label = `${t.category} / ${t.name}`;
      const inTable = md.includes(`| ${label} |`);
      expect([label, inTable !== notCollected.split('\n')[0]!.includes(label)]).toEqual([label, true]);
    }
  });
  it('json is the model', () => {
    const r = cli(['stores', EXAMPLE, '--store', 'apple', '--format', 'json']);
    const doc = JSON.parse(r.stdout) as { stores: Array<{ store: string; tracking: boolean }> };
    expect(doc.stores.map((s) => [s.store, s.tracking])).toEqual([['apple', true]]);
  });
  it('html is written atomically with --out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-stores-'));
    const out = join(dir, 'stores.html');
    const r = cli(['stores', EXAMPLE, '--format', 'html', '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<h2>Apple App Privacy details</h2>');
  });
});

describe('complyflow stores: flows without a store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cf-stores-'));
  const withPlatforms = (platforms: string | null) => {
    const text = readFileSync(EXAMPLE, 'utf8').replace('  platforms: [ios, android, pc]\n', platforms === null ? '' : `  platforms: ${platforms}\n`);
    const file = join(dir, `flow-${platforms ?? 'none'}.yaml`.replace(/[^a-z.-]/g, ''));
    writeFileSync(file, text);
    return file;
  };
  it('platforms with neither android nor ios: a clear message, exit 2', () => {
    const r = cli(['stores', withPlatforms('[pc, console]')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('neither android (Google Play) nor ios (App Store)');
  });
  it('--store apple for an Android-only game: exit 2', () => {
    const r = cli(['stores', withPlatforms('[android]'), '--store', 'apple']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('does not list ios');
  });
  it('platforms not given: asks for them or --store', () => {
    const file = withPlatforms(null);
    expect(cli(['stores', file]).code).toBe(2);
    expect(cli(['stores', file, '--store', 'play']).code).toBe(0);
  });
  it('csv needs --store play', () => {
    const r = cli(['stores', EXAMPLE, '--format', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--store play');
  });
});

describe('complyflow diff of two store answers', () => {
  it('shows the answers that changed when the ad network becomes a processor', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-stores-diff-'));
    const text = readFileSync(EXAMPLE, 'utf8');
    const changed = text.replace(
      '    role: controller\n    services: [advertising]\n    regions: [US, IE]\n    sellsOrShares: true\n',
      '    role: processor\n    services: [advertising]\n    regions: [US, IE]\n',
    );
    expect(changed).not.toBe(text);
    writeFileSync(join(dir, 'new.yaml'), changed);
    expect(cli(['stores', EXAMPLE, '--format', 'json', '--out', join(dir, 'old.json')]).code).toBe(0);
    expect(cli(['stores', join(dir, 'new.yaml'), '--format', 'json', '--out', join(dir, 'new.json')]).code).toBe(0);
    const r = cli(['diff', join(dir, 'old.json'), join(dir, 'new.json'), '--format', 'json']);
    expect(r.code).toBe(0);
    const diff = JSON.parse(r.stdout) as { changes: Array<{ store: string; dataType: string; fields: Array<{ field: string; from: string; to: string }> }> };
    const at = (store: string, type: string, field: string) =>
      diff.changes.find((c) => c.store === store && c.dataType === type)?.fields.find((f) => f.field === field);
    expect(at('apple', 'device-id', 'tracking')).toEqual({ field: 'tracking', from: 'yes', to: 'no' });
    expect(at('play', 'PSL_DEVICE_ID', 'shared')).toEqual({ field: 'shared', from: 'yes', to: 'no' });
    expect(cli(['diff', join(dir, 'old.json'), join(dir, 'old.json')]).stdout).toContain('No answer changed.');
  });
});
