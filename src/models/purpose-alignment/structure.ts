/**
 * Builds the org chart and the ties. Every structure gets both, from streams that
 * leave out the structure, so the hierarchy and the network of one replicate put the
 * same people in the same positions with the same colleagues and lateral ties.
 */
import { join, isAbsolute } from 'node:path';
import { barabasiAlbertGraph, completeGraph, erdosRenyiGraph, latticeGraph, readEdgeList, ringGraph, wattsStrogatzGraph } from '../../model/graph/index.ts';
import { csrFromEdges, type CsrGraph } from '../../model/graph/csr.ts';
import { unionGraphs } from '../../model/graph/union.ts';
import { buildTree, type OrgTree } from '../../model/hierarchy/tree.ts';
import type { Rng } from '../../rng/index.ts';
import type { PurposeAlignmentParams } from './params.ts';
import type { Structure } from './state.ts';

export function buildStructure(p: PurposeAlignmentParams, rng: Rng, baseDir: string): Structure {
  const tree = buildTree(p.agents, p.span);
  const ties = unionGraphs(p.agents, [workGroups(tree), buildLateralGraph(p, rng, baseDir)]);
  return { tree, ties, chartRules: p.structure !== 'network', networkRules: p.structure !== 'hierarchy' };
}

function buildLateralGraph(p: PurposeAlignmentParams, rng: Rng, baseDir: string): CsrGraph {
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
      return readEdgeList(isAbsolute(p.edge_list) ? p.edge_list : join(baseDir, p.edge_list), n);
  }
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
