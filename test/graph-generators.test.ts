import { describe, expect, it } from 'vitest';
import { createRng } from '../src/rng/index.ts';
import {
  averageClustering,
  averagePathLength,
  barabasiAlbertEdgeCount,
  barabasiAlbertGraph,
  completeGraph,
  degreeOf,
  edgeCount,
  erdosRenyiGraph,
  hasEdge,
  isConnected,
  latticeGraph,
  latticeShape,
  maxDegree,
  meanDegree,
  ringGraph,
  ringLatticeGraph,
  ringLatticeWithRewirings,
  wattsStrogatzGraph,
  type CsrGraph,
} from '../src/model/graph/index.ts';
import { UserInputError } from '../src/errors.ts';

/** Checks the CSR invariants: sorted rows, no self-loops or duplicates, symmetric. Returns the first violation. */
function simpleUndirectedViolation(g: CsrGraph): string | undefined {
  for (let u = 0; u < g.nodeCount; u++) {
    for (let a = g.offsets[u]; a < g.offsets[u + 1]; a++) {
      const v = g.neighbors[a];
      if (v === u) return `self-loop at ${u}`;
      if (a > g.offsets[u] && v <= g.neighbors[a - 1]) return `row ${u} unsorted or duplicated`;
      if (!hasEdge(g, v, u)) return `edge ${u}-${v} not symmetric`;
    }
  }
  return undefined;
}

function expectSimpleUndirected(g: CsrGraph): void {
  expect(simpleUndirectedViolation(g)).toBeUndefined();
}

function degrees(g: CsrGraph): number[] {
  return Array.from({ length: g.nodeCount }, (_, i) => degreeOf(g, i));
}

function sameGraph(a: CsrGraph, b: CsrGraph): boolean {
  return (
    a.nodeCount === b.nodeCount &&
    a.offsets.length === b.offsets.length &&
    a.offsets.every((x, i) => x === b.offsets[i]) &&
    a.neighbors.length === b.neighbors.length &&
    a.neighbors.every((x, i) => x === b.neighbors[i])
  );
}

describe('ringGraph', () => {
  it('ties each node to its two ring neighbours', () => {
    const g = ringGraph(10);
    expectSimpleUndirected(g);
    expect(edgeCount(g)).toBe(10);
    expect(degrees(g).every((d) => d === 2)).toBe(true);
    expect(hasEdge(g, 0, 9)).toBe(true);
    expect(hasEdge(g, 4, 5)).toBe(true);
    expect(hasEdge(g, 0, 2)).toBe(false);
    expect(isConnected(g)).toBe(true);
  });
  it('is a triangle at n = 3 and rejects n < 3', () => {
    expect(edgeCount(ringGraph(3))).toBe(3);
    expect(() => ringGraph(2)).toThrow(UserInputError);
  });
});

describe('completeGraph', () => {
  it('has n(n-1)/2 edges and degree n-1', () => {
    const g = completeGraph(12);
    expectSimpleUndirected(g);
    expect(edgeCount(g)).toBe(66);
    expect(degrees(g).every((d) => d === 11)).toBe(true);
    expect(averageClustering(g)).toBe(1);
  });
  it('has no edges on a single node', () => {
    expect(edgeCount(completeGraph(1))).toBe(0);
  });
});

describe('latticeGraph', () => {
  it('is a degree-4 torus with the squarest shape', () => {
    expect(latticeShape(100)).toEqual({ rows: 10, cols: 10 });
    expect(latticeShape(60)).toEqual({ rows: 6, cols: 10 });
    const g = latticeGraph(60);
    expectSimpleUndirected(g);
    expect(edgeCount(g)).toBe(120);
    expect(degrees(g).every((d) => d === 4)).toBe(true);
    // node 0 at (0,0): right 1, left 9, down 10, up 50 (wraps)
    expect(Array.from(g.neighbors.subarray(g.offsets[0], g.offsets[1]))).toEqual([1, 9, 10, 50]);
    // a square lattice has no triangles
    expect(averageClustering(g)).toBe(0);
  });
  it('falls back to the degree-4 ring lattice when rows < 3', () => {
    for (const n of [13, 22, 8]) {
      expect(latticeShape(n).rows).toBe(1);
      const g = latticeGraph(n);
      expectSimpleUndirected(g);
      expect(edgeCount(g)).toBe(2 * n);
      expect(degrees(g).every((d) => d === 4)).toBe(true);
      expect(sameGraph(g, ringLatticeGraph(n, 4))).toBe(true);
    }
    expect(() => latticeGraph(4)).toThrow(UserInputError);
  });
});

