// What the CLI writes for a report: JSON in pieces straight from the report
// model, any other format through its renderer, loaded only when asked for.
import type { Report } from '../core/types.js';
import type { Format } from './formats.js';
import type { Output, RenderContext } from './index.js';
import { jsonChunks } from './json.js';

export async function renderReportOutput(report: Report, format: Format, context: RenderContext = {}): Promise<Output> {
  if (format === 'json') return (transient) => jsonChunks(report, { transient });
  return (await import('./index.js')).renderReport(report, format, context);
}
