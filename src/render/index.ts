// Output formats share one interface: a report in, bytes out. JSON is the
// report itself; the others are templates or writers over it.
import type { Report } from '../core/types.js';
import type { Flow } from '../core/types.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { renderOscal } from '../core/oscal.js';
import { jsonChunks } from './json.js';

import type { Format } from './formats.js';
export { CHECK_FORMATS, type Format } from './formats.js';

/** What some formats draw from besides the report: the flow, for the data-flow diagram. */
export interface RenderContext {
  flow?: Flow;
}

export function renderJson(report: Report): string {
  return Buffer.concat([...jsonChunks(report)]).toString('utf8');
}

/**
 * UTF-8 in pieces, each valid alone (the JSON of a large report). `transient`:
 * the consumer is done with each piece before asking for the next, so its
 * bytes may be reused.
 */
export type Pieces = (transient: boolean) => Iterable<Uint8Array>;

/** What a format produces: text, bytes, or pieces. */
export type Output = string | Uint8Array | Pieces;

/** The report in a format, as the CLI writes it: JSON and Markdown in pieces, the rest whole. */

export { renderMarkdown };

export async function renderReport(report: Report, format: Format, context: RenderContext = {}): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'md':
      return renderMarkdown(report, context);
    case 'html':
      return renderHtml(report, context.flow);
    case 'csv':
      return (await import('./csv.js')).renderChecklistCsv(report);
    case 'xlsx':
      return (await import('./xlsx.js')).renderChecklistXlsx(report);
    case 'oscal':
      return renderOscal(report);
  }
}
