/** Builds the org chart, the lateral ties and the tie set that trust lives on. */
import { join, isAbsolute } from 'node:path';
import { barabasiAlbertGraph, completeGraph, erdosRenyiGraph, latticeGraph, readEdgeList, ringGraph, wattsStrogatzGraph } from '../../model/graph/index.ts';
import { csrFromEdges, type CsrGraph } from '../../model/graph/csr.ts';
import { unionGraphs } from '../../model/graph/union.ts';
import { buildTree, type OrgTree } from '../../model/hierarchy/tree.ts';
import type { Rng } from '../../rng/index.ts';
import type { PurposeAlignmentParams } from './params.ts';
import type { Structure } from './state.ts';

export function buildStructure(p: PurposeAlignmentParams, rng: Rng, baseDir: string): Structure {
  const n = p.agents;
  const tree = p.structure === 'network' ? null : buildTree(n, p.span);
  const lateral = p.structure === 'hierarchy' ? null : buildLateralGraph(p, rng, baseDir);
  const parts: CsrGraph[] = [];
  if (tree) parts.push(workGroups(tree));
  if (lateral) parts.push(lateral);
  return { tree, lateral, ties: parts.length === 1 ? parts[0] : unionGraphs(n, parts) };
}

function buildLateralGraph(p: PurposeAlignmentParams, rng: Rng, baseDir: string): CsrGraph {
  const n = p.agents;
  switch (p.topology) {
    case 'watts-strogatz':
      return wattsStrogatzGraph(n, p.degree - (p.degree % 2), p.rewiring, rng);
    case 'barabasi-albert':
      return barabasiAlbertGraph(n, Math.max(1, Math.round(p.degree / 2)), rng);
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
