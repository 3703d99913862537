// The record of processing activities (GDPR Art. 30) as Markdown, CSV, JSON or XLSX.
import type { RuleLibrary } from '../library.js';
import { buildRopa, type Ropa, type RopaView } from '../core/ropa.js';
import type { Flow } from '../core/types.js';
import { template } from './handlebars.js';
import { toCsv } from './csv.js';
import { DISCLAIMER } from '../core/assemble.js';

import type { RopaFormat } from './formats.js';
import { jsonText } from './json.js';
export { ROPA_FORMATS, ROPA_VIEWS, type RopaFormat } from './formats.js';

/**
 * The RoPA for a flow, by the loaded law that declares its record of processing (`recordOfProcessing`: the
 * GDPR's, bundled): transfers leave that law's territory, and each is named by the law's safeguards, read
 * with its adequateCountries and transferScope parameters. No such law: every safeguard is to confirm.
 */
export function ropaFor(lib: RuleLibrary, flow: Flow, view: RopaView = 'controller'): Ropa {
  const law = lib.regulations.find((r) => r.recordOfProcessing !== undefined);
  const eea = [...lib.tax.markets.countriesOf(law ? (law.territory ?? [law.jurisdiction]) : ['EEA'])];
  const param = law?.parameters?.['adequateCountries']?.value;
  const adequate = Array.isArray(param) ? param.filter((c): c is string => typeof c === 'string') : undefined;
  const ownSystemsAreTransfers = law?.parameters?.['transferScope']?.value === 'export';
  return buildRopa(flow, {
    view,
    eea,
    ownSystemsAreTransfers,
    ...(adequate ? { adequateCountries: adequate } : {}),
    ...(law?.recordOfProcessing ? { safeguards: law.recordOfProcessing.safeguards } : {}),
  });
}

const transferText = (t: { recipientName: string; country: string; safeguard: string }) => `${t.recipientName} → ${t.country}: ${t.safeguard}`;

export const ROPA_CONTROLLER_COLUMNS = [
  'Purpose',
  'Description',
  'Use',
  'Lawful basis',
  'Categories of data',
  'Categories of data subjects',
  'Recipients',
  'Transfers outside the EEA and safeguards',
  'Retention',
  'Security measures',
] as const;
export const ROPA_PROCESSOR_COLUMNS = [
  'Processor',
  'Role',
  'Services',
  'Regions',
  'Controller',
  'Processing on behalf of the controller (purposes)',
  'Categories of data',
  'Transfers outside the EEA and safeguards',
  'Security measures',
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

export async function renderRopa(ropa: Ropa, format: RopaFormat, asOf: string): Promise<string | Uint8Array> {
  switch (format) {
    case 'xlsx': {
      const { header, rows } = ropaRows(ropa);
      const { renderTableXlsx } = await import('./xlsx.js');
      return renderTableXlsx(
        `Record of processing activities (GDPR Art. 30, ${ropa.view} view)`,
        [
          ['Controller', ropa.controller.name],
          ['Generated', asOf],
          ['Disclaimer', DISCLAIMER],
        ],
        'Record of processing',
        header,
        rows,
        asOf,
      );
    }
    case 'json':
      return jsonText({ disclaimer: DISCLAIMER, ...ropa });
    case 'csv': {
      const { header, rows } = ropaRows(ropa);
      return toCsv(header, rows);
    }
    case 'md':
      return template('ropa.md.hbs', 'markdown')({ ropa, disclaimer: DISCLAIMER, processorView: ropa.view === 'processor' }).replace(/\n{3,}/g, '\n\n');
  }
}
