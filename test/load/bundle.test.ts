import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleJson, readBundle } from '../../src/load/bundle.js';
import { loadLibraryFromSources, toolVersion } from '../../src/library.js';
import { PACKAGE_ROOT } from '../../src/load/paths.js';

describe('the compiled rule library', () => {
  const lib = loadLibraryFromSources();
  const data = {
    taxonomy: lib.tax.data,
    regulations: lib.regulations,
    questions: lib.questions,
    ruleFiles: [...lib.ruleFiles].map(([k, v]) => [k, relative(PACKAGE_ROOT, v)] as [string, string]),
  };
  const dir = mkdtempSync(join(tmpdir(), 'complyflow-bundle-'));

  it('is read back as the same library while the sources are unchanged', () => {
    const file = join(dir, 'fresh.json');
    const text = bundleJson(data, toolVersion());
    // ASCII alone, so it is read as Latin-1: the library's §, ğ and 同意 come back through \u escapes
    expect(text).toMatch(/^[\x00-\x7f]*$/);
    expect(JSON.stringify(lib.regulations)).toMatch(/[^\x00-\x7f]/);
    writeFileSync(file, text);
    const back = readBundle(toolVersion(), file);
    expect(JSON.stringify(back?.regulations)).toBe(JSON.stringify(lib.regulations));
    expect(back?.questions).toEqual(lib.questions);
  });

  it('is ignored when any source file differs, or for another version', () => {
    const b = JSON.parse(bundleJson(data, toolVersion()));
    b.manifest[0][2] += 1000; // a rule file edited since the build
    writeFileSync(join(dir, 'stale.json'), JSON.stringify(b));
    expect(readBundle(toolVersion(), join(dir, 'stale.json'))).toBeUndefined();
    writeFileSync(join(dir, 'other.json'), bundleJson(data, '0.0.0-other'));
    expect(readBundle(toolVersion(), join(dir, 'other.json'))).toBeUndefined();
    // a bundle of the first format, in UTF-8, read as Latin-1 would garble every non-ASCII text: turned away
    writeFileSync(join(dir, 'utf8.json'), JSON.stringify({ ...JSON.parse(bundleJson(data, toolVersion())), format: 1 }));
    expect(readBundle(toolVersion(), join(dir, 'utf8.json'))).toBeUndefined();
    writeFileSync(join(dir, 'broken.json'), readFileSync(join(dir, 'fresh.json'), 'utf8').slice(0, 100));
    expect(readBundle(toolVersion(), join(dir, 'broken.json'))).toBeUndefined();
  });
});