describe('ringLatticeWithRewirings', () => {
  it('with 0 rewirings is the ring lattice', () => {
    expect(sameGraph(ringLatticeWithRewirings(20, 2, 0, createRng(1)), ringGraph(20))).toBe(true);
  });
  it('keeps the edge count and moves edges away from the lattice', () => {
    const n = 100;
    const g = ringLatticeWithRewirings(n, 2, 10, createRng(7));
    expectSimpleUndirected(g);
    expect(edgeCount(g)).toBe(n);
    let offLattice = 0;
    for (let u = 0; u < n; u++) {
      for (let a = g.offsets[u]; a < g.offsets[u + 1]; a++) {
        const v = g.neighbors[a];
        if (u < v && v - u !== 1 && v - u !== n - 1) offLattice++;
      }
    }
    // each rewiring creates at most one off-lattice edge; with 10 on 100 edges nearly all do
    expect(offLattice).toBeGreaterThanOrEqual(7);
    expect(offLattice).toBeLessThanOrEqual(10);
    // shortcuts shorten paths relative to the ring (mean distance ~ n/4 = 25.25)
    if (isConnected(g)) expect(averagePathLength(g)).toBeLessThan(averagePathLength(ringGraph(n)));
  });
  it('rejects bad arguments', () => {
    expect(() => ringLatticeWithRewirings(10, 3, 1, createRng(1))).toThrow(UserInputError);
    expect(() => ringLatticeWithRewirings(10, 2, -1, createRng(1))).toThrow(UserInputError);
    expect(() => ringLatticeWithRewirings(5, 4, 1, createRng(1))).toThrow(/already complete/);
  });
});

describe('wattsStrogatzGraph', () => {
  it('at p = 0 is the ring lattice with clustering 3(k-2)/(4(k-1))', () => {
    for (const [n, k] of [[100, 6], [50, 4], [200, 10]] as const) {
      const g = wattsStrogatzGraph(n, k, 0, createRng(3));
      expectSimpleUndirected(g);
      expect(edgeCount(g)).toBe((n * k) / 2);
      expect(degrees(g).every((d) => d === k)).toBe(true);
      expect(averageClustering(g)).toBeCloseTo((3 * (k - 2)) / (4 * (k - 1)), 12);
    }
    expect(averageClustering(wattsStrogatzGraph(100, 6, 0, createRng(3)))).toBeCloseTo(0.6, 12);
  });
  it('at p > 0 keeps n·k/2 edges and mean degree k, and clustering falls with p', () => {
    const n = 500;
    const k = 6;
    const clustering: number[] = [];
    for (const p of [0, 0.01, 0.1, 1]) {
      const g = wattsStrogatzGraph(n, k, p, createRng(11));
      expectSimpleUndirected(g);
      expect(edgeCount(g)).toBe((n * k) / 2);
      expect(meanDegree(g)).toBe(k);
      clustering.push(averageClustering(g));
    }
    expect(clustering[1]).toBeLessThan(clustering[0]);
    expect(clustering[2]).toBeLessThan(clustering[1]);
    // p = 1 is essentially random: clustering near k/n = 0.012, far below the lattice's 0.6
    expect(clustering[3]).toBeLessThan(0.05);
  });
  it('is a small world at p = 0.1: paths short, clustering still high', () => {
    const lattice = wattsStrogatzGraph(400, 6, 0, createRng(5));
    const sw = wattsStrogatzGraph(400, 6, 0.1, createRng(5));
    expect(averagePathLength(sw)).toBeLessThan(averagePathLength(lattice) / 3);
    expect(averageClustering(sw)).toBeGreaterThan(0.3);
  });
  it('at p > 0 every node keeps at least k/2 edges', () => {
    const g = wattsStrogatzGraph(300, 8, 1, createRng(2));
    expect(Math.min(...degrees(g))).toBeGreaterThanOrEqual(4);
  });
  it('rejects odd k, k >= n and p outside [0, 1]', () => {
    expect(() => wattsStrogatzGraph(10, 3, 0.1, createRng(1))).toThrow(UserInputError);
    expect(() => wattsStrogatzGraph(10, 10, 0.1, createRng(1))).toThrow(UserInputError);
    expect(() => wattsStrogatzGraph(10, 4, 1.5, createRng(1))).toThrow(UserInputError);
    expect(() => wattsStrogatzGraph(10, 4, Number.NaN, createRng(1))).toThrow(UserInputError);
  });
});

