import { describe, expect, it } from 'vitest';
import {
  averageClustering,
  averagePathLength,
  completeGraph,
  csrFromEdges,
  globalClustering,
  isConnected,
  maxDegree,
  meanDegree,
  ringGraph,
  triangleCounts,
} from '../src/model/graph/index.ts';

// a triangle 0-1-2 with a pendant node 3 hanging off node 2
const triangleWithPendant = csrFromEdges(4, [0, 1, 1, 2, 0, 2, 2, 3]);

describe('graph statistics', () => {
  it('mean and max degree', () => {
    expect(meanDegree(triangleWithPendant)).toBe(2);
    expect(maxDegree(triangleWithPendant)).toBe(3);
    expect(meanDegree(csrFromEdges(0, []))).toBe(0);
  });

  it('counts triangles per node', () => {
    expect(Array.from(triangleCounts(triangleWithPendant))).toEqual([1, 1, 1, 0]);
    expect(Array.from(triangleCounts(completeGraph(5)))).toEqual([6, 6, 6, 6, 6]);
  });

  it('transitivity of the triangle with a pendant is 3/5', () => {
    // 1 triangle; triples: 1 + 1 + 3 + 0 = 5
    expect(globalClustering(triangleWithPendant)).toBeCloseTo(3 / 5, 15);
  });

  it('average clustering of the triangle with a pendant is (1 + 1 + 1/3 + 0)/4', () => {
    expect(averageClustering(triangleWithPendant)).toBeCloseTo((1 + 1 + 1 / 3 + 0) / 4, 15);
  });

  it('transitivity and average clustering differ on a star with one closed pair', () => {
    // star centre 0 with leaves 1..4, plus the edge 1-2
    const g = csrFromEdges(5, [0, 1, 0, 2, 0, 3, 0, 4, 1, 2]);
    // triples: centre 6, nodes 1 and 2 one each -> 8; one triangle -> 3/8
    expect(globalClustering(g)).toBeCloseTo(3 / 8, 15);
    // local: centre 1/6, nodes 1 and 2 -> 1, leaves 3 and 4 -> 0
    expect(averageClustering(g)).toBeCloseTo((1 / 6 + 1 + 1) / 5, 15);
  });

  it('clustering is 0 without two-paths', () => {
    const g = csrFromEdges(4, [0, 1, 2, 3]);
    expect(globalClustering(g)).toBe(0);
    expect(averageClustering(g)).toBe(0);
  });

  it('connectivity', () => {
    expect(isConnected(triangleWithPendant)).toBe(true);
    expect(isConnected(csrFromEdges(4, [0, 1, 2, 3]))).toBe(false);
    expect(isConnected(csrFromEdges(3, [0, 1]))).toBe(false);
    expect(isConnected(csrFromEdges(1, []))).toBe(true);
  });

  it('average path length', () => {
    // pairs: 0-1 1, 0-2 1, 0-3 2, 1-2 1, 1-3 2, 2-3 1 -> 8 / 6
    expect(averagePathLength(triangleWithPendant)).toBeCloseTo(8 / 6, 15);
    expect(averagePathLength(completeGraph(6))).toBe(1);
    // ring of 10: distances from a node 1,1,2,2,3,3,4,4,5 -> 25 / 9
    expect(averagePathLength(ringGraph(10))).toBeCloseTo(25 / 9, 15);
    expect(averagePathLength(csrFromEdges(4, [0, 1, 2, 3]))).toBe(Infinity);
  });
});

describe('reachablePathLength (igraph’s unconnected = TRUE mean distance)', () => {
  it('averages over the pairs that can reach each other, and equals averagePathLength when connected', async () => {
    const { reachablePathLength, averagePathLength, csrFromEdges, ringGraph } = await import('../src/model/graph/index.ts');
    // a path 0-1-2 (ordered distances 1,1,2 twice: mean 4/3), a tie 3-4 (1, twice), an isolate 5
    const g = csrFromEdges(6, [0, 1, 1, 2, 3, 4]);
    expect(reachablePathLength(g)).toBeCloseTo((2 * (1 + 1 + 2) + 2 * 1) / 8, 12);
    expect(reachablePathLength(csrFromEdges(3, []))).toBeNaN();
    const ring = ringGraph(11);
    expect(reachablePathLength(ring)).toBeCloseTo(averagePathLength(ring), 12);
    // from a subset of sources: sources 0 and 3 (⌊i·6/2⌋), 2 reached pairs each... 0 reaches 1 (1) and 2 (2); 3 reaches 4 (1)
    expect(reachablePathLength(g, 2)).toBeCloseTo((1 + 2 + 1) / 3, 12);
  });
});
