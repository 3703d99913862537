// The escaping helpers behind every output, against independent readers:
// a standard Markdown renderer (marked) and this test's reading of which
// cells a spreadsheet takes for formulas.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { marked } from 'marked';
import { EXCEL_CELL_LIMIT, fitExcelCell, neutralizeCell, readsAsFormula, unneutralize } from '../../src/core/cells.js';
import { markdownCode, markdownText, markdownUrl } from '../../src/render/markdown-text.js';
import { printable } from '../../src/core/printable.js';

const decode = (html: string) =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** What a reader should see of a value: on one line, control characters as escapes. */
const shown = (value: string) => printable(value.replace(/\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g, ' '));

/** The value as Markdown, rendered: a single paragraph of text, and which text. */
function renderedText(value: string): string | null {
  const html = marked.parse(`x ${markdownText(value)}`, { async: false, gfm: true }) as string;
  const m = /^<p>x ?([^<]*)<\/p>\n$/.exec(html);
  return m ? decode(m[1]!) : null;
}

function renderedAlone(value: string): string | null {
  const html = (marked.parse(markdownText(value), { async: false, gfm: true }) as string).trim();
  if (html === '') return '';
  const m = /^<p>([^<]*)<\/p>$/.exec(html);
  return m ? decode(m[1]!) : null;
}

const MARKDOWNISH = fc.string({
  unit: fc.constantFrom(
    ...'<>[]()!*_`~|#-+=.:/\\&;ax1 \n\r\t'.split(''),
    'http',
    'www.',
    '&lt;',
    '&#60;',
    '\u001b',
    '\u202e',
    '1.',
    '- ',
    '# ',
    '](',
    '<a',
    '</',
  ),
  maxLength: 40,
});

describe('markdownText', () => {
  it('renders as exactly its text, inline or first on a line, for any mix of Markdown syntax', () => {
    fc.assert(
      fc.property(MARKDOWNISH, (value) => {
        // leading and trailing spaces are the renderer's to keep or drop
        expect(renderedText(value)?.trim()).toBe(shown(value).trim());
        expect(renderedAlone(value)?.trim()).toBe(shown(value).trim());
      }),
      { numRuns: 400 },
    );
  });

  it('leaves ordinary text as typed', () => {
    for (const t of ['Acme RTC', 'snake_case_id', 'a < b and c > d', 'vendors[payments].sellsOrShares', '0.5', '-5 days', 'Art. 6(1)(a)', '2026-11-25'])
      expect(markdownText(t)).toBe(t);
  });

  it('code spans: a backtick cannot close the span, a pipe cannot split a table cell', () => {
    const html = marked.parse(`| a |\n| --- |\n| \`${markdownCode('x`|<b>\ny')}\` |\n`, { async: false, gfm: true }) as string;
    expect((html.match(/<td>/g) ?? []).length).toBe(1);
    expect(html).toContain('<code>x&#39;|&lt;b&gt; y</code>');
  });

  it('links only to http(s), with nothing that ends the destination', () => {
    expect(markdownUrl('javascript:alert(1)')).toBeNull();
    expect(markdownUrl('https://a.example/x y')).toBeNull();
    const url = markdownUrl('https://a.example/p(a)<b>"c"')!;
    const html = marked.parse(`[t](${url})`, { async: false }) as string;
    expect(html).toBe('<p><a href="https://a.example/p%28a%29%3Cb%3E%22c%22">t</a></p>\n');
  });
});

describe('spreadsheet cells', () => {
  const formulas = [
    '=1',
    '+1',
    '-1',
    '@A1',
    ' =1',
    '\t=1',
    '\r=1',
    '\n=1',
    '\u0000=1',
    '\u00a0=1',
    '\u200b=1',
    '\ufeff=1',
    '\u3000=1',
    '\uff1d1',
    '\uff0b1',
    '\uff0d1',
    '\uff201',
    '\t',
    '\rx',
  ];
  it.each(formulas)('%j is neutralised, and read back as written', (value) => {
    expect(readsAsFormula(value)).toBe(true);
    expect(neutralizeCell(value)).toBe(`'${value}`);
    expect(unneutralize(neutralizeCell(value))).toBe(value);
  });

  it('text that no spreadsheet reads as a formula is left alone', () => {
    for (const t of ['Acme', 'a=b', '1-2', "'=1", 'x\t=1', '']) {
      expect(readsAsFormula(t)).toBe(false);
      expect(neutralizeCell(t)).toBe(t);
    }
  });

  it('an XLSX cell is cut to exactly the limit, with a marker, never inside a surrogate pair', () => {
    for (const length of [EXCEL_CELL_LIMIT + 1, 40_000, 1_000_000]) {
      const cut = fitExcelCell('x'.repeat(length));
      expect(cut.length).toBe(EXCEL_CELL_LIMIT);
      expect(cut).toMatch(new RegExp(`^x+ \\[…cut: ${length - cut.indexOf(' ')} more characters; `));
    }
    const emoji = fitExcelCell('\u{1F600}'.repeat(20_000));
    expect(emoji.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(fitExcelCell('short')).toBe('short');
  });
});