describe('barabasiAlbertGraph', () => {
  it('has exactly m(n-m) + m(m-1)/2 edges, min degree m, and hubs', () => {
    for (const [n, m] of [[2000, 3], [500, 1], [300, 5], [6, 5]] as const) {
      const g = barabasiAlbertGraph(n, m, createRng(n + m));
      expectSimpleUndirected(g);
      expect(edgeCount(g)).toBe(m * (n - m) + (m * (m - 1)) / 2);
      expect(barabasiAlbertEdgeCount(n, m)).toBe(edgeCount(g));
      expect(Math.min(...degrees(g))).toBe(m);
      expect(isConnected(g)).toBe(true);
    }
    const g = barabasiAlbertGraph(2000, 3, createRng(9));
    expect(maxDegree(g)).toBeGreaterThan(5 * meanDegree(g));
  });
  it('attaches preferentially: early nodes end with higher degree', () => {
    const g = barabasiAlbertGraph(3000, 2, createRng(4));
    let early = 0;
    let late = 0;
    for (let i = 0; i < 50; i++) early += degreeOf(g, i);
    for (let i = 2950; i < 3000; i++) late += degreeOf(g, i);
    expect(early).toBeGreaterThan(10 * late); // ~15× expected; uniform attachment gives ~6×
  });
  it('rejects m < 1 and n <= m', () => {
    expect(() => barabasiAlbertGraph(10, 0, createRng(1))).toThrow(UserInputError);
    expect(() => barabasiAlbertGraph(3, 3, createRng(1))).toThrow(UserInputError);
  });
});

describe('erdosRenyiGraph', () => {
  it('has mean degree p(n-1) on average over seeds', () => {
    const n = 400;
    const p = 0.02;
    let sum = 0;
    for (let s = 0; s < 20; s++) {
      const g = erdosRenyiGraph(n, p, createRng(`er-${s}`));
      expectSimpleUndirected(g);
      sum += meanDegree(g);
    }
    // expected 7.98; the standard error of the 20-seed mean is about 0.045
    expect(sum / 20).toBeGreaterThan(7.98 - 0.25);
    expect(sum / 20).toBeLessThan(7.98 + 0.25);
  });
  it('ties every pair with probability p (exact G(n,p), no skipping bias)', () => {
    const n = 5;
    const p = 0.3;
    const trials = 20000;
    const counts = new Map<string, number>();
    const rng = createRng('er-pairs');
    for (let t = 0; t < trials; t++) {
      const g = erdosRenyiGraph(n, p, rng);
      for (let u = 0; u < n; u++) {
        for (let v = u + 1; v < n; v++) if (hasEdge(g, u, v)) counts.set(`${u},${v}`, (counts.get(`${u},${v}`) ?? 0) + 1);
      }
    }
    expect(counts.size).toBe(10);
    // sd of each frequency is sqrt(0.21 / 20000) ≈ 0.0032; allow 5 sd
    for (const c of counts.values()) expect(Math.abs(c / trials - p)).toBeLessThan(0.017);
  });
  it('gives no edges at p = 0 and the complete graph at p = 1', () => {
    expect(edgeCount(erdosRenyiGraph(50, 0, createRng(1)))).toBe(0);
    expect(edgeCount(erdosRenyiGraph(50, 1, createRng(1)))).toBe(1225);
    expect(() => erdosRenyiGraph(50, -0.1, createRng(1))).toThrow(UserInputError);
  });
  it('a p below the resolution of 1 - p (1e-17, 5e-324) ends at once, with the exact, almost surely empty, G(n, p)', () => {
    for (const p of [1e-17, 5e-324]) expect(edgeCount(erdosRenyiGraph(10_000, p, createRng(1)))).toBe(0);
  });
});

