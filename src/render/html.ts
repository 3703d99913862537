// Audit views shared by the Markdown and HTML reports (progress per market and
// per law, from one function so every format shows the same numbers; the
// data-flow diagram), and the self-contained HTML report itself.
import type { Flow, Report, ReportItem, ReportRegulation } from '../core/types.js';
import { buildDiagram, layoutDiagram, toMermaid, type DiagramLayout } from '../core/diagram.js';
import { SEVERITIES } from '../core/types.js';
import { buildView, isOpen, type LawView } from './view.js';
import { template } from './handlebars.js';

export interface Progress {
  total: number;
  /** done or not applicable */
  closed: number;
  done: number;
  notApplicable: number;
  inProgress: number;
  todo: number;
  /** closed / total, in whole percent rounded down (100 only when everything is closed) */
  percent: number;
}

export interface ProgressView {
  overall: Progress;
  byMarket: Array<{ jurisdiction: string; progress: Progress }>;
  byLaw: Array<{ id: string; name: string; jurisdiction: string; progress: Progress }>;
}

export function progressOf(items: readonly ReportItem[]): Progress {
  const closed = items.filter((i) => !isOpen(i)).length;
  return {
    total: items.length,
    closed,
    done: items.filter((i) => i.status === 'done').length,
    notApplicable: items.filter((i) => i.status === 'not-applicable').length,
    inProgress: items.filter((i) => i.status === 'in-progress').length,
    todo: items.filter((i) => i.status === 'todo').length,
    percent: items.length ? Math.floor((closed * 100) / items.length) : 0,
  };
}

/** Progress per market (jurisdiction) and per law: the numbers every format shows. */
export function buildProgress(report: Report): ProgressView {
  const jurisdictions = [...new Set(report.items.map((i) => i.jurisdiction))].sort();
  return {
    overall: progressOf(report.items),
    byMarket: jurisdictions.map((j) => ({ jurisdiction: j, progress: progressOf(report.items.filter((i) => i.jurisdiction === j)) })),
    byLaw: report.regulations
      .map((r) => ({ id: r.id, name: r.name, jurisdiction: r.jurisdiction, progress: progressOf(report.items.filter((i) => i.regulation === r.id)) }))
      .filter((l) => l.progress.total > 0),
  };
}

/** What the Markdown checklist adds for audits: progress, and the diagram when the flow is at hand. */
export interface AuditExtras {
  progress: ProgressView;
  mermaid: string | null;
}

export function auditExtras(report: Report, flow?: Flow): AuditExtras {
  return { progress: buildProgress(report), mermaid: flow ? toMermaid(buildDiagram(flow)) : null };
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
    diagram: flow ? layoutDiagram(buildDiagram(flow)) : null,
    severities: SEVERITIES,
    statuses: ['todo', 'in-progress', 'done', 'not-applicable'],
  };
}

/** One self-contained HTML file: inline CSS and script, no external URL, printable. */
export function renderHtml(report: Report, flow?: Flow): string {
  return template('report.html.hbs', false)(buildHtmlView(report, flow));
}
