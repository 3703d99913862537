// The record of processing names each transfer's safeguard from the law's data (`recordOfProcessing`), not
// from code: change the ladder in the pack and the record follows; load no law that declares one and every
// safeguard is to confirm, never a guess.
import { describe, expect, it } from 'vitest';
import { loadLibrary, requireFlow } from '../../src/library.js';
import { ropaFor } from '../../src/render/ropa.js';
import { EXAMPLE } from '../cli/run.js';

const lib = loadLibrary();
const flow = requireFlow(EXAMPLE, lib.tax);
const safeguards = (regulations: typeof lib.regulations) =>
  ropaFor({ ...lib, regulations }, flow)
    .entries.flatMap((e) => e.transfers)
    .map((t) => `${t.recipient}@${t.country}: ${t.safeguard}`);

describe('transfer safeguards in the record of processing', () => {
  const bundled = safeguards(lib.regulations);
  it('follow the GDPR pack: a DPF-certified US recipient, SCCs to confirm for the others', () => {
    const dpf = flow.vendors.find((v) => v.dpfCertified && v.regions?.includes('US'))!;
    expect(bundled).toContain(`${dpf.id}@US: EU-US DPF`);
    expect(bundled.some((s) => s.endsWith(': SCCs (to confirm)'))).toBe(true);
  });
  it('change when the pack changes its ladder (data, not code)', () => {
    const edited = lib.regulations.map((r) =>
      r.recordOfProcessing
        ? { ...r, recordOfProcessing: { ...r.recordOfProcessing, safeguards: r.recordOfProcessing.safeguards.filter((s) => !s.dpfCertified) } }
        : r,
    );
    const after = safeguards(edited);
    expect(after.some((s) => s.endsWith(': EU-US DPF'))).toBe(false);
    expect(after.length).toBe(bundled.length);
  });
  it('are to confirm when no loaded law declares a record of processing', () => {
    const none = safeguards(lib.regulations.map((r) => ({ ...r, recordOfProcessing: undefined })));
    expect(none.length).toBeGreaterThan(0);
    for (const s of none) expect(s).toMatch(/: to confirm \(no loaded law declares its record of processing\)$/);
  });
});