describe('determinism', () => {
  const generators: [string, (seed: number) => CsrGraph][] = [
    ['watts-strogatz', (s) => wattsStrogatzGraph(200, 6, 0.2, createRng(s))],
    ['rewired ring', (s) => ringLatticeWithRewirings(200, 2, 20, createRng(s))],
    ['barabasi-albert', (s) => barabasiAlbertGraph(200, 3, createRng(s))],
    ['erdos-renyi', (s) => erdosRenyiGraph(200, 0.05, createRng(s))],
  ];
  for (const [name, make] of generators) {
    it(`${name}: same seed, same graph; different seed, different graph`, () => {
      expect(sameGraph(make(42), make(42))).toBe(true);
      expect(sameGraph(make(42), make(43))).toBe(false);
    });
  }
});

describe('chain (open line)', () => {
  it('n - 1 ties, end degrees 1, mean path length (n + 1) / 3, connected; fewer than 2 agents refused', async () => {
    const { chainGraph, averagePathLength, isConnected, edgeCount, degreeOf } = await import('../src/model/graph/index.ts');
    const g = chainGraph(10);
    expect(edgeCount(g)).toBe(9);
    expect([degreeOf(g, 0), degreeOf(g, 5), degreeOf(g, 9)]).toEqual([1, 2, 1]);
    expect(isConnected(g)).toBe(true);
    expect(averagePathLength(g)).toBeCloseTo(11 / 3, 12);
    expect(() => chainGraph(1)).toThrow('a chain network needs an integer number of agents >= 2, got 1');
  });

  it('is the network nk-network-search runs with network: chain (the ring without its closing tie)', async () => {
    const { findModel } = await import('../src/models/index.ts');
    const { defaultParams } = await import('../src/model/params.ts');
    const { runStreams, simulate } = await import('../src/experiment/index.ts');
    const model = findModel('nk-network-search')!;
    const ties = (network: string) => simulate(model, { ...defaultParams(model.parameters), network }, runStreams(3, 1, 3), 2, { networks: 'end' }).networks[0].relations[0].pairs;
    expect(ties('chain').length / 2).toBe(99);
    expect(ties('linear').length / 2).toBe(100);
  });
});

describe('hub-and-spoke (star)', () => {
  it('n - 1 ties all at agent 0, mean path length 2(n - 1)/n, the network nk-network-search runs with network: hub-and-spoke', async () => {
    const { starGraph, averagePathLength, edgeCount, degreeOf } = await import('../src/model/graph/index.ts');
    const g = starGraph(10);
    expect(edgeCount(g)).toBe(9);
    expect([degreeOf(g, 0), degreeOf(g, 1), degreeOf(g, 9)]).toEqual([9, 1, 1]);
    expect(averagePathLength(g)).toBeCloseTo((2 * 9) / 10, 12); // 1 to or from the hub, 2 between spokes
    expect(() => starGraph(1)).toThrow('a hub-and-spoke network needs an integer number of agents >= 2, got 1');
    const { findModel } = await import('../src/models/index.ts');
    const { defaultParams } = await import('../src/model/params.ts');
    const { runStreams, simulate } = await import('../src/experiment/index.ts');
    const model = findModel('nk-network-search')!;
    const out = simulate(model, { ...defaultParams(model.parameters), network: 'hub-and-spoke' }, runStreams(3, 1, 3), 5, { networks: 'end', agents: 'end' });
    expect(out.networks[0].relations[0].pairs.length / 2).toBe(99);
    expect(out.agents!.variable('degree')[0]).toBe(99);
  });
});

