/**
 * The edges of a ring lattice (each node tied to the k/2 nearest on each side) while it
 * is rewired, as Watts–Strogatz and Lazer & Friedman's small-world networks do: a tie
 * is a lattice tie (circular distance at most k/2) not yet removed, or one added by a
 * rewiring. Only the changes are stored (in EdgeSets), so a million-person lattice of
 * degree 10 with 10% of its ties rewired holds about a million entries instead of five.
 */
import { EdgeSet } from './edge-set.ts';

export class LatticeEdgeSet {
  private readonly n: number;
  private readonly half: number;
  private readonly removed: EdgeSet;
  private readonly added: EdgeSet;

  constructor(n: number, k: number) {
    this.n = n;
    this.half = k / 2;
    this.removed = new EdgeSet(n);
    this.added = new EdgeSet(n);
  }

  has(u: number, v: number): boolean {
    return this.inLattice(u, v) ? !this.removed.has(u, v) : this.added.has(u, v);
  }

  add(u: number, v: number): void {
    if (this.inLattice(u, v)) this.removed.delete(u, v);
    else this.added.add(u, v);
  }

  delete(u: number, v: number): void {
    if (this.inLattice(u, v)) this.removed.add(u, v);
    else this.added.delete(u, v);
  }

  private inLattice(u: number, v: number): boolean {
    const d = u > v ? u - v : v - u;
    return u !== v && Math.min(d, this.n - d) <= this.half;
  }
}
