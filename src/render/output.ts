// What the CLI writes for a report: JSON in pieces straight from the report
// model, Markdown and HTML law by law, CSV rows at a time, any other format through its renderer; each
// loaded only when asked for.
import type { Report } from '../core/types.js';
import type { Format } from './formats.js';
import type { Output, RenderContext } from './index.js';
import { jsonChunks } from './json.js';

export async function renderReportOutput(report: Report, format: Format, context: RenderContext = {}): Promise<Output> {
  if (format === 'json') return (transient) => jsonChunks(report, { transient });
  if (format === 'md') {
    const { markdownPieces } = await import('./markdown.js');
    return () => utf8(markdownPieces(report, context));
  }
  if (format === 'csv') {
    const { checklistCsvPieces } = await import('./csv.js');
    return () => utf8(checklistCsvPieces(report));
  }
  if (format === 'html') {
    const { htmlPieces } = await import('./html.js');
    return () => utf8(htmlPieces(report, context.flow));
  }
  return (await import('./index.js')).renderReport(report, format, context);
}

function* utf8(pieces: Iterable<string>): Generator<Uint8Array> {
  for (const piece of pieces) if (piece.length) yield Buffer.from(piece);
}
