// Issue 5 on the bundled example game: questions follow each vendor's data,
// appear once per vendor, and carry every law that asks them.
import { describe, expect, it } from 'vitest';
import { cli, EXAMPLE } from './run.js';

interface Q {
  id: string;
  regulations: string[];
  citations: string[];
}
const doc = JSON.parse(cli(['questions', EXAMPLE, '--format', 'json', '--as-of', '2026-11-25']).stdout) as { vendors: Array<{ id: string; questions: Q[] }> };
const vendor = (id: string) => doc.vendors.find((v) => v.id === id)!;
const ids = (id: string) => vendor(id).questions.map((q) => q.id);

describe('vendor questions on the example game', () => {
  it('asks the real-time voice vendor about sub-processors, deletion at contract end and breach-notice hours', () => {
    expect(ids('rtc')).toEqual(expect.arrayContaining(['subprocessors', 'deletion-at-end', 'breach-notice-hours']));
  });
  it('asks the AI vendor whether players’ conversations train its models, and no one else', () => {
    expect(ids('llm')).toContain('ai-training-on-player-data');
    for (const v of doc.vendors.filter((x) => x.id !== 'llm')) expect(ids(v.id)).not.toContain('ai-training-on-player-data');
  });
  it('never repeats a question within a vendor', () => {
    for (const v of doc.vendors) expect(new Set(ids(v.id)).size).toBe(ids(v.id).length);
  });
  it('merges the citations of every law that asks', () => {
    const sub = vendor('rtc').questions.find((q) => q.id === 'subprocessors')!;
    expect(sub.regulations.length).toBeGreaterThan(2);
    expect(sub.regulations).toEqual(expect.arrayContaining(['eu-gdpr', 'uk-gdpr']));
    expect(sub.citations.length).toBeGreaterThanOrEqual(sub.regulations.length);
  });
  it('does not ask an independent controller to sign a processor agreement', () => {
    expect(ids('adnet')).not.toContain('dpa-signed');
  });
});
