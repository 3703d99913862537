// Extra rule pack folders (`--rules`): a folder that is not one is named, and
// a pack cannot take the id of one already loaded (its items would share ids).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library.js';
import { DEFAULT_REGULATIONS_DIR } from '../../src/load/regulations.js';

const dir = mkdtempSync(join(tmpdir(), 'complyflow-packs-'));
const issuesOf = (...dirs: string[]) => loadLibrary(dirs).issues.map((i) => ({ file: i.file, message: i.message }));

describe('extra rule pack folders', () => {
  it('a missing folder, a file, an empty folder and a single pack are each named', () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'x');
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const own = join(dir, 'own');
    cpSync(join(DEFAULT_REGULATIONS_DIR, 'eu-gdpr'), join(own, 'acme-gdpr'), { recursive: true });
    expect(issuesOf(join(dir, 'nope'))).toEqual([{ file: join(dir, 'nope'), message: 'rule pack folder not found' }]);
    expect(issuesOf(file)).toEqual([{ file, message: 'is a file, not a folder of rule packs' }]);
    expect(issuesOf(empty)).toEqual([{ file: empty, message: 'holds no rule packs' }]);
    expect(issuesOf(join(own, 'acme-gdpr'))).toEqual([{ file: join(own, 'acme-gdpr'), message: 'is one rule pack; give the folder that holds rule packs' }]);
  });

  it('a pack with the id of a bundled pack is refused; the same folder given twice is read once', () => {
    const copy = join(dir, 'copy');
    cpSync(join(DEFAULT_REGULATIONS_DIR, 'eu-gdpr'), join(copy, 'eu-gdpr'), { recursive: true });
    expect(issuesOf(copy, `${copy}/`)).toEqual([
      { file: join(copy, 'eu-gdpr'), message: `a rule pack "eu-gdpr" is already loaded from complyflow's own rule packs` },
    ]);
  });

  it('a pack of its own id loads beside the bundled ones', () => {
    const own = join(dir, 'renamed');
    cpSync(join(DEFAULT_REGULATIONS_DIR, 'us-il-bipa'), join(own, 'acme-bipa'), { recursive: true });
    const reg = join(own, 'acme-bipa', 'regulation.yaml');
    writeFileSync(reg, readFileSync(reg, 'utf8').replace(/^id: us-il-bipa$/m, 'id: acme-bipa'));
    const lib = loadLibrary([own]);
    expect(lib.issues).toEqual([]);
    expect(lib.regulations.filter((r) => r.id === 'acme-bipa' || r.id === 'us-il-bipa')).toHaveLength(2);
  });
});
