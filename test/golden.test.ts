// Whole-game outputs, golden-tested: any change to what a user sees for the
// bundled example shows up in review. Update with `npx vitest run -u` after an
// intended change (a rule reworded, a pack added).
import { describe, expect, it } from 'vitest';
import { check, loadLibrary, requireFlow } from '../src/library.js';
import { renderJson, renderMarkdown } from '../src/render/index.js';
import { EXAMPLE } from './cli/run.js';

const lib = loadLibrary();
const flow = requireFlow(EXAMPLE, lib.tax);
const report = check(lib, flow, { asOf: '2026-11-25' });
// The tool's version is not part of what the rules say.
const stable = { ...report, tool: { ...report.tool, version: '(version)' } };

describe('the bundled example, as of 2026-11-25', () => {
  it('Markdown checklist', async () => {
    await expect(renderMarkdown(stable, { flow })).toMatchFileSnapshot('golden/starfall.md');
  });
  it('JSON report', async () => {
    await expect(renderJson(stable)).toMatchFileSnapshot('golden/starfall.json');
  });
});
