// Audit views shared by the Markdown and HTML reports (progress, the
// data-flow diagram), and the self-contained HTML report itself.
import type { Flow, Report, ReportRegulation } from '../core/types.js';
import { buildDiagram, layoutDiagram, toMermaid, type DiagramLayout } from '../core/diagram.js';
import { SEVERITIES } from '../core/types.js';
import type { LawsHeadline } from '../core/summary.js';
import { buildView, type LawView, type PlanView, type StaleStatusEntry } from './view.js';
import { template } from './handlebars.js';
import { buildProgress, type progressOf, type ProgressView } from './progress.js';

export { buildProgress, progressOf, type Progress, type ProgressView } from './progress.js';

/** What the Markdown checklist adds for audits: progress, and the diagram when the flow is at hand. */
export interface AuditExtras {
  progress: ProgressView;
  mermaid: string | null;
}

export function auditExtras(report: Report, flow?: Flow): AuditExtras {
  return { progress: buildProgress(report), mermaid: flow ? toMermaid(buildDiagram(flow, transferSubjects(report))) : null };
}

/** The transfers the checklist has items for (`backend@CN`), with the laws of those items: the diagram marks the same hops. */
export function transferSubjects(report: Report): ReadonlyMap<string, readonly string[]> {
  const out = new Map<string, string[]>();
  for (const i of report.items) {
    if (i.subject.type !== 'transfer') continue;
    const laws = out.get(i.subject.id) ?? [];
    if (!laws.includes(i.regulation)) laws.push(i.regulation);
    out.set(i.subject.id, laws);
  }
  return out;
}

/** Only http(s) links are rendered as links (a rule pack cannot smuggle in a javascript: URL). */
function safeUrl(url: string | null): string | null {
  return url && /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : null;
}

interface MarketSection {
  jurisdiction: string;
  anchor: string;
  progress: ReturnType<typeof progressOf>;
  laws: LawView[];
}

export interface HtmlView {
  report: Report;
  progress: ProgressView;
  markets: MarketSection[];
  others: ReportRegulation[];
  stale: StaleStatusEntry[];
  /** the sentence naming the offered markets no rule pack covers; '' when every one is covered */
  uncovered: string;
  notVerified: string;
  headline: LawsHeadline;
  planView: PlanView;
  diagram: DiagramLayout | null;
  severities: readonly string[];
  statuses: readonly string[];
}

export function buildHtmlView(report: Report, flow?: Flow): HtmlView {
  const view = buildView(report);
  const progress = buildProgress(report);
  const markets = progress.byMarket.map(({ jurisdiction, progress: p }) => ({
    jurisdiction,
    anchor: `market-${jurisdiction.replace(/[^A-Za-z0-9-]/g, '_')}`,
    progress: p,
    laws: view.applicable
      .filter((l) => l.regulation.jurisdiction === jurisdiction)
      .map((l) => ({ ...l, topics: l.topics.map((t) => ({ ...t, items: t.items.map((i) => ({ ...i, href: safeUrl(i.url) })) })) })),
  }));
  return {
    report,
    progress,
    markets,
    others: view.others,
    stale: view.stale,
    uncovered: view.uncovered,
    notVerified: view.notVerified,
    headline: view.headline,
    planView: view.planView,
    diagram: flow ? layoutDiagram(buildDiagram(flow, transferSubjects(report))) : null,
    severities: SEVERITIES,
    statuses: ['todo', 'in-progress', 'done', 'not-applicable'],
  };
}

/** Where each law's section goes in the frame; every text from the report is HTML-escaped there, so none holds a `<`. */
const LAW = '<\u0000law\u0000>';

/**
 * The pieces of the HTML report: the frame (summary, plan, diagram, matrix),
 * with each law's section made on its own where it goes. A portfolio's report
 * is over a hundred megabytes; made in one piece, its text was most of the
 * memory of writing it. The pieces joined are the report made in one piece.
 */
export function* htmlPieces(report: Report, flow?: Flow): Generator<string> {
  const view = buildHtmlView(report, flow);
  const law = template('report-law.html.hbs', 'html');
  const frame = template('report.html.hbs', 'html')(view, { partials: { law: () => LAW } }).split(LAW);
  const sections = view.markets.flatMap((m) => m.laws);
  if (frame.length !== sections.length + 1) throw new Error(`HTML report: ${frame.length - 1} law places for ${sections.length} laws`);
  yield frame[0]!;
  // @root stays the whole view, as in the frame (the item texts name facts through @root.report).
  for (const [k, section] of sections.entries()) {
    yield law(section, { data: { root: view } });
    yield frame[k + 1]!;
  }
}

/** One self-contained HTML file: inline CSS and script, no external URL, printable. */
export function renderHtml(report: Report, flow?: Flow): string {
  return [...htmlPieces(report, flow)].join('');
}
