/** Network structures: CSR storage, generators, the edge-list reader and statistics. */
export { csrFromEdges, degreeOf, edgeCount, hasEdge, type CsrGraph } from './csr.ts';
export { ringGraph } from './ring.ts';
export { chainGraph } from './chain.ts';
export { starGraph } from './star.ts';
export { cavemanGraph, connectedCavemanGraph } from './caveman.ts';
export { randomRegularGraph } from './random-regular.ts';
export { drawConnected, erdosRenyiConnectedChance, MAX_CONNECTED_DRAWS } from './connected.ts';
export { completeGraph } from './complete.ts';
export { latticeGraph, latticeShape } from './lattice.ts';
export { ringLatticeGraph, ringLatticeWithRewirings } from './ring-lattice.ts';
export { wattsStrogatzGraph } from './watts-strogatz.ts';
export { barabasiAlbertGraph, barabasiAlbertEdgeCount } from './barabasi-albert.ts';
export { erdosRenyiGraph } from './erdos-renyi.ts';
export { parseEdgeList } from './edge-list.ts';
export {
  meanDegree,
  maxDegree,
  triangleCounts,
  globalClustering,
  averageClustering,
  isConnected,
  averagePathLength,
  reachablePathLength,
} from './statistics.ts';
