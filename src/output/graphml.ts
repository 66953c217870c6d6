/**
 * One network snapshot as GraphML (Brandes et al., "GraphML progress report", Graph
 * Drawing 2001; http://graphml.graphdrawing.org/), in the subset networkx, igraph and
 * Gephi all read: one graph, no mixed edges (networkx refuses them), typed `<key>`s.
 *
 * Nodes are the agents (ids "0" … "n−1", as agent_id in agents.csv) with the agent
 * variables as attributes (integers typed `long`). Every relation becomes a boolean edge
 * attribute named after it, written on every edge, so one edge per pair carries all relations between the two
 * (no parallel edges: networkx reads a simple Graph or DiGraph), plus the relation's
 * weight where it declares one. The graph is directed when any relation is; an
 * undirected relation is then written as two arcs. Graph attributes name the run and
 * the tick. Values use orgsim's number format; a NaN value is left out (missing).
 */
import type { MetricSpec, NetworkSnapshot, RelationSpec } from '../model/plugin.ts';
import { escapeHtml } from './escape.ts';
import { formatNumber } from './format.ts';

export interface GraphRun {
  runId: number;
  condition: string;
  pointId: number;
  replicate: number;
}

export function graphml(run: GraphRun, snapshot: NetworkSnapshot, variables: readonly MetricSpec[], relations: readonly RelationSpec[]): string {
  const directed = relations.some((r) => r.directed);
  const n = snapshot.agentCount;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="run_id" for="graph" attr.name="run_id" attr.type="int"/>',
    '  <key id="condition" for="graph" attr.name="condition" attr.type="string"/>',
    '  <key id="point_id" for="graph" attr.name="point_id" attr.type="int"/>',
    '  <key id="replicate" for="graph" attr.name="replicate" attr.type="int"/>',
    '  <key id="tick" for="graph" attr.name="tick" attr.type="int"/>',
    ...variables.map((v, k) => `  <key id="v${k}" for="node" attr.name="${escapeHtml(v.name)}" attr.type="${v.integer ? 'long' : 'double'}"/>`),
    ...relations.map((r, k) => `  <key id="r${k}" for="edge" attr.name="${escapeHtml(r.name)}" attr.type="boolean"><default>false</default></key>`),
    ...relations.flatMap((r, k) => (r.weight ? [`  <key id="w${k}" for="edge" attr.name="${escapeHtml(r.weight.name)}" attr.type="double"/>`] : [])),
    `  <graph id="run${run.runId}_tick${snapshot.tick}" edgedefault="${directed ? 'directed' : 'undirected'}">`,
    `    <data key="run_id">${run.runId}</data>`,
    `    <data key="condition">${escapeHtml(run.condition)}</data>`,
    `    <data key="point_id">${run.pointId}</data>`,
    `    <data key="replicate">${run.replicate}</data>`,
    `    <data key="tick">${snapshot.tick}</data>`,
  ];
  const width = variables.length;
  for (let i = 0; i < n; i++) {
    const data = variables.map((_, k) => dataCell(`v${k}`, snapshot.agents[i * width + k])).join('');
    out.push(data === '' ? `    <node id="${i}"/>` : `    <node id="${i}">${data}</node>`);
  }
  for (const { source, target, data } of edges(snapshot, relations, directed, n)) {
    out.push(`    <edge source="${source}" target="${target}">${data}</edge>`);
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

/** The edges in (source, target) order, each pair once with the data of every relation it carries. */
function* edges(snapshot: NetworkSnapshot, relations: readonly RelationSpec[], directed: boolean, n: number) {
  // per pair: whether each relation holds, and its weight
  const byPair = new Map<number, { holds: boolean[]; weights: (number | undefined)[] }>();
  const add = (source: number, target: number, k: number, weight: number | undefined) => {
    const key = source * n + target;
    let cells = byPair.get(key);
    if (cells === undefined) byPair.set(key, (cells = { holds: relations.map(() => false), weights: relations.map(() => undefined) }));
    cells.holds[k] = true;
    cells.weights[k] = weight;
  };
  snapshot.relations.forEach(({ pairs, weights }, k) => {
    for (let e = 0; e < pairs.length; e += 2) {
      const [u, v] = [pairs[e], pairs[e + 1]];
      const w = weights?.[e / 2];
      if (directed || u < v) add(u, v, k, w);
      else add(v, u, k, w);
      if (directed && !relations[k].directed) add(v, u, k, w);
    }
  });
  for (const key of [...byPair.keys()].sort((a, b) => a - b)) {
    const { holds, weights } = byPair.get(key)!;
    // every relation written, false included: networkx does not apply a key's <default> to edges
    const data = holds.map((h, k) => `<data key="r${k}">${h}</data>${weights[k] === undefined ? '' : dataCell(`w${k}`, weights[k]!)}`).join('');
    yield { source: Math.floor(key / n), target: key % n, data };
  }
}

function dataCell(key: string, value: number): string {
  return Number.isNaN(value) ? '' : `<data key="${key}">${formatNumber(value)}</data>`;
}
