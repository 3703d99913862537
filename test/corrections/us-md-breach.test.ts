// Correction found while recording evidence (issue 17): pins what Chapter 518 of 2017 (HB 974) enacted for
// Md. Code, Com. Law § 14-3506(a), so the struck 30-day limit cannot come back unnoticed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PACKAGE_ROOT } from '../../src/load/paths.js';

const rule = (id: string) =>
  parse(readFileSync(join(PACKAGE_ROOT, 'regulations', 'us-md-breach', 'rules', `${id}.yaml`), 'utf8')) as {
    action: string;
    deadline?: unknown;
  };

describe('us-md-breach corrections', () => {
  it('credit agencies are told without unreasonable delay; the 30-day limit was struck from HB 974 before enactment', () => {
    const { action, deadline } = rule('notify-credit-agencies');
    expect(action).toContain('without unreasonable delay');
    expect(action).not.toMatch(/at the latest 30 days/);
    expect(deadline).toBeUndefined();
  });
});
