import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, sep } from 'node:path';
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
      // The schema of the complyflow that writes the file, by its path from the file: ./node_modules/complyflow/...
      // when installed, ../schemas/... in a clone; editors resolve it either way.
      const absolute = packagePath('schemas', 'flow.schema.json');
      const path = relative(dirname(target), absolute);
      // a path that climbs to the root (no folder shared) or to another drive reads better absolute
      const ups = path.split(sep).filter((p) => p === '..').length;
      const depth = dirname(target).split(sep).filter(Boolean).length;
      const schema = isAbsolute(path) || ups >= depth ? absolute.split(sep).join('/') : path.split(sep).join('/');
      const text = readFileSync(packagePath('templates', 'init.yaml'), 'utf8').replace(
        /^(# yaml-language-server: \$schema=).*$/m,
        (_, head: string) => `${head}${isAbsolute(schema) || schema.startsWith('.') ? schema : `./${schema}`}`,
      );
      writeAtomic(target, text);
      ctx.io.stdout(`wrote ${file}: describe your game there, then run: complyflow check ${file}\n`);
    });
}
