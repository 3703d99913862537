// The HTML report: self-contained, escaped, and working in headless Chromium
// (Debian's chromium package; .ci/run installs it on a fresh machine).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext } from 'playwright-core';
import { cli, EXAMPLE } from '../cli/run.js';
import { AS_OF, exampleFlow, scratch, writeFlow } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
let dir: string;
let htmlFile: string;
let html: string;

beforeAll(() => {
  dir = scratch();
  htmlFile = join(dir, 'report.html');
  const r = cli(['check', EXAMPLE, '--format', 'html', '--as-of', AS_OF, '--out', htmlFile]);
  if (r.code !== 0) throw new Error(r.stderr);
  html = readFileSync(htmlFile, 'utf8');
});

describe('HTML report (static)', () => {
  it('is one self-contained file: inline CSS and script, nothing loaded from elsewhere', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('is not legal advice');
    expect(html).not.toMatch(/<(script|img|iframe|link)\b[^>]*\s(src|href)=/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?(https?:|\/\/)/i);
    expect(html).toMatch(/@media print[\s\S]*section\.market \{ break-before: page; \}/);
    expect(html).toContain('<svg');
    expect(html).toContain('id="filter-severity"');
    expect(html).toContain('id="filter-status"');
    // navigation by market
    expect(html).toMatch(/<a href="#market-EU">EU<\/a>/);
    expect(html).toContain('<section class="market" id="market-EU"');
  });

  it('escapes everything that comes from the input', () => {
    const flow = exampleFlow();
    flow.game.name = '<script>alert("game")</script>';
    flow.vendors[0]!.name = '<img src=x onerror=alert(1)>';
    const file = writeFlow(dir, 'evil.yaml', flow);
    const r = cli(['check', file, '--format', 'html', '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('<script>alert');
    expect(r.stdout).not.toContain('<img src=x');
    expect(r.stdout).toContain('&lt;script&gt;alert(&quot;game&quot;)&lt;/script&gt;');
    expect(r.stdout).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
  });
});

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !process.env['CI']) console.warn(`skipping the browser test: ${CHROMIUM} is missing (apt-get install chromium)`);

describe.skipIf(!haveChromium && !process.env['CI'])('HTML report in headless Chromium', () => {
  let context: BrowserContext;
  let profile: string;
  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'complyflow-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
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
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('renders without console errors or outside requests, and its filters hide the other items', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });

    expect(await page.locator('#diagram svg g.node').count()).toBeGreaterThan(0);
    expect(await page.locator('#diagram svg g.edge.transfer').count()).toBeGreaterThan(0);
    const total = await page.locator('article.item').count();
    expect(total).toBeGreaterThan(10);
    expect(await page.locator('article.item:visible').count()).toBe(total);

    await page.selectOption('#filter-severity', 'critical');
    const visible = page.locator('article.item:visible');
    const shown = await visible.count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    expect(new Set(await visible.evaluateAll((els) => els.map((e) => e.getAttribute('data-severity'))))).toEqual(new Set(['critical']));
    expect(await page.locator('article.item[data-severity="high"]:visible').count()).toBe(0);
    expect(await page.textContent('#filter-count')).toBe(`${shown} of ${total} items shown`);

    // a severity means that severity or worse: high shows the critical items too, never a medium one
    await page.selectOption('#filter-severity', 'high');
    const highOrWorse = await page.locator('article.item:visible').evaluateAll((els) => els.map((e) => e.getAttribute('data-severity')));
    expect(new Set(highOrWorse)).toEqual(new Set(['critical', 'high']));
    expect(highOrWorse.length).toBeGreaterThan(shown);
    expect(await page.locator('#filter-severity option[value="high"]').textContent()).toBe('high or worse');
    await page.selectOption('#filter-severity', 'critical');

    // status filter combines with severity; back to all shows everything again
    await page.selectOption('#filter-status', 'done');
    expect(await page.locator('article.item:visible').count()).toBe(0);
    await page.selectOption('#filter-status', '');
    await page.selectOption('#filter-severity', '');
    expect(await page.locator('article.item:visible').count()).toBe(total);

    // market navigation jumps to the market's section
    await page.click('nav.markets a[href="#market-EU"]');
    expect(page.url().endsWith('#market-EU')).toBe(true);

    // printable: Chromium makes a PDF of it
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    expect(errors).toEqual([]);
    expect(requests.every((u) => u.startsWith('file:') || u.startsWith('data:'))).toBe(true);
    await page.close();
  }, 120_000);
});
