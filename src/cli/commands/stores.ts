// `complyflow stores`: the answers to Google Play's Data safety form and
// Apple's App Privacy details, from the flow, for the stores its platforms
// call for (android → Google Play, ios → App Store).
import type { Command } from 'commander';
import type { Context } from '../main.js';
import { requireFlow, requireLibrary } from '../../library.js';
import { STORE_OPTIONS, STORES_FORMATS } from '../../render/formats.js';
import { parseFormat } from '../options.js';
import { emit, resolveFrom } from '../io.js';
import { UsageError } from '../../errors.js';
import { storesForPlatforms, storeAnswers, type StoreId } from '../../core/stores.js';

interface StoresOpts {
  store?: string;
  format?: string;
  out?: string;
}

const PLATFORM_OF: Readonly<Record<StoreId, string>> = { play: 'android', apple: 'ios' };

export function registerStores(program: Command, ctx: Context): void {
  program
    .command('stores')
    .description("answers for Google Play's Data safety form and Apple's App Privacy details, for the stores of the game's platforms (android, ios)")
    .argument('<flow>', 'the game flow description (YAML)')
    .option('--store <store>', `only this store: ${STORE_OPTIONS.join(', ')}`)
    .option('--format <format>', `output format: ${STORES_FORMATS.join(', ')} (csv: the Play Console import, with --store play)`)
    .option('--out <file>', 'write there (atomically) instead of stdout')
    .action(async (flowFile: string, opts: StoresOpts) => {
      const { io } = ctx;
      const format = parseFormat(opts.format, STORES_FORMATS, 'md');
      if (opts.store !== undefined && !(STORE_OPTIONS as readonly string[]).includes(opts.store))
        throw new UsageError(`--store "${opts.store}" must be one of ${STORE_OPTIONS.join(', ')}`);
      const lib = requireLibrary();
      const flow = requireFlow(resolveFrom(io, flowFile), lib.tax);
      const platforms = flow.game.platforms;
      const forPlatforms = storesForPlatforms(platforms);
      let stores: StoreId[];
      if (opts.store) {
        const s = opts.store as StoreId;
        if (forPlatforms !== null && !forPlatforms.includes(s))
          throw new UsageError(
            `--store ${s}: ${flowFile} does not list ${PLATFORM_OF[s]} in game.platforms (${platforms!.join(', ') || 'none'}); add it there if the game ships on ${PLATFORM_OF[s]}`,
          );
        stores = [s];
      } else if (forPlatforms === null)
        throw new UsageError(`${flowFile} does not list game.platforms: add android and/or ios there, or give --store play|apple`);
      else if (forPlatforms.length === 0)
        throw new UsageError(
          `${flowFile} lists game.platforms ${platforms!.join(', ') || '(none)'}, which include neither android (Google Play) nor ios (App Store): there are no store answers to give`,
        );
      else stores = forPlatforms;
      if (format === 'csv' && (stores.length !== 1 || stores[0] !== 'play'))
        throw new UsageError('--format csv writes the Play Console Data safety import: give --store play (Apple has no CSV import)');
      const { requireStoreMappings } = await import('../../load/stores.js');
      const { renderStores } = await import('../../render/stores.js');
      const mappings = requireStoreMappings(stores, lib.tax);
      const report = storeAnswers(flow, mappings, stores);
      emit(io, opts.out, renderStores(report, format, mappings));
      if (format === 'csv') {
        const csv = mappings.find((m) => m.store === 'play')?.csv;
        if (csv && csv.verification !== 'verified')
          io.stderr(
            `complyflow: the Play Console CSV layout is not published by Google (verification: ${csv.verification}); export your app's form from Play Console and compare before importing. Questions the flow cannot decide are left blank: see --format md.\n`,
          );
      }
    });
}
