import type { Command } from 'commander';
import type { Context } from '../main.js';
import { check, requireFlow, requireLibrary, requireStatus } from '../../library.js';
import { CHECK_FORMATS } from '../../render/formats.js';
import { parseAsOf, parseFormat, parseMarkets, parseSeverity } from '../options.js';
import { emit, requireOutFor, resolveFrom } from '../io.js';
import { ExitError, EXIT } from '../../errors.js';
import { SEVERITIES } from '../../core/types.js';
import { uncoveredSentence } from '../../core/coverage.js';

interface CheckOpts {
  market?: string[];
  format?: string;
  out?: string;
  asOf?: string;
  status?: string;
  failOn?: string;
  allowUncovered?: boolean;
  rules?: string[];
  answers?: string;
}

export function registerCheck(program: Command, ctx: Context): void {
  program
    .command('check')
    .description('the compliance checklist for a flow (Markdown to stdout by default)')
    .argument('<flow>', 'the game flow description (YAML)')
    .option('--market <code...>', 'limit to laws covering these markets (e.g. EU US-CA SG)')
    .option('--format <format>', `output format: ${CHECK_FORMATS.join(', ')}`)
    .option('--out <file>', 'write there (atomically) instead of stdout')
    .option('--as-of <date>', 'evaluate laws as of this date, YYYY-MM-DD (default: today)')
    .option('--status <file>', 'merge status and evidence from this YAML file')
    .option('--fail-on <severity>', `exit 1 if an open item at or above this severity remains (${SEVERITIES.join(', ')})`)
    .option('--allow-uncovered', 'with --fail-on, do not fail because an offered market has no rule pack (it is still reported)')
    .option('--answers <file>', 'vendor answers (the filled questionnaire: YAML, CSV or XLSX); answers that leave an obligation open become items')
    .option('--rules <dir...>', 'also load rule packs from these folders')
    .action(async (flowFile: string, opts: CheckOpts) => {
      const { io } = ctx;
      const format = parseFormat(opts.format, CHECK_FORMATS, 'md');
      const asOf = parseAsOf(opts.asOf, io);
      const failOn = parseSeverity(opts.failOn);
      requireOutFor(format, opts.out);
      const lib = requireLibrary((opts.rules ?? []).map((d) => resolveFrom(io, d)));
      const markets = parseMarkets(opts.market, lib.tax);
      const flow = requireFlow(resolveFrom(io, flowFile), lib.tax);
      const status = opts.status ? requireStatus(resolveFrom(io, opts.status)) : undefined;
      let report = check(lib, flow, { asOf, ...(markets ? { markets } : {}), ...(status ? { status } : {}) });
      if (opts.answers) {
        const [{ applyAnswers }, { requireAnswers }] = await Promise.all([import('../../core/answers.js'), import('../../load/answers.js')]);
        report = applyAnswers(report, await requireAnswers(resolveFrom(io, opts.answers)), lib.questions);
      }
      // Renderers load when used: the JSON report needs no template engine.
      const { renderReportOutput } = await import('../../render/output.js');
      const output = await renderReportOutput(report, format, { flow });
      emit(io, opts.out, output);
      const uncovered = report.uncoveredMarkets;
      if (uncovered.length) io.stderr(`complyflow: ${uncoveredSentence(uncovered)}\n`);
      if (failOn) {
        const { isOpen } = await import('../../render/view.js');
        const rank = SEVERITIES.indexOf(failOn);
        const open = report.items.filter(
          (i) => i.determination !== 'upcoming' && isOpen(i) && SEVERITIES.indexOf(i.severity) <= rank,
        );
        // A CI gate must not pass a launch into a market nobody checked.
        const failures = [
          ...(open.length ? [`${open.length} open item(s) at or above ${failOn} severity`] : []),
          ...(uncovered.length && !opts.allowUncovered ? [`no rule pack covers ${uncovered.join(', ')} (--allow-uncovered to accept)`] : []),
        ];
        if (failures.length) throw new ExitError(EXIT.failOn, `complyflow: ${failures.join('; ')}`);
      }
    });
}
