/**
 * Where people are drawn: the org chart as a layered tree (the top person at the top,
 * each level a row, everyone under their manager's subtree) and the network with a
 * force-directed layout (d3-force: links, many-body repulsion, centring), computed once
 * per structure, with its iterations seeded so the same structure lays out the same.
 * Positions are in [0, 1] × [0, 1]. Browser-safe.
 */
import { forceCenter, forceLink, forceManyBody, forceSimulation, type SimulationNodeDatum } from 'd3-force';

/** Layered tree: depth gives the row; leaves are spaced evenly in depth-first order and a manager sits over their reports. */
export function treeLayout(managers: Int32Array): Float32Array {
  const n = managers.length;
  const children: number[][] = Array.from({ length: n }, () => []);
  const roots: number[] = [];
  managers.forEach((m, i) => (m < 0 ? roots.push(i) : children[m].push(i)));
  const depth = new Int32Array(n);
  const x = new Float64Array(n);
  let leaves = 0;
  let maxDepth = 0;
  // iterative post-order, so deep charts do not overflow the stack
  const stack: [number, number][] = roots.map((r) => [r, 0]);
  const order: number[] = [];
  while (stack.length > 0) {
    const [i, d] = stack.pop()!;
    depth[i] = d;
    maxDepth = Math.max(maxDepth, d);
    order.push(i);
    for (let c = children[i].length - 1; c >= 0; c--) stack.push([children[i][c], d + 1]);
  }
  for (const i of order) if (children[i].length === 0) x[i] = leaves++;
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k];
    if (children[i].length > 0) x[i] = (x[children[i][0]] + x[children[i][children[i].length - 1]]) / 2;
  }
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = leaves > 1 ? x[i] / (leaves - 1) : 0.5;
    out[2 * i + 1] = maxDepth > 0 ? depth[i] / maxDepth : 0.5;
  }
  return out;
}

/** Force-directed layout of `n` people tied by `ties` (flat pairs); fewer iterations for large networks. */
export function networkLayout(n: number, ties: Int32Array): Float32Array {
  // start on a circle in id order: rings and small worlds (ties between neighbouring ids) then unfold without crossings
  const radius = 4 * n;
  const nodes: SimulationNodeDatum[] = Array.from({ length: n }, (_, i) => ({ x: radius * Math.cos((2 * Math.PI * i) / n), y: radius * Math.sin((2 * Math.PI * i) / n) }));
  const links = Array.from({ length: ties.length / 2 }, (_, e) => ({ source: ties[2 * e], target: ties[2 * e + 1] }));
  let seed = 1;
  const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32); // jiggle for coincident nodes, seeded
  const simulation = forceSimulation(nodes)
    .randomSource(random)
    .force('link', forceLink(links).distance(20).strength(0.3))
    .force('charge', forceManyBody().strength(-30).theta(0.9))
    .force('center', forceCenter(0, 0))
    .stop();
  simulation.tick(n > 3000 ? 60 : n > 500 ? 150 : 300);
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const d of nodes) [minX, maxX, minY, maxY] = [Math.min(minX, d.x!), Math.max(maxX, d.x!), Math.min(minY, d.y!), Math.max(maxY, d.y!)];
  const span = Math.max(maxX - minX, maxY - minY, 1e-9);
  const out = new Float32Array(2 * n);
  nodes.forEach((d, i) => {
    out[2 * i] = 0.5 + (d.x! - (minX + maxX) / 2) / span;
    out[2 * i + 1] = 0.5 + (d.y! - (minY + maxY) / 2) / span;
  });
  return out;
}