describe('connected caveman', () => {
  it('matches networkx’s connected_caveman_graph: ties, degrees, path length and clustering', async () => {
    const { connectedCavemanGraph, averageClustering, degreeOf, isConnected } = await import('../src/model/graph/index.ts');
    // networkx 3: connected_caveman_graph(4, 5) has 40 edges, degrees {3, 4, 5},
    // average_shortest_path_length 2.863157894736842, average_clustering 0.7333333333333334
    const g = connectedCavemanGraph(4, 5);
    expect(edgeCount(g)).toBe(40);
    expect([degreeOf(g, 0), degreeOf(g, 1), degreeOf(g, 2), degreeOf(g, 4)]).toEqual([4, 3, 4, 5]);
    expect(isConnected(g)).toBe(true);
    expect(averagePathLength(g)).toBeCloseTo(2.863157894736842, 12);
    expect(averageClustering(g)).toBeCloseTo(0.7333333333333334, 12);
    expect(averagePathLength(connectedCavemanGraph(20, 5))).toBeCloseTo(10.892929292929294, 12);
    expect(averagePathLength(connectedCavemanGraph(2, 3))).toBeCloseTo(1.8666666666666667, 12);
  });

  it('refuses caves of fewer than 3 agents and fewer than 2 caves', async () => {
    const { connectedCavemanGraph } = await import('../src/model/graph/index.ts');
    expect(() => connectedCavemanGraph(5, 2)).toThrow('a caveman network needs caves of at least 3 agents (a cave of 2 would lose its only tie to the bridge), got 2');
    expect(() => connectedCavemanGraph(1, 5)).toThrow('a caveman network needs at least 2 caves, got 1');
  });

  it('is the network nk-network-search runs with network: caveman, and cave_size must divide agents', async () => {
    const { connectedCavemanGraph } = await import('../src/model/graph/index.ts');
    const { findModel } = await import('../src/models/index.ts');
    const { defaultParams } = await import('../src/model/params.ts');
    const { runStreams, simulate } = await import('../src/experiment/index.ts');
    const model = findModel('nk-network-search')!;
    const params = { ...defaultParams(model.parameters), network: 'caveman', cave_size: 10 };
    const out = simulate(model, params, runStreams(3, 1, 3), 2, { networks: 'end' });
    expect(out.networks[0].relations[0].pairs.length / 2).toBe(10 * 45);
    expect(out.runMetric('mean_path_length')).toBeCloseTo(averagePathLength(connectedCavemanGraph(10, 10)), 12);
    expect(model.check!({ ...params, cave_size: 7 })).toEqual([{ key: 'cave_size', message: 'must divide agents (100) so every cave is full, got 7' }]);
    expect(model.check!({ ...params, cave_size: 100 })).toEqual([{ key: 'cave_size', message: 'must leave at least 2 caves of the 100 agents, got 100' }]);
  });
});

