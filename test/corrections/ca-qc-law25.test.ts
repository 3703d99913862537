// Corrections found while recording evidence (issue 17): each pins the fact the official text gives,
// so the wrong one cannot come back unnoticed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PACKAGE_ROOT } from '../../src/load/paths.js';

const rule = (pack: string, id: string) => parse(readFileSync(join(PACKAGE_ROOT, 'regulations', pack, 'rules', `${id}.yaml`), 'utf8')) as { citation: string };

describe('ca-qc-law25 corrections', () => {
  it('the notice that information may be communicated outside Québec is in s. 8, second paragraph (LégisQuébec, as amended by 2021, c. 25, s. 107)', () => {
    const { citation } = rule('ca-qc-law25', 'outside-quebec-assessment');
    expect(citation).toContain('s. 8, second paragraph');
    expect(citation).not.toContain('s. 8, first paragraph');
  });
});
