// The diagram layout is linear in systems and flows: a long chain and a wide
// fan are laid out in time proportional to their size, cycles cut once.
import { describe, expect, it } from 'vitest';
import { buildDiagram, layoutDiagram } from '../../src/core/diagram.js';
import type { Flow } from '../../src/core/types.js';

const chain = (n: number): Flow =>
  ({
    controller: {},
    systems: Array.from({ length: n }, (_, i) => ({ id: `s${i}` })),
    vendors: [],
    flows: Array.from({ length: n - 1 }, (_, i) => ({ from: `s${i}`, to: `s${i + 1}`, data: ['d'], purpose: 'p' })),
  }) as unknown as Flow;

const time = (f: () => void) => {
  const started = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - started);
};

describe('diagram layout', () => {
  it('a chain of systems: one column each, in time linear in its length', () => {
    const layout = layoutDiagram(buildDiagram(chain(5000)));
    expect(new Set(layout.nodes.map((n) => n.x)).size).toBe(5000);
    time(() => layoutDiagram(buildDiagram(chain(2000))));
    const small = time(() => layoutDiagram(buildDiagram(chain(4000))));
    const large = time(() => layoutDiagram(buildDiagram(chain(40_000))));
    expect(large / small).toBeLessThan(30); // quadratic would be 100
  });

  it('many flows between the same two systems make one edge, each data element once', () => {
    const flow = chain(2);
    flow.flows = Array.from({ length: 50_000 }, (_, i) => ({ from: 's0', to: 's1', data: [`d${i % 100}`], purpose: `p${i % 7}` })) as Flow['flows'];
    const graph = buildDiagram(flow);
    expect(graph.edges).toHaveLength(1);
    expect(graph.edges[0]!.data).toHaveLength(100);
    expect(graph.edges[0]!.purposes).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
  });

  it('a cycle is cut where it closes: a system and a vendor that send to each other sit in neighbouring columns', () => {
    const flow = chain(2);
    flow.flows.push({ from: 's1', to: 's0', data: ['d'], purpose: 'p' } as Flow['flows'][number]);
    const xs = layoutDiagram(buildDiagram(flow)).nodes.map((n) => n.x);
    expect(xs[0]).toBeLessThan(xs[1]!);
  });
});
