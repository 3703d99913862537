// The Markdown checklist, section by section: the frame of the report
// (summary, laws, matrix), then one law at a time. A large portfolio's
// checklist is tens of megabytes; made in one piece, its text and the
// clean-up of blank lines were most of the time and memory of writing it.
import type { Report } from '../core/types.js';
import { template } from './handlebars.js';
import { auditExtras } from './html.js';
import type { RenderContext } from './index.js';
import { buildView } from './view.js';
import { markdownText } from './markdown-text.js';

/** Where the laws' sections go in the frame; no report text contains it. */
const LAWS = '\u0000laws\u0000';

/**
 * The pieces of the checklist. Their concatenation is the checklist made in
 * one piece, with runs of blank lines (three newlines or more) cut to one
 * blank line, also across pieces.
 */
export function* markdownPieces(report: Report, context: RenderContext = {}): Generator<string> {
  const view = { ...buildView(report), audit: auditExtras(report, context.flow) };
  const law = template('checklist-law.md.hbs', 'markdown');
  // The frame with one stand-in law, whose section marks where the laws go.
  const frame = template('checklist.md.hbs', 'markdown')(
    { ...view, applicable: [{}] },
    { partials: { law: () => LAWS, plan: template('plan.md.hbs', 'markdown') } },
  );
  const at = frame.indexOf(LAWS);
  const blankLines = new BlankLines();
  yield blankLines.cut(frame.slice(0, at));
  for (const section of view.applicable) yield blankLines.cut(law(section));
  yield blankLines.cut(frame.slice(at + LAWS.length));
}

/** The work plan alone (`check --view plan`): its title, the plan section and the disclaimer. */
export function renderPlanMarkdown(report: Report): string {
  const view = buildView(report);
  const head = `# Work plan: ${markdownText(report.game.name)}\n\n${view.uncovered ? `> **${view.uncovered}**\n\n` : ''}> ${report.disclaimer}\n\nEvaluated as of **${report.asOf}**.\n\n`;
  return new BlankLines().cut(head + template('plan.md.hbs', 'markdown')(view));
}

/** The whole checklist as one text. */
export function renderMarkdown(report: Report, context: RenderContext = {}): string {
  return [...markdownPieces(report, context)].join('');
}

/** Cuts runs of three or more newlines to two, across the pieces of one text. */
export class BlankLines {
  /** newlines at the end of what was handed out so far */
  private trailing = 0;

  cut(piece: string): string {
    let text = piece.replace(/\n{3,}/g, '\n\n');
    const leading = newlines(text, 'start');
    // A run that goes on from the last piece keeps two newlines in all.
    if (this.trailing + leading > 2) text = text.slice(leading - (2 - this.trailing));
    if (text.length === 0) return text;
    const ending = newlines(text, 'end');
    this.trailing = ending === text.length ? this.trailing + ending : ending;
    return text;
  }
}

function newlines(text: string, side: 'start' | 'end'): number {
  let n = 0;
  while (n < text.length && text.charCodeAt(side === 'start' ? n : text.length - 1 - n) === 10) n++;
  return n;
}
