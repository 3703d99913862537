import type { Command } from 'commander';
import type { Context } from '../main.js';
import { requireFlow } from '../../library.js';
import { loadTaxonomy } from '../../load/taxonomy.js';
import { resolveFrom } from '../io.js';

export function registerValidate(program: Command, ctx: Context): void {
  program
    .command('validate')
    .description('check a flow description; every problem, with line and column')
    .argument('<flow>', 'the game flow description (YAML)')
    .action((flowFile: string) => {
      const flow = requireFlow(resolveFrom(ctx.io, flowFile), loadTaxonomy());
      ctx.io.stdout(
        `${flowFile}: valid (${flow.data.length} data elements, ${flow.purposes.length} purposes, ` +
          `${flow.vendors.length} vendors, ${flow.flows.length} flows, ${flow.markets.length} markets)\n`,
      );
    });
}
