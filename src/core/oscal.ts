// OSCAL 1.0.6 assessment results from a report: one result per jurisdiction,
// one finding per checklist item. UUIDs are v5 names derived from the game and
// item ids, and every timestamp comes from the report's as-of date, so the
// same report always gives the same bytes.
import type { Report, ReportItem } from './types.js';
import { uuidV5 } from './uuid.js';
import { uncoveredSentence } from './coverage.js';

export const OSCAL_VERSION = '1.0.6';
export const OSCAL_NS = 'https://complyflow.dev/ns/oscal';

/** An OSCAL token: letters, digits, '.', '-', '_', starting with a letter or '_'. */
export function oscalToken(text: string): string {
  const t = text.replace(/[^\p{L}\p{N}._-]+/gu, '_');
  return /^[\p{L}_]/u.test(t) ? t : `_${t}`;
}

/** OSCAL strings may not be empty or start or end with white space. */
function str(text: string | null | undefined, fallback = '-'): string {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return t.length ? t : fallback;
}

interface Prop {
  name: string;
  ns: string;
  value: string;
}

function prop(name: string, value: string | null | undefined): Prop[] {
  const v = (value ?? '').replace(/\s+/g, ' ').trim();
  return v ? [{ name, ns: OSCAL_NS, value: v }] : [];
}

export function controlId(item: ReportItem): string {
  return oscalToken(`${item.regulation}.${item.rule}`);
}

function finding(report: Report, item: ReportItem): object {
  const closed = item.status === 'done' || item.status === 'not-applicable';
  const description = [
    item.action,
    item.because.length ? `Why: ${item.because.join('; ')}.` : '',
    item.deadline ? `Deadline: within ${item.deadline.within} of ${item.deadline.from}, to ${item.deadline.to}.` : '',
    item.evidence.length ? `Evidence expected: ${item.evidence.join('; ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const props = [
    ...prop('item-id', item.id),
    ...prop('regulation', item.regulation),
    ...prop('jurisdiction', item.jurisdiction),
    ...prop('citation', item.citation),
    ...prop('topic', item.topic),
    ...prop('severity', item.severity),
    ...prop('determination', item.determination),
    ...prop('status', item.status),
    ...prop('owner', item.owner),
    ...item.evidenceProvided.flatMap((e) => prop('evidence', e)),
  ];
  return {
    uuid: uuidV5(`finding:${report.game.id}:${item.id}`),
    title: str(item.title),
    description: str(description),
    props,
    target: {
      type: 'objective-id',
      'target-id': controlId(item),
      status: {
        state: closed ? 'satisfied' : 'not-satisfied',
        reason: item.status === 'done' ? 'pass' : item.status === 'not-applicable' ? 'other' : 'fail',
        ...(item.status === 'not-applicable' ? { remarks: 'Marked not applicable in the status file.' } : {}),
      },
    },
  };
}

export function buildOscal(report: Report): object {
  const timestamp = `${report.asOf}T00:00:00Z`;
  const jurisdictions = [...new Set(report.items.map((i) => i.jurisdiction))].sort();
  const results = jurisdictions.map((j) => {
    const items = report.items.filter((i) => i.jurisdiction === j);
    const controls = [...new Set(items.map(controlId))].sort();
    return {
      uuid: uuidV5(`result:${report.game.id}:${j}`),
      title: str(`${report.game.name}: ${j} privacy checklist`),
      description: str(`complyflow evaluation of the game's data flows against the ${j} rule packs as of ${report.asOf}. ${report.disclaimer}`),
      start: timestamp,
      end: timestamp,
      props: [...prop('jurisdiction', j), ...prop('as-of', report.asOf)],
      'reviewed-controls': {
        'control-selections': [{ 'include-controls': controls.map((c) => ({ 'control-id': c })) }],
      },
      findings: items.map((i) => finding(report, i)),
    };
  });
  if (!results.length)
    results.push({
      uuid: uuidV5(`result:${report.game.id}:none`),
      title: str(`${report.game.name}: privacy checklist`),
      description: str(`No checklist items apply as of ${report.asOf}. ${report.disclaimer}`),
      start: timestamp,
      end: timestamp,
      props: prop('as-of', report.asOf),
      'reviewed-controls': { 'control-selections': [{ 'include-all': {} } as never] },
      findings: [],
    });
  const uncovered = uncoveredSentence(report.uncoveredMarkets);
  // Markets no rule pack covers lead the results as an observation: nothing was assessed there.
  if (uncovered)
    results.unshift({
      uuid: uuidV5(`result:${report.game.id}:uncovered`),
      title: str(`${report.game.name}: markets no rule pack covers`),
      description: str(`${uncovered} ${report.disclaimer}`),
      start: timestamp,
      end: timestamp,
      props: [...report.uncoveredMarkets.flatMap((m) => prop('uncovered-market', m)), ...prop('as-of', report.asOf)],
      'reviewed-controls': { 'control-selections': [{ description: 'No control: no loaded rule pack covers these markets.' } as never] },
      findings: [],
      observations: [
        {
          uuid: uuidV5(`observation:${report.game.id}:uncovered:${report.uncoveredMarkets.join(',')}`),
          title: 'Markets no rule pack covers',
          description: uncovered,
          props: report.uncoveredMarkets.flatMap((m) => prop('uncovered-market', m)),
          methods: ['EXAMINE'],
          collected: timestamp,
        },
      ],
    } as (typeof results)[number]);
  for (const r of results) if (!r.findings.length) delete (r as { findings?: unknown }).findings;
  for (const r of results) if (!r.props.length) delete (r as { props?: unknown }).props;

  const remarks = [
    uncovered,
    report.disclaimer,
    report.unmatchedStatus.length ? `Status entries that match no current item: ${report.unmatchedStatus.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    'assessment-results': {
      uuid: uuidV5(`assessment-results:${report.game.id}:${report.asOf}:${report.markets.join(',')}`),
      metadata: {
        title: str(`${report.game.name}: privacy compliance assessment results`),
        'last-modified': timestamp,
        version: str(report.tool.version),
        'oscal-version': OSCAL_VERSION,
        props: [
          ...prop('tool', `${report.tool.name} ${report.tool.version}`),
          ...prop('as-of', report.asOf),
          ...prop('markets', report.markets.join(' ')),
          ...report.uncoveredMarkets.flatMap((m) => prop('uncovered-market', m)),
          ...report.unmatchedStatus.flatMap((id) => prop('unmatched-status', id)),
        ],
        remarks,
      },
      'import-ap': { href: `urn:complyflow:assessment-plan:${encodeURIComponent(report.game.id)}` },
      results,
    },
  };
}

export function renderOscal(report: Report): string {
  return JSON.stringify(buildOscal(report), null, 2) + '\n';
}
