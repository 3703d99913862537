// Output formats share one interface: a report in, bytes out. JSON is the
// report itself; the others are templates or writers over it.
import type { Report } from '../core/types.js';
import { buildView } from './view.js';
import { template } from './handlebars.js';

export type Format = 'json' | 'md';
export const CHECK_FORMATS: readonly Format[] = ['json', 'md'];

export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}

export function renderMarkdown(report: Report): string {
  return template('checklist.md.hbs', true)(buildView(report)).replace(/\n{3,}/g, '\n\n');
}

export async function renderReport(report: Report, format: Format): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'md':
      return renderMarkdown(report);
  }
}
