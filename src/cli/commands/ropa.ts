// `complyflow ropa`: the record of processing activities (GDPR Art. 30) from
// the flow, as Markdown, CSV or JSON; controller or processor view.
import type { Command } from 'commander';
import type { Context } from '../main.js';
import { requireFlow, requireLibrary, type RuleLibrary } from '../../library.js';
import { buildRopa, type Ropa, type RopaView } from '../../core/ropa.js';
import type { Flow } from '../../core/types.js';
import { template } from '../../render/handlebars.js';
import { toCsv } from '../../render/csv.js';
import { DISCLAIMER } from '../../core/evaluate.js';
import { parseFormat } from '../options.js';
import { resolveFrom, writeAtomic } from '../io.js';
import { UsageError } from '../../errors.js';

export type RopaFormat = 'md' | 'csv' | 'json';
export const ROPA_FORMATS: readonly RopaFormat[] = ['md', 'csv', 'json'];
export const ROPA_VIEWS: readonly RopaView[] = ['controller', 'processor'];

/** The RoPA for a flow, with EEA membership from the market taxonomy and adequacy from the eu-gdpr pack when it is loaded. */
export function ropaFor(lib: RuleLibrary, flow: Flow, view: RopaView = 'controller'): Ropa {
  const eea = [...lib.tax.markets.countriesOf(['EEA'])];
  const param = lib.regulations.find((r) => r.id === 'eu-gdpr')?.parameters?.['adequateCountries']?.value;
  const adequate = Array.isArray(param) ? param.filter((c): c is string => typeof c === 'string') : undefined;
  return buildRopa(flow, { view, eea, ...(adequate ? { adequateCountries: adequate } : {}) });
}

const transferText = (t: { recipientName: string; country: string; safeguard: string }) => `${t.recipientName} → ${t.country}: ${t.safeguard}`;

export const ROPA_CONTROLLER_COLUMNS = [
  'Purpose', 'Description', 'Use', 'Lawful basis', 'Categories of data', 'Categories of data subjects', 'Recipients',
  'Transfers outside the EEA and safeguards', 'Retention', 'Security measures',
] as const;
export const ROPA_PROCESSOR_COLUMNS = [
  'Processor', 'Role', 'Services', 'Regions', 'Controller', 'Processing on behalf of the controller (purposes)', 'Categories of data',
  'Transfers outside the EEA and safeguards', 'Security measures',
] as const;

export function ropaRows(ropa: Ropa): { header: readonly string[]; rows: string[][] } {
  if (ropa.view === 'processor')
    return {
      header: ROPA_PROCESSOR_COLUMNS,
      rows: ropa.processors.map((p) => [
        p.processor.name,
        p.processor.role,
        p.processor.services.join('; '),
        p.processor.regions.join('; '),
        ropa.controller.name,
        p.purposes.join('; '),
        p.data.map((d) => `${d.id} (${d.category})`).join('; '),
        p.transfers.map(transferText).join('; '),
        p.security.join('; '),
      ]),
    };
  return {
    header: ROPA_CONTROLLER_COLUMNS,
    rows: ropa.entries.map((e) => [
      e.purpose,
      e.description ?? '',
      e.use,
      e.lawfulBasis,
      e.data.map((d) => `${d.id} (${d.category})`).join('; '),
      e.subjects.join('; '),
      e.recipients.map((r) => `${r.name} (${r.role})`).join('; '),
      e.transfers.map(transferText).join('; '),
      e.data.map((d) => `${d.id}: ${d.retention}`).join('; '),
      e.security.join('; '),
    ]),
  };
}

export function renderRopa(ropa: Ropa, format: RopaFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify({ disclaimer: DISCLAIMER, ...ropa }, null, 2) + '\n';
    case 'csv': {
      const { header, rows } = ropaRows(ropa);
      return toCsv(header, rows);
    }
    case 'md':
      return template('ropa.md.hbs', true)({ ropa, disclaimer: DISCLAIMER, processorView: ropa.view === 'processor' }).replace(/\n{3,}/g, '\n\n');
  }
}

interface RopaOpts {
  format?: string;
  view?: string;
  out?: string;
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
    .option('--rules <dir...>', 'also load rule packs from these folders')
    .action((flowFile: string, opts: RopaOpts) => {
      const { io } = ctx;
      const format = parseFormat(opts.format, ROPA_FORMATS, 'md');
      const view = opts.view ?? 'controller';
      if (!(ROPA_VIEWS as readonly string[]).includes(view)) throw new UsageError(`--view "${view}" must be one of ${ROPA_VIEWS.join(', ')}`);
      const lib = requireLibrary((opts.rules ?? []).map((d) => resolveFrom(io, d)));
      const flow = requireFlow(resolveFrom(io, flowFile), lib.tax);
      const text = renderRopa(ropaFor(lib, flow, view as RopaView), format);
      if (opts.out) writeAtomic(resolveFrom(io, opts.out), text);
      else io.stdout(text);
    });
}
