import { basename } from 'node:path';
import type { Command } from 'commander';
import type { Context } from '../main.js';
import { loadLibraryFromSources, requireLibrary, toolVersion } from '../../library.js';
import { BUNDLE_FILE, bundleJson } from '../../load/bundle.js';
import { PRECOMPILED_FILE, precompiledValidators } from '../../load/schema.js';
import { relative } from 'node:path';
import { PACKAGE_ROOT } from '../../load/paths.js';
import { listPacks, DEFAULT_REGULATIONS_DIR } from '../../load/regulations.js';
import { runRuleTestFile } from '../../testing/rule-tests.js';
import { formatIssue, resolveFrom } from '../io.js';
import { parseFormat } from '../options.js';
import { markdownText } from '../../render/markdown-text.js';
import { renderPackDoc, ruleDocLines } from '../../render/rule-docs.js';
import { ExitError, InputError, UsageError, EXIT } from '../../errors.js';
import { didYouMean } from '../../core/suggest.js';
import { marketCoverage } from '../../core/coverage.js';
import { buildRuleDocs } from '../rule-docs.js';
import { join } from 'node:path';
import { writeAtomic } from '../io.js';
import { jsonText } from '../../render/json.js';

export function registerRules(program: Command, ctx: Context): void {
  const rules = program.command('rules').description('the rule library: list, show, lint and test rule packs');
  const extra = (dirs: string[] | undefined) => (dirs ?? []).map((d) => resolveFrom(ctx.io, d));

  rules
    .command('list')
    .description('every rule pack with its sources, dates and number of rules, and which markets have a pack')
    .option('--format <format>', 'md or json')
    .option('--rules <dir...>', 'also load rule packs from these folders')
    .action((opts: { format?: string; rules?: string[] }) => {
      const format = parseFormat(opts.format, ['md', 'json'] as const, 'md');
      const lib = requireLibrary(extra(opts.rules));
      const rows = lib.regulations.map((r) => ({
        id: r.id,
        name: r.name,
        jurisdiction: r.jurisdiction,
        kind: r.kind ?? 'law',
        inForce: r.inForce,
        phases: r.phases ?? [],
        sources: r.sources,
        lastReviewed: r.lastReviewed,
        rules: r.rules.length,
        // How much of the pack was checked against the law's own text (the rest rests on secondary sources or less).
        verification: {
          verified: r.rules.filter((x) => (x.verification ?? 'verified') === 'verified').length,
          secondary: r.rules.filter((x) => x.verification === 'secondary').length,
          unverified: r.rules.filter((x) => x.verification === 'unverified').length,
        },
        // A law none of whose facts was read in its official text says so, not only by its counts.
        officialTextRead:
          r.rules.some((x) => (x.verification ?? 'verified') === 'verified') ||
          (r.inForceSource !== undefined && (r.inForceVerification ?? 'verified') === 'verified') ||
          Object.values(r.parameters ?? {}).some((p) => p.source !== undefined && (p.verification ?? 'verified') === 'verified'),
        // Provisions the pack names but does not model: a gap said, not hidden.
        notModelled: (r.notModelled?.length ?? 0) + r.rules.reduce((n, x) => n + (x.notModelled?.length ?? 0), 0),
      }));
      // Which markets of the taxonomy some law pack covers, and which none does.
      const markets = marketCoverage(lib.regulations, lib.tax.markets);
      const uncovered = markets.filter((m) => m.packs.length === 0).map((m) => m.code);
      if (format === 'json') ctx.io.stdout(jsonText({ packs: rows, markets, uncoveredMarkets: uncovered }));
      else {
        ctx.io.stdout(
          '| id | name | jurisdiction | in force | last reviewed | rules | verified against the text | secondary | unverified | not modelled |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n',
        );
        for (const r of rows)
          ctx.io.stdout(
            `| ${r.id} | ${markdownText(r.name)} | ${r.jurisdiction} | ${r.inForce} | ${r.lastReviewed} | ${r.rules} | ${r.kind === 'law' && !r.officialTextRead ? 'none: the official text was not reached' : r.verification.verified} | ${r.verification.secondary} | ${r.verification.unverified} | ${r.notModelled} |\n`,
          );
        const covered = markets.filter((m) => m.packs.length > 0);
        ctx.io.stdout(`\n## Markets with a rule pack (${covered.length} of ${markets.length})\n\n| market | name | packs |\n| --- | --- | --- |\n`);
        for (const m of covered) ctx.io.stdout(`| ${m.code} | ${markdownText(m.name)} | ${m.packs.join(', ')} |\n`);
        ctx.io.stdout(`\n## Markets no rule pack covers (${uncovered.length} of ${markets.length})\n\n${uncovered.length ? uncovered.join(', ') : 'none'}\n`);
      }
    });

  rules
    .command('show')
    .description('one pack (eu-gdpr) or one rule (eu-gdpr/processor-contract), as Markdown (or --format json)')
    .argument('<id>', 'pack id or pack/rule id')
    .option('--format <format>', 'md or json')
    .option('--rules <dir...>', 'also load rule packs from these folders')
    .action((id: string, opts: { format?: string; rules?: string[] }) => {
      const format = parseFormat(opts.format, ['md', 'json'] as const, 'md');
      const lib = requireLibrary(extra(opts.rules));
      const [packId, ruleId] = id.split('/');
      const reg = lib.regulations.find((r) => r.id === packId);
      if (!reg)
        throw new UsageError(
          `no rule pack "${packId}"${hint(
            packId!,
            lib.regulations.map((r) => r.id),
          )}`,
        );
      if (!ruleId) {
        const { rules: list, ...meta } = reg;
        if (format === 'json') ctx.io.stdout(jsonText({ ...meta, rules: list.map((r) => `${r.id}: ${r.citation} — ${r.title}`) }));
        // the pack's page as `rules docs` writes it, without the fixtures' examples (shown per rule)
        else
          ctx.io.stdout(
            renderPackDoc(reg, new Map())
              .replace(/^<!--.*-->\n\n/, '')
              .trimEnd() + '\n',
          );
        return;
      }
      const rule = reg.rules.find((r) => r.id === ruleId);
      if (!rule)
        throw new UsageError(
          `no rule "${ruleId}" in ${reg.id}${hint(
            ruleId,
            reg.rules.map((r) => r.id),
          )}`,
        );
      if (format === 'json') ctx.io.stdout(jsonText(rule));
      else
        ctx.io.stdout(
          [`# ${markdownText(reg.name)} (\`${reg.id}\`)`, '', ...ruleDocLines(rule)]
            .join('\n')
            .replace(/\n{3,}/g, '\n\n')
            .trimEnd() + '\n',
        );
    });

  rules
    .command('lint [packs...]')
    .description('check every pack (or the packs named) against its schema and the taxonomies, and the evidence of what it says is verified')
    .option('--rules <dir...>', 'also load rule packs from these folders')
    .action((packs: string[], opts: { rules?: string[] }) => {
      const lib = loadLibraryFromSources(extra(opts.rules));
      const known = new Set(lib.regulations.map((r) => r.id));
      for (const id of packs) if (!known.has(id)) throw new UsageError(`no rule pack "${id}"${hint(id, [...known])}`);
      // Issues of the named packs only: a pack's folder is its id.
      const inPacks = (i: { file: string }) => packs.length === 0 || packs.some((id) => i.file.split(/[\\/]/).includes(id));
      const issues = lib.issues.filter(inPacks);
      const evidence = lib.evidenceIssues.filter(inPacks);
      if (issues.length) throw new InputError(issues, 'the rule library has problems');
      if (evidence.length) throw new InputError(evidence, 'facts marked verified lack their evidence');
      const checked = packs.length ? lib.regulations.filter((r) => packs.includes(r.id)) : lib.regulations;
      ctx.io.stdout(`${checked.length} packs, ${checked.reduce((n, r) => n + r.rules.length, 0)} rules: no problems\n`);
    });

  rules
    .command('bundle')
    .description('compile the bundled rule library and the input validators for fast start-up (run by the build; stale copies are ignored)')
    .action(() => {
      writeAtomic(PRECOMPILED_FILE, precompiledValidators());
      const lib = loadLibraryFromSources();
      if (lib.issues.length) {
        // The build must not fail on a pack being edited: without a bundle the packs are read from YAML.
        ctx.io.stderr(`complyflow: rule library has ${lib.issues.length} problem(s); no bundle written (run complyflow rules lint)\n`);
        return;
      }
      const text = bundleJson(
        {
          taxonomy: lib.tax.data,
          regulations: lib.regulations,
          questions: lib.questions,
          ruleFiles: [...lib.ruleFiles].map(([k, v]) => [k, relative(PACKAGE_ROOT, v)]),
        },
        toolVersion(),
      );
      writeAtomic(BUNDLE_FILE, text);
      ctx.io.stdout(`bundled ${lib.regulations.length} packs into ${relative(ctx.io.cwd, BUNDLE_FILE)}\n`);
    });

  rules
    .command('docs')
    .description('write the generated rule documentation (one page per pack)')
    .option('--out <dir>', 'folder to write to', 'docs/rules')
    .action((opts: { out: string }) => {
      const lib = requireLibrary();
      const dir = resolveFrom(ctx.io, opts.out);
      const pages = buildRuleDocs(lib);
      for (const [name, text] of pages) writeAtomic(join(dir, name), text);
      ctx.io.stdout(`wrote ${pages.size} pages to ${opts.out}\n`);
    });

  rules
    .command('test')
    .description("run every rule's fixtures: flows it must fire on and must not")
    .argument('[pack...]', 'only these packs')
    .option('--rules <dir...>', 'also load rule packs from these folders')
    .action((packs: string[], opts: { rules?: string[] }) => {
      const dirs = [DEFAULT_REGULATIONS_DIR, ...extra(opts.rules)];
      const lib = requireLibrary(extra(opts.rules));
      let passed = 0;
      let failed = 0;
      const problems: string[] = [];
      for (const dir of dirs)
        for (const pack of listPacks(dir)) {
          const id = basename(pack.dir);
          if (packs.length && !packs.includes(id)) continue;
          const reg = lib.regulations.find((r) => r.id === id)!;
          const tested = new Set(pack.testFiles.map((f) => basename(f, '.test.yaml')));
          for (const rule of reg.rules)
            if (!tested.has(rule.id)) {
              failed++;
              problems.push(`${id}/${rule.id}: no fixtures (add rules/${rule.id}.test.yaml)`);
            }
          for (const file of pack.testFiles) {
            const r = runRuleTestFile(file, reg, lib.tax);
            for (const i of r.issues) {
              failed++;
              problems.push(formatIssue(i, ctx.io.cwd));
            }
            for (const c of r.results) {
              if (c.ok) passed++;
              else {
                failed++;
                problems.push(`${id}/${r.rule} [${c.kind}] ${c.name}: ${c.message}`);
              }
            }
          }
        }
      for (const p of problems) ctx.io.stderr(p + '\n');
      ctx.io.stdout(`${passed} passed, ${failed} failed\n`);
      if (failed) throw new ExitError(EXIT.failOn);
    });
}

function hint(input: string, options: string[]): string {
  // a pack's folder given for its id (regulations/eu-gdpr): name the id it stands for
  const folder =
    input
      .replace(/[\\/]+$/, '')
      .split(/[\\/]/)
      .pop() ?? '';
  if (folder !== input && options.includes(folder)) return ` (give the pack's id: ${folder})`;
  const h = didYouMean(input, options);
  return h ? ` (${h})` : '';
}
