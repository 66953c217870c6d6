/**
 * 2-D lattice network: agents on a rows × cols grid wrapped into a torus, each
 * tied to its four von Neumann neighbours (up, down, left, right), so every
 * degree is 4 and there are 2n edges. Agent i sits at row floor(i / cols),
 * column i % cols.
 *
 * Shape: rows is the largest divisor of n that is <= sqrt(n), cols = n / rows,
 * so the grid is as square as n allows (n = 100 → 10 × 10, n = 60 → 6 × 10).
 *
 * Fallback: a torus needs rows >= 3 (and hence cols >= 3) for the four
 * neighbours to be distinct: with 2 rows "up" and "down" are the same agent,
 * with 1 row they are the agent itself. When rows < 3 (n prime, n = 2p, n < 9)
 * we use the 1-D analogue instead, the circulant ring lattice in which each
 * agent is tied to the 2 nearest agents on each side (i±1, i±2). It keeps
 * every degree at 4 and the edge count at 2n, so comparisons across network
 * types at equal density stay fair; it only differs from the grid in having
 * longer paths and more triangles. `latticeShape` reports which was used.
 */
import { UserInputError } from '../../errors.ts';
import { csrFromEdges, type CsrGraph } from './csr.ts';

/** The grid a lattice of n agents uses; rows = 1 means the ring-lattice fallback (cols = n). */
export function latticeShape(n: number): { rows: number; cols: number } {
  let rows = Math.floor(Math.sqrt(n));
  while (rows > 1 && n % rows !== 0) rows--;
  if (rows < 3) return { rows: 1, cols: n };
  return { rows, cols: n / rows };
}

/** The degree-4 torus lattice on n >= 5 nodes (ring-lattice fallback described above). */
export function latticeGraph(n: number): CsrGraph {
  if (!Number.isInteger(n) || n < 5) {
    throw new UserInputError(`a lattice network needs an integer number of agents >= 5 (degree 4), got ${n}`);
  }
  const { rows, cols } = latticeShape(n);
  const edges = new Int32Array(4 * n);
  let e = 0;
  if (rows === 1) {
    for (let i = 0; i < n; i++) {
      edges[e++] = i;
      edges[e++] = (i + 1) % n;
      edges[e++] = i;
      edges[e++] = (i + 2) % n;
    }
  } else {
    // each node adds the edge to its right and the edge below; together these cover every edge once
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const i = r * cols + c;
        edges[e++] = i;
        edges[e++] = r * cols + ((c + 1) % cols);
        edges[e++] = i;
        edges[e++] = ((r + 1) % rows) * cols + c;
      }
    }
  }
  return csrFromEdges(n, edges);
}