describe('require_connected (random and small-world networks redrawn until connected)', () => {
  it('drawConnected returns the first connected draw, from the same stream, so the seed fixes it', async () => {
    const { drawConnected, erdosRenyiGraph, isConnected } = await import('../src/model/graph/index.ts');
    const rngA = createRng('connected-1');
    const rngB = createRng('connected-1');
    const g = drawConnected(() => erdosRenyiGraph(100, 0.04, rngA), 'test');
    expect(isConnected(g)).toBe(true);
    // the same sequence by hand: draw until connected
    let h = erdosRenyiGraph(100, 0.04, rngB);
    let draws = 1;
    while (!isConnected(h)) {
      h = erdosRenyiGraph(100, 0.04, rngB);
      draws++;
    }
    expect(draws).toBeGreaterThan(1); // at p = 0.04 most draws are disconnected, so the redraw mattered
    expect(g.neighbors).toEqual(h.neighbors);
  });

  it('gives up after MAX_CONNECTED_DRAWS with a message that says what to change', async () => {
    const { drawConnected, erdosRenyiGraph, MAX_CONNECTED_DRAWS } = await import('../src/model/graph/index.ts');
    const rng = createRng('never');
    let calls = 0;
    const draw = () => {
      calls++;
      return erdosRenyiGraph(10, 0, rng);
    };
    expect(() => drawConnected(draw, 'a random network of 10 agents at density 0')).toThrow(
      `require_connected: none of ${MAX_CONNECTED_DRAWS} draws of a random network of 10 agents at density 0 was connected; make the network denser, or set require_connected: false to use the graphs as drawn`,
    );
    expect(calls).toBe(MAX_CONNECTED_DRAWS);
  });

  it('the connectedness estimate is close to the share of connected G(100, p) draws', async () => {
    const { erdosRenyiConnectedChance, erdosRenyiGraph, isConnected } = await import('../src/model/graph/index.ts');
    const rng = createRng('chance');
    for (const p of [0.04, 0.05, 0.07]) {
      let connected = 0;
      const draws = 2_000;
      for (let i = 0; i < draws; i++) if (isConnected(erdosRenyiGraph(100, p, rng))) connected++;
      const expected = erdosRenyiConnectedChance(100, p);
      const se = Math.sqrt((expected * (1 - expected)) / draws);
      expect(Math.abs(connected / draws - expected)).toBeLessThan(4 * se + 0.03);
    }
  });

  it('nk-network-search: every random and small-world graph is connected with require_connected, and hopeless densities are refused before a run', async () => {
    const { findModel } = await import('../src/models/index.ts');
    const { defaultParams } = await import('../src/model/params.ts');
    const { runStreams, simulate } = await import('../src/experiment/index.ts');
    const { csrFromEdges, isConnected } = await import('../src/model/graph/index.ts');
    const model = findModel('nk-network-search')!;
    const base = defaultParams(model.parameters);
    const graphOf = (params: Record<string, unknown>, replicate: number) => {
      const out = simulate(model, { ...base, ...params }, runStreams(5, replicate, 5), 0, { networks: 'end' });
      return csrFromEdges(100, out.networks[0].relations[0].pairs);
    };
    let disconnectedWithout = 0;
    for (let r = 1; r <= 10; r++) {
      for (const params of [{ network: 'random', density: 0.03 }, { network: 'small-world', lattice_degree: 2, rewirings: 20 }]) {
        expect(isConnected(graphOf({ ...params, require_connected: true }, r))).toBe(true);
        if (!isConnected(graphOf(params, r))) disconnectedWithout++;
      }
    }
    expect(disconnectedWithout).toBeGreaterThan(10); // without it most of these graphs fall apart
    expect(model.check!({ ...base, network: 'random', density: 0.02, require_connected: true })).toEqual([
      { key: 'density', message: 'with require_connected, a random network of 100 agents at density 0.02 is connected in about 1 in 750,000 draws, too rarely for 10,000 redraws; use density >= 0.028 or set require_connected: false' },
    ]);
    expect(model.check!({ ...base, network: 'random', density: 0.02 })).toEqual([]);
    // a rewired ring lattice has no closed form: trial draws at validation refuse the hopeless ones
    expect(model.check!({ ...base, network: 'small-world', lattice_degree: 2, rewirings: 60, require_connected: true })).toEqual([
      { key: 'rewirings', message: 'with require_connected, fewer than 2 of 1,000 trial draws of a ring lattice of degree 2 on 100 agents with 60 rewirings were connected, so 10,000 redraws in a run could well all fail; use fewer rewirings or a larger lattice_degree, or set require_connected: false' },
    ]);
    // few agents: the Erdős–Rényi formula is far too hopeful there (0.2% at n = 10, p = 0.052; about 0.008% in truth), so trial draws decide
    expect(model.check!({ ...base, agents: 10, network: 'random', density: 0.052, require_connected: true })).toEqual([
      { key: 'density', message: 'with require_connected, fewer than 2 of 1,000 trial draws of a random network of 10 agents at density 0.052 were connected, so 10,000 redraws in a run could well all fail; use a higher density, or set require_connected: false' },
    ]);
    expect(model.check!({ ...base, agents: 10, network: 'random', density: 0.5, require_connected: true })).toEqual([]);
    expect(model.check!({ ...base, network: 'small-world', lattice_degree: 2, rewirings: 20, require_connected: true })).toEqual([]);
    expect(model.check!({ ...base, network: 'small-world', lattice_degree: 2, rewirings: 60 })).toEqual([]);
  });
});
