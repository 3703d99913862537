import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Context } from '../main.js';
import { packagePath } from '../../load/paths.js';
import { resolveFrom, writeAtomic } from '../io.js';
import { UsageError } from '../../errors.js';

export function registerInit(program: Command, ctx: Context): void {
  program
    .command('init')
    .description('write a commented example flow to start from')
    .argument('[file]', 'where to write it', 'complyflow.yaml')
    .option('--force', 'overwrite an existing file')
    .action((file: string, opts: { force?: boolean }) => {
      const target = resolveFrom(ctx.io, file);
      if (existsSync(target) && !opts.force) throw new UsageError(`${file} already exists (use --force to overwrite)`);
      const text = readFileSync(packagePath('templates', 'init.yaml'), 'utf8');
      writeAtomic(target, text);
      ctx.io.stdout(`wrote ${file}: describe your game there, then run: complyflow check ${file}\n`);
    });
}
