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
      const counts = [
        count(flow.data.length, 'data element'),
        count(flow.purposes.length, 'purpose'),
        count(flow.vendors.length, 'vendor'),
        count(flow.flows.length, 'flow'),
        count(flow.markets.length, 'market'),
      ];
      ctx.io.stdout(`${flowFile}: valid (${counts.join(', ')})\n`);
    });
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
