// `complyflow ropa`: the record of processing activities (GDPR Art. 30) from
// the flow, as Markdown, CSV or JSON; controller or processor view.
import type { Command } from 'commander';
import type { Context } from '../main.js';
import { requireFlow, requireLibrary } from '../../library.js';
import type { RopaView } from '../../core/ropa.js';
import { ROPA_FORMATS, ROPA_VIEWS } from '../../render/formats.js';
import { parseAsOf, parseFormat } from '../options.js';
import { emit, requireOutFor, resolveFrom } from '../io.js';
import { UsageError } from '../../errors.js';
import { uncoveredMarkets, uncoveredSentence } from '../../core/coverage.js';

interface RopaOpts {
  format?: string;
  view?: string;
  out?: string;
  asOf?: string;
  rules?: string[];
}

export function registerRopa(program: Command, ctx: Context): void {
  program
    .command('ropa')
    .description('the record of processing activities (GDPR Art. 30) generated from the flow')
    .argument('<flow>', 'the game flow description (YAML)')
    .option('--format <format>', `output format: ${ROPA_FORMATS.join(', ')}`)
    .option('--view <view>', `controller (Art. 30(1), per purpose) or processor (Art. 30(2), per processor vendor)`)
    .option('--out <file>', 'write there (atomically) instead of stdout')
    .option('--as-of <date>', 'date stamped on the XLSX workbook, YYYY-MM-DD (default: today)')
    .option('--rules <dir...>', 'also load rule packs from these folders')
    .action(async (flowFile: string, opts: RopaOpts) => {
      const { renderRopa, ropaFor } = await import('../../render/ropa.js');
      const { io } = ctx;
      const format = parseFormat(opts.format, ROPA_FORMATS, 'md');
      const asOf = parseAsOf(opts.asOf, io);
      requireOutFor(format, opts.out);
      const view = opts.view ?? 'controller';
      if (!(ROPA_VIEWS as readonly string[]).includes(view)) throw new UsageError(`--view "${view}" must be one of ${ROPA_VIEWS.join(', ')}`);
      const lib = requireLibrary((opts.rules ?? []).map((d) => resolveFrom(io, d)));
      const flow = requireFlow(resolveFrom(io, flowFile), lib.tax);
      const output = await renderRopa(ropaFor(lib, flow, view as RopaView), format, asOf);
      emit(io, opts.out, output);
      const uncovered = uncoveredMarkets(
        flow.markets.map((m) => m.code),
        lib.regulations,
        lib.tax.markets,
      );
      if (uncovered.length) io.stderr(`complyflow: ${uncoveredSentence(uncovered, 'record of processing')}\n`);
    });
}
