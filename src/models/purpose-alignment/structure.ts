/**
 * Builds the org chart and the ties. Every structure gets both, from streams that
 * leave out the structure, so the hierarchy and the network of one replicate put the
 * same people in the same positions with the same colleagues and lateral ties.
 */
import { barabasiAlbertGraph, completeGraph, erdosRenyiGraph, latticeGraph, parseEdgeList, ringGraph, wattsStrogatzGraph } from '../../model/graph/index.ts';
import { csrFromEdges, type CsrGraph } from '../../model/graph/csr.ts';
import { unionGraphs } from '../../model/graph/union.ts';
import { parseOrgChart } from '../../model/hierarchy/org-chart.ts';
import { buildTree, type OrgTree } from '../../model/hierarchy/tree.ts';
import type { RunContext } from '../../model/plugin.ts';
import type { Rng } from '../../rng/index.ts';
import type { PurposeAlignmentParams } from './params.ts';
import type { Structure } from './state.ts';

export function buildStructure(p: PurposeAlignmentParams, rng: Rng, context: RunContext): Structure {
  const tree = p.org_chart === '' ? buildTree(p.agents, p.span) : readInput(context, p.org_chart, (text, file) => parseOrgChart(text, file, p.agents, p.id_base));
  const ties = unionGraphs(p.agents, [workGroups(tree), buildLateralGraph(p, rng, context)]);
  return { tree, ties, chartRules: p.structure !== 'network', networkRules: p.structure !== 'hierarchy' };
}

function buildLateralGraph(p: PurposeAlignmentParams, rng: Rng, context: RunContext): CsrGraph {
  const n = p.agents;
  switch (p.topology) {
    case 'watts-strogatz':
      return wattsStrogatzGraph(n, p.degree, p.rewiring, rng);
    case 'barabasi-albert':
      return barabasiAlbertGraph(n, p.degree / 2, rng);
    case 'erdos-renyi':
      return erdosRenyiGraph(n, Math.min(1, p.degree / (n - 1)), rng);
    case 'complete':
      return completeGraph(n);
    case 'ring':
      return ringGraph(n);
    case 'lattice':
      return latticeGraph(n);
    case 'edge-list':
      return readInput(context, p.edge_list, (text, file) => parseEdgeList(text, file, n, p.id_base));
  }
}

/** Reads the org chart and edge list these parameters name, as buildStructure does (see `Model.checkInputs`). */
export function checkStructureInputs(p: PurposeAlignmentParams, context: RunContext): void {
  if (p.org_chart !== '') readInput(context, p.org_chart, (text, file) => parseOrgChart(text, file, p.agents, p.id_base));
  if (p.topology === 'edge-list') readInput(context, p.edge_list, (text, file) => parseEdgeList(text, file, p.agents, p.id_base));
}

/** What the input files are read with: the files, the number of agents and the id base. */
export function structureInputKey(p: PurposeAlignmentParams): string {
  return JSON.stringify([p.org_chart, p.topology === 'edge-list' ? p.edge_list : '', p.agents, p.id_base]);
}

function readInput<T>(context: RunContext, path: string, parse: (text: string, file: string) => T): T {
  const { text, file } = context.readInput(path);
  return parse(text, file);
}

/** Reporting lines plus ties among colleagues who share a manager. */
function workGroups(tree: OrgTree): CsrGraph {
  const edges: number[] = [];
  const { offsets, neighbors } = tree.children;
  for (let m = 0; m < tree.agentCount; m++) {
    for (let a = offsets[m]; a < offsets[m + 1]; a++) {
      edges.push(m, neighbors[a]);
      for (let b = a + 1; b < offsets[m + 1]; b++) edges.push(neighbors[a], neighbors[b]);
    }
  }
  return csrFromEdges(tree.agentCount, edges);
}
