/**
 * Random d-regular network: every agent has exactly d ties, placed at random. Built as
 * networkx's `double_edge_swap` randomises a graph while keeping every degree: start
 * from a circulant d-regular graph (each node tied to the d/2 nearest on each side, and
 * for odd d also to the node opposite), then make `swapsPerEdge` × edges successful
 * double-edge swaps: pick two ties (u, v) and (x, y) at random and replace them by
 * (u, x) and (v, y) unless that makes a self-loop or a repeated tie (the attempt is then
 * redrawn). Degree-preserving rewiring of this kind is how Barkoczi & Galesic (2016,
 * after Mason & Watts 2012) built their networks; with enough swaps the graph is close
 * to uniform among d-regular graphs: short paths and little clustering (an "efficient"
 * network).
 *
 * Draws from `rng` per attempt: two tie indices and one orientation coin.
 *
 * Above degree (n − 1)/2 the graph is the complement of a random (n − 1 − d)-regular
 * graph (also uniform when that one is): near the complete graph almost every swap would
 * make a repeated tie, and degree 98 of 100 agents took about a minute that way.
 */
import { UserInputError } from '../../errors.ts';
import { randomInt, type Rng } from '../../rng/index.ts';
import { csrFromEdges, type CsrGraph } from './csr.ts';
import { EdgeSet } from './edge-set.ts';

/** Successful swaps per tie by default (networkx's examples use about 10). */
const SWAPS_PER_EDGE = 10;

/**
 * A random d-regular graph on n nodes: 1 <= d < n, n·d even (throws a UserInputError
 * otherwise); n·d/2 ties.
 */
export function randomRegularGraph(n: number, d: number, rng: Rng, swapsPerEdge = SWAPS_PER_EDGE): CsrGraph {
  if (!Number.isInteger(n) || n < 2) throw new UserInputError(`a random regular network needs an integer number of agents >= 2, got ${n}`);
  if (!Number.isInteger(d) || d < 1 || d >= n) throw new UserInputError(`a random regular network needs a degree d with 1 <= d < agents (${n}), got ${d}`);
  if ((n * d) % 2 !== 0) throw new UserInputError(`a random regular network of odd degree ${d} needs an even number of agents, got ${n}`);
  if (d > (n - 1) / 2) return complement(n, n - 1 - d === 0 ? new Int32Array(0) : swapped(n, n - 1 - d, rng, swapsPerEdge));
  return csrFromEdges(n, swapped(n, d, rng, swapsPerEdge));
}

/** Flat pairs of a random d-regular graph (1 <= d < n − 1): the circulant graph after `swapsPerEdge` successful swaps per tie. */
function swapped(n: number, d: number, rng: Rng, swapsPerEdge: number): Int32Array {
  const edges = circulantEdges(n, d);
  const m = edges.length / 2;
  // a perfect matching of 2 nodes cannot be swapped
  if (m < 2) return edges;
  const tied = EdgeSet.of(n, edges);
  for (let done = 0; done < swapsPerEdge * m; ) {
    const a = randomInt(rng, m);
    const b = randomInt(rng, m);
    const flip = rng() < 0.5;
    if (a === b) continue;
    const u = edges[2 * a];
    const v = edges[2 * a + 1];
    const x = flip ? edges[2 * b + 1] : edges[2 * b];
    const y = flip ? edges[2 * b] : edges[2 * b + 1];
    if (u === x || v === y || tied.has(u, x) || tied.has(v, y)) continue;
    tied.delete(u, v);
    tied.delete(x, y);
    tied.add(u, x);
    tied.add(v, y);
    edges[2 * a + 1] = x;
    edges[2 * b] = v;
    edges[2 * b + 1] = y;
    done++;
  }
  return edges;
}

/** The graph on n nodes tied exactly where the flat pairs `edges` are not. */
function complement(n: number, edges: Int32Array): CsrGraph {
  const tied = new Uint8Array(n * n);
  for (let e = 0; e < edges.length; e += 2) {
    tied[edges[e] * n + edges[e + 1]] = 1;
    tied[edges[e + 1] * n + edges[e]] = 1;
  }
  const pairs: number[] = [];
  for (let u = 0; u < n; u++) for (let v = u + 1; v < n; v++) if (!tied[u * n + v]) pairs.push(u, v);
  return csrFromEdges(n, Int32Array.from(pairs));
}

/** Flat pairs of the circulant d-regular graph: i tied to i + 1 … i + ⌊d/2⌋, and for odd d to i + n/2. */
function circulantEdges(n: number, d: number): Int32Array {
  const half = Math.floor(d / 2);
  const pairs: number[] = [];
  for (let j = 1; j <= half; j++) for (let i = 0; i < n; i++) pairs.push(i, (i + j) % n);
  if (d % 2 === 1) for (let i = 0; i < n / 2; i++) pairs.push(i, i + n / 2);
  return Int32Array.from(pairs);
}
