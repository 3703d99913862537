import type { Command } from 'commander';
import type { Context } from '../main.js';
import { check, requireFlow, requireLibrary } from '../../library.js';
import { QUESTIONNAIRE_FORMATS } from '../../render/formats.js';
import { parseAsOf, parseFormat, parseMarkets, requireOffered } from '../options.js';
import { emit, requireOutFor, resolveFrom } from '../io.js';
import { UsageError } from '../../errors.js';
import { didYouMean } from '../../core/suggest.js';
import { uncoveredSentence } from '../../core/coverage.js';

interface QuestionsOpts {
  vendor?: string[];
  market?: string[];
  format?: string;
  out?: string;
  asOf?: string;
  rules?: string[];
}

export function registerQuestions(program: Command, ctx: Context): void {
  program
    .command('questions')
    .description('vendor questionnaires for RFPs and security reviews: per vendor, the questions its flows call for, why, and the evidence to ask for')
    .argument('<flow>', 'the game flow description (YAML)')
    .option('--vendor <id...>', 'only these vendors (ids from the flow)')
    .option('--market <code...>', 'limit to laws covering these markets (e.g. EU US-CA SG)')
    .option('--format <format>', `output format: ${QUESTIONNAIRE_FORMATS.join(', ')}`)
    .option('--out <file>', 'write there (atomically) instead of stdout')
    .option('--as-of <date>', 'evaluate laws as of this date, YYYY-MM-DD (default: today)')
    .option('--rules <dir...>', 'also load rule packs from these folders')
    .action(async (flowFile: string, opts: QuestionsOpts) => {
      const [{ questionnaireFromReport }, { renderQuestionnaire }] = await Promise.all([
        import('../../render/questionnaire.js'),
        import('../../render/questionnaire-output.js'),
      ]);
      const { io } = ctx;
      const format = parseFormat(opts.format, QUESTIONNAIRE_FORMATS, 'md');
      const asOf = parseAsOf(opts.asOf, io);
      requireOutFor(format, opts.out);
      const lib = requireLibrary((opts.rules ?? []).map((d) => resolveFrom(io, d)));
      const markets = parseMarkets(opts.market, lib.tax);
      const flow = requireFlow(resolveFrom(io, flowFile), lib.tax);
      requireOffered(markets, flow, lib.tax);
      const vendorIds = (opts.vendor ?? [])
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean);
      const known = flow.vendors.map((v) => v.id);
      for (const id of vendorIds)
        if (!known.includes(id)) {
          const hint = didYouMean(id, known);
          throw new UsageError(
            `--vendor "${id}" is not a vendor in ${flowFile}` +
              (hint ? ` (${hint})` : known.length ? ` (vendors: ${known.join(', ')})` : ' (it has no vendors)'),
          );
        }
      const report = check(lib, flow, { asOf, ...(markets ? { markets } : {}) });
      const output = await renderQuestionnaire(questionnaireFromReport(report, vendorIds), format);
      emit(io, opts.out, output);
      if (report.uncoveredMarkets.length) io.stderr(`complyflow: ${uncoveredSentence(report.uncoveredMarkets, 'questionnaire')}\n`);
    });
}
