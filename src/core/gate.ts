// The release gate (`check --fail-on`): which open items and uncovered markets
// fail a CI run. Pure; the CLI prints the result and sets the exit code.
import { SEVERITIES, type Report, type ReportItem, type Severity } from './types.js';

/** Whether an item is still to do: not done and not marked not applicable. */
export function isOpen(item: ReportItem): boolean {
  return item.status !== 'done' && item.status !== 'not-applicable';
}

export interface GateResult {
  /** open items at or above the severity, worst first, then by id */
  open: ReportItem[];
  /** why the gate fails, in words; empty when it passes */
  failures: string[];
}

/**
 * Open items (not upcoming) at or above `failOn`, and offered markets no pack
 * covers unless they are accepted: a CI gate must not pass a launch into a
 * market nobody checked.
 */
export function releaseGate(report: Report, failOn: Severity, options: { allowUncovered?: boolean } = {}): GateResult {
  const rank = SEVERITIES.indexOf(failOn);
  const open = report.items
    .filter((i) => i.determination !== 'upcoming' && isOpen(i) && SEVERITIES.indexOf(i.severity) <= rank)
    .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const uncovered = report.uncoveredMarkets;
  const failures = [
    ...(open.length ? [`${open.length} open item(s) at or above ${failOn} severity`] : []),
    ...(uncovered.length && !options.allowUncovered ? [`no rule pack covers ${uncovered.join(', ')} (--allow-uncovered to accept)`] : []),
  ];
  return { open, failures };
}
