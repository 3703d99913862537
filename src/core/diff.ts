// What changed between two runs (two JSON reports): items added, removed and
// changed, and laws that now apply or no longer do. Pure; ids are the keys.
import { byId } from './order.js';
import type { Report, ReportItem } from './types.js';

export interface DiffItem {
  id: string;
  regulation: string;
  jurisdiction: string;
  title: string;
  severity: string;
  status: string;
  determination: string;
}

export interface FieldChange {
  field: 'status' | 'severity' | 'deadline' | 'determination' | 'citation' | 'lawVersion';
  from: string | null;
  to: string | null;
}

export interface ReportDiff {
  from: { asOf: string; toolVersion: string; game: string };
  to: { asOf: string; toolVersion: string; game: string };
  added: DiffItem[];
  removed: DiffItem[];
  changed: Array<DiffItem & { changes: FieldChange[] }>;
  laws: {
    nowApply: string[];
    noLongerApply: string[];
    /** the law's rule-pack version changed between the runs */
    versionChanged: Array<{ id: string; from: string; to: string }>;
  };
  summary: { added: number; removed: number; changed: number; nowApply: number; noLongerApply: number };
}

function brief(i: ReportItem): DiffItem {
  return {
    id: i.id,
    regulation: i.regulation,
    jurisdiction: i.jurisdiction,
    title: i.title,
    severity: i.severity,
    status: i.status,
    determination: i.determination,
  };
}

function deadlineText(i: ReportItem): string | null {
  return i.deadline ? `${i.deadline.within} from ${i.deadline.from}, to ${i.deadline.to}` : null;
}

export function diffReports(oldReport: Report, newReport: Report): ReportDiff {
  const oldItems = new Map(oldReport.items.map((i) => [i.id, i]));
  const newItems = new Map(newReport.items.map((i) => [i.id, i]));
  const oldLaws = new Map(oldReport.regulations.map((r) => [r.id, r]));
  const newLaws = new Map(newReport.regulations.map((r) => [r.id, r]));

  const added = newReport.items
    .filter((i) => !oldItems.has(i.id))
    .map(brief)
    .sort(byId);
  const removed = oldReport.items
    .filter((i) => !newItems.has(i.id))
    .map(brief)
    .sort(byId);
  const changed: ReportDiff['changed'] = [];
  for (const n of newReport.items) {
    const o = oldItems.get(n.id);
    if (!o) continue;
    const changes: FieldChange[] = [];
    const cmp = (field: FieldChange['field'], a: string | null, b: string | null) => {
      if (a !== b) changes.push({ field, from: a, to: b });
    };
    cmp('status', o.status, n.status);
    cmp('severity', o.severity, n.severity);
    cmp('deadline', deadlineText(o), deadlineText(n));
    cmp('determination', o.determination, n.determination);
    cmp('citation', o.citation, n.citation);
    cmp('lawVersion', oldLaws.get(o.regulation)?.version ?? null, newLaws.get(n.regulation)?.version ?? null);
    if (changes.length) changed.push({ ...brief(n), changes });
  }
  changed.sort(byId);

  const applies = (s: string | undefined) => s === 'applies';
  const ids = [...new Set([...oldLaws.keys(), ...newLaws.keys()])].sort();
  const nowApply = ids.filter((id) => applies(newLaws.get(id)?.status) && !applies(oldLaws.get(id)?.status));
  const noLongerApply = ids.filter((id) => applies(oldLaws.get(id)?.status) && !applies(newLaws.get(id)?.status));
  const versionChanged = ids.flatMap((id) => {
    const a = oldLaws.get(id);
    const b = newLaws.get(id);
    return a && b && a.version !== b.version ? [{ id, from: a.version, to: b.version }] : [];
  });

  return {
    from: { asOf: oldReport.asOf, toolVersion: oldReport.tool.version, game: oldReport.game.id },
    to: { asOf: newReport.asOf, toolVersion: newReport.tool.version, game: newReport.game.id },
    added,
    removed,
    changed,
    laws: { nowApply, noLongerApply, versionChanged },
    summary: { added: added.length, removed: removed.length, changed: changed.length, nowApply: nowApply.length, noLongerApply: noLongerApply.length },
  };
}
