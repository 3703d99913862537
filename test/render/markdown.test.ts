import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlankLines, markdownPieces, renderMarkdown } from '../../src/render/markdown.js';
import { check, loadLibrary, requireFlow } from '../../src/library.js';
import { EXAMPLE } from '../cli/run.js';

describe('Markdown in pieces', () => {
  it('cuts runs of blank lines across pieces exactly as in the whole text', () => {
    const piece = fc.array(fc.constantFrom('\n', 'a', ' ', '#', '\n\n\n'), { maxLength: 12 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const blankLines = new BlankLines();
        expect(pieces.map((p) => blankLines.cut(p)).join('')).toBe(pieces.join('').replace(/\n{3,}/g, '\n\n'));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the checklist law by law: a frame, then one piece per law', () => {
    const lib = loadLibrary();
    const flow = requireFlow(EXAMPLE, lib.tax);
    const report = check(lib, flow, { asOf: '2026-11-25' });
    const pieces = [...markdownPieces(report, { flow })];
    const laws = new Set(report.items.map((i) => i.regulation)).size;
    expect(pieces.length).toBe(laws + 2);
    expect(pieces[1]).toMatch(/^## /);
    expect(pieces.join('')).toBe(renderMarkdown(report, { flow }));
    expect(pieces.join('')).not.toContain('\u0000');
  });
});
