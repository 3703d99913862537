// Facts the issue-17 review found wrong in the Asian packs, pinned where a rule fixture cannot see them
// (values shown in action text only). Each assertion fails if the old fact comes back.
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library.js';

const lib = loadLibrary();
const pack = (id: string) => {
  const reg = lib.regulations.find((r) => r.id === id);
  if (!reg) throw new Error(`pack ${id} not loaded`);
  return reg;
};
const listParam = (id: string, name: string): unknown[] => {
  const p = pack(id).parameters?.[name];
  expect(p, `${id} parameter ${name}`).toBeDefined();
  return p!.value as unknown[];
};

describe('my-pdpa: Class of Data Users Order 2013, item 9 "Services"', () => {
  it('is not limited to the five professions of para (a)', () => {
    const classes = listParam('my-pdpa', 'registrableClasses').map(String);
    expect(classes).toContain('services - private employment agency');
    expect(classes).toContain('services - retail or wholesale dealing');
  });
});
