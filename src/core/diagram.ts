// The data-flow diagram: one graph built from the flow (systems, vendors, the
// data moving between them, cross-border transfers marked), drawn two ways
// from the same graph: Mermaid text for Markdown, and a simple layered layout
// that the HTML report draws as inline SVG (offline, no script needed).
import { countryOf } from './taxonomy.js';
import type { Flow } from './types.js';

export interface DiagramNode {
  id: string;
  label: string;
  kind: 'system' | 'device' | 'vendor' | 'affiliate';
  /** where it processes or stores data */
  regions: string[];
  /** role toward players' data, when a vendor or an affiliate */
  role?: string;
}

export interface DiagramEdge {
  from: string;
  to: string;
  /** data element ids, in first-seen order */
  data: string[];
  purposes: string[];
  /**
   * Countries the hop is a transfer to (empty: none): for a vendor or an affiliate, another company, those outside
   * the controller's country; for the studio's own system, those where some law's checklist counts the export
   * (`ownSystemTransfers`: transfer subject id → the laws with an item on it), so the diagram and the checklist agree.
   */
  transferTo: string[];
  /** for a hop to the studio's own system: the laws that count it as a transfer (an export) */
  exportUnder?: string[];
}

export interface DiagramGraph {
  controllerCountry: string | null;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

function addUnique(list: string[], seen: Set<string>, values: readonly string[]): void {
  for (const v of values)
    if (!seen.has(v)) {
      seen.add(v);
      list.push(v);
    }
}

/** A region code as a country: a US state is the US, a Canadian province is CA. */
function country(region: string): string {
  return countryOf(region);
}

/**
 * The graph of a flow. `ownSystemTransfers`: the transfer subjects of the report's items (`backend@CN`) with the
 * laws that have items on them, which tell which hops to the studio's own systems abroad some law counts as a
 * transfer (an export).
 */
export function buildDiagram(flow: Flow, ownSystemTransfers: ReadonlyMap<string, readonly string[]> = new Map()): DiagramGraph {
  const controllerCountry = flow.controller.establishedIn ?? null;
  const nodes: DiagramNode[] = [];
  for (const s of flow.systems) nodes.push({ id: s.id, label: s.name ?? s.id, kind: s.kind === 'device' ? 'device' : 'system', regions: s.regions ?? [] });
  for (const v of flow.vendors) nodes.push({ id: v.id, label: v.name, kind: 'vendor', regions: v.regions ?? [], role: v.role });
  for (const a of flow.affiliates ?? []) nodes.push({ id: a.id, label: a.name, kind: 'affiliate', regions: a.regions ?? [a.establishedIn], role: a.role });
  const byId = new Map(nodes.map((n) => [n.id, n]));

  const edges: DiagramEdge[] = [];
  // one edge per pair, found by key: a search of the list per flow was quadratic in flows
  const edgeOf = new Map<string, { edge: DiagramEdge; data: Set<string>; purposes: Set<string> }>();
  for (const f of flow.flows) {
    const key = JSON.stringify([f.from, f.to]);
    let e = edgeOf.get(key);
    if (!e) {
      const target = byId.get(f.to);
      const countries = [...new Set((target?.regions ?? []).map(country))].sort();
      const transferTo =
        target?.kind === 'vendor' || target?.kind === 'affiliate'
          ? countries.filter((c) => controllerCountry === null || c !== country(controllerCountry))
          : target?.kind === 'system'
            ? countries.filter((c) => ownSystemTransfers.has(`${target.id}@${c}`))
            : [];
      const exportUnder = target?.kind === 'system' ? [...new Set(transferTo.flatMap((c) => ownSystemTransfers.get(`${target.id}@${c}`) ?? []))].sort() : [];
      const edge: DiagramEdge = { from: f.from, to: f.to, data: [], purposes: [], transferTo, ...(exportUnder.length ? { exportUnder } : {}) };
      edges.push(edge);
      edgeOf.set(key, (e = { edge, data: new Set(), purposes: new Set() }));
    }
    addUnique(e.edge.data, e.data, f.data);
    addUnique(e.edge.purposes, e.purposes, [f.purpose]);
  }
  return { controllerCountry, nodes, edges };
}

// ---------------------------------------------------------------- Mermaid

/** What Mermaid names in a label: the quote and the marks of HTML. */
const MERMAID_NAMED: Readonly<Record<string, string>> = { '"': '#quot;', '&': '#amp;', '<': '#lt;', '>': '#gt;' };

/**
 * Text safe inside a quoted Mermaid label, as Mermaid's entity codes
 * (`#37;` for `%`): no quote ends the label, no `%%` starts a comment or an
 * `%%{init}%%` directive (Mermaid finds those anywhere in the text, quoted or
 * not), no brace, pipe or `#` starts anything, no backtick closes the
 * Markdown fence, no line break or control character reaches the diagram.
 */
function mermaidText(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[#"&<>%{}|`\\\p{Cc}\p{Cf}]/gu, (c) => MERMAID_NAMED[c] ?? `#${c.codePointAt(0)};`);
}

export function edgeLabel(edge: DiagramEdge): string {
  if (edge.exportUnder?.length) return `${edge.data.join(', ')} (own system: export to ${edge.transferTo.join(', ')} under ${edge.exportUnder.join(', ')})`;
  return edge.data.join(', ') + (edge.transferTo.length ? ` (transfer to ${edge.transferTo.join(', ')})` : '');
}

/** Mermaid `flowchart LR` text for the graph. Node ids are positional so any input id is safe. */
export function toMermaid(graph: DiagramGraph): string {
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = ['flowchart LR'];
  const firstParty = graph.nodes.filter((n) => n.kind === 'system' || n.kind === 'device');
  const group = graph.nodes.filter((n) => n.kind === 'affiliate');
  const vendors = graph.nodes.filter((n) => n.kind === 'vendor');
  const node = (n: DiagramNode) => {
    const where = n.regions.length ? ` [${n.regions.join(', ')}]` : '';
    const role = n.role ? ` · ${n.role}` : '';
    const text = mermaidText(`${n.label}${role}${where}`);
    const id = ids.get(n.id)!;
    if (n.kind === 'device') return `${id}(["${text}"])`;
    if (n.kind === 'vendor') return `${id}[/"${text}"/]`;
    if (n.kind === 'affiliate') return `${id}[["${text}"]]`;
    return `${id}[("${text}")]`;
  };
  if (firstParty.length) {
    lines.push('  subgraph first_party["First party"]');
    for (const n of firstParty) lines.push(`    ${node(n)}`);
    lines.push('  end');
  }
  if (group.length) {
    lines.push('  subgraph group["Group companies"]');
    for (const n of group) lines.push(`    ${node(n)}`);
    lines.push('  end');
  }
  if (vendors.length) {
    lines.push('  subgraph vendors["Vendors"]');
    for (const n of vendors) lines.push(`    ${node(n)}`);
    lines.push('  end');
  }
  const transfers: number[] = [];
  graph.edges.forEach((e, i) => {
    const from = ids.get(e.from);
    const to = ids.get(e.to);
    if (!from || !to) return;
    const arrow = e.transferTo.length ? '-.->' : '-->';
    lines.push(`  ${from} ${arrow}|"${mermaidText(edgeLabel(e))}"| ${to}`);
    if (e.transferTo.length) transfers.push(i);
  });
  if (transfers.length) lines.push(`  linkStyle ${transfers.join(',')} stroke:#c0392b,stroke-width:2px`);
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------- layered layout (for SVG)

export interface LaidOutNode extends DiagramNode {
  x: number;
  y: number;
  width: number;
  height: number;
  /** second line under the label: role and regions */
  detail: string;
}

export interface LaidOutEdge extends DiagramEdge {
  /** SVG path data */
  path: string;
  label: string;
  labelX: number;
  labelY: number;
  transfer: boolean;
}

export interface DiagramLayout {
  width: number;
  height: number;
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
}

const CHAR = 7; // approximate width of one character at the diagram's font size
const NODE_H = 44;
const ROW_GAP = 34;
const COL_GAP = 340;
const MARGIN = 20;
/** the height of one line of an edge label: labels ending at one x are at least this far apart */
export const LABEL_LINE = 13;

/** Layers by longest path from the sources (cycles are cut), stacked top to bottom in input order. */
export function layoutDiagram(graph: DiagramGraph): DiagramLayout {
  const layer = new Map<string, number>(graph.nodes.map((n) => [n.id, 0]));
  const edges = graph.edges.filter((e) => layer.has(e.from) && layer.has(e.to) && e.from !== e.to);
  // Longest path in linear time: cut the edges that close a cycle (a depth-first search in input order),
  // then relax the rest in topological order. (Relaxing every edge once per node was quadratic.)
  const out = new Map<string, DiagramEdge[]>(graph.nodes.map((n) => [n.id, []]));
  for (const e of edges) out.get(e.from)!.push(e);
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: done
  const order: string[] = []; // reverse topological order of the acyclic rest
  const cut = new Set<DiagramEdge>();
  for (const root of graph.nodes) {
    if (state.has(root.id)) continue;
    const stack: Array<{ id: string; next: number }> = [{ id: root.id, next: 0 }];
    state.set(root.id, 1);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const e = out.get(top.id)![top.next++];
      if (!e) {
        state.set(top.id, 2);
        order.push(top.id);
        stack.pop();
      } else if (state.get(e.to) === 1) cut.add(e);
      else if (!state.has(e.to)) {
        state.set(e.to, 1);
        stack.push({ id: e.to, next: 0 });
      }
    }
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const from = order[i]!;
    for (const e of out.get(from)!) if (!cut.has(e)) layer.set(e.to, Math.max(layer.get(e.to)!, layer.get(from)! + 1));
  }
  const columns: DiagramNode[][] = [];
  for (const n of graph.nodes) (columns[layer.get(n.id)!] ??= []).push(n);
  const dense = columns.filter((c) => c && c.length);

  const detail = (n: DiagramNode) => [n.role, n.regions.length ? n.regions.join(', ') : ''].filter(Boolean).join(' · ');
  const widthOf = (n: DiagramNode) => Math.max(120, Math.max(n.label.length, detail(n).length) * CHAR + 24);
  const colWidth = dense.map((c) => c.reduce((w, n) => Math.max(w, widthOf(n)), 0));
  const laid = new Map<string, LaidOutNode>();
  let x = MARGIN;
  let height = 0;
  dense.forEach((col, ci) => {
    col.forEach((n, ri) => {
      const y = MARGIN + ri * (NODE_H + ROW_GAP);
      laid.set(n.id, { ...n, x, y, width: colWidth[ci]!, height: NODE_H, detail: detail(n) });
      height = Math.max(height, y + NODE_H);
    });
    x += colWidth[ci]! + COL_GAP;
  });
  const width = Math.max(x - COL_GAP + MARGIN, 200);

  // Several arrows at one node leave and arrive at points spread along its side (in the order of the nodes at
  // their other end), so they stay apart and their labels do not start on top of each other.
  const spread = (ends: Map<string, DiagramEdge[]>, other: (e: DiagramEdge) => string) => {
    const at = new Map<DiagramEdge, number>();
    for (const [id, list] of ends) {
      const n = laid.get(id)!;
      const sorted = [...list].sort((p, q) => laid.get(other(p))!.y - laid.get(other(q))!.y);
      sorted.forEach((e, k) => at.set(e, Math.round(n.y + (n.height * (k + 1)) / (sorted.length + 1))));
    }
    return at;
  };
  const group = (key: (e: DiagramEdge) => string) => {
    const m = new Map<string, DiagramEdge[]>();
    for (const e of edges) {
      const list = m.get(key(e));
      if (list) list.push(e);
      else m.set(key(e), [e]);
    }
    return m;
  };
  const departY = spread(
    group((e) => e.from),
    (e) => e.to,
  );
  const arriveY = spread(
    group((e) => e.to),
    (e) => e.from,
  );

  const outEdges: LaidOutEdge[] = [];
  for (const e of edges) {
    const a = laid.get(e.from)!;
    const b = laid.get(e.to)!;
    let x1 = a.x + a.width;
    let x2 = b.x;
    if (b.x <= a.x) {
      // backwards or same column: leave from the left, arrive on the left
      x1 = a.x;
      x2 = b.x;
    }
    const y1 = departY.get(e)!;
    const y2 = arriveY.get(e)!;
    const bend = Math.max(40, Math.abs(x2 - x1) / 2);
    const c1 = x1 + (b.x <= a.x ? -bend : bend);
    const c2 = x2 - bend;
    const path = `M${x1},${y1} C${c1},${y1} ${c2},${y2} ${x2},${y2}`;
    // the label sits just before the arrow's head, along its flat final stretch, right-aligned
    outEdges.push({
      ...e,
      path,
      label: edgeLabel(e),
      labelX: Math.round(x2 - 10),
      labelY: Math.round(y2 - 4),
      transfer: e.transferTo.length > 0,
    });
  }
  // Labels ending at one x (arrows into one column) are one line apart at least, top to bottom.
  const byX = new Map<number, LaidOutEdge[]>();
  for (const e of outEdges) {
    const list = byX.get(e.labelX);
    if (list) list.push(e);
    else byX.set(e.labelX, [e]);
  }
  for (const list of byX.values()) {
    list.sort((p, q) => p.labelY - q.labelY);
    for (let i = 1; i < list.length; i++) list[i]!.labelY = Math.max(list[i]!.labelY, list[i - 1]!.labelY + LABEL_LINE);
    height = Math.max(height, list[list.length - 1]!.labelY + 4);
  }
  return { width, height: height + MARGIN, nodes: [...laid.values()], edges: outEdges };
}
