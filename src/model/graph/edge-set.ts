/**
 * The set of undirected edges {u, v} of a graph being rewired, for the "is u already
 * tied to w?" test of Watts–Strogatz, small-world and degree-preserving rewiring.
 * Open addressing with linear probing over one Float64Array of keys u·n + v (u < v,
 * exact below 2^53); deleted slots are marked, reused by later additions and dropped
 * when the table grows. No allocation per edge, 16–32 bytes per edge. (A JS Set of
 * such keys boxes every key above 2^31 and took most of the 3.5 s of a million-person
 * Watts–Strogatz graph.)
 */
const EMPTY = -1;
const DELETED = -2;

export class EdgeSet {
  private readonly n: number;
  private keys: Float64Array;
  private mask: number;
  /** Slots not EMPTY (edges and deleted marks): the table doubles before they pass half. */
  private used = 0;

  /** An empty set for a graph of `n` nodes, sized for `capacity` edges (it grows beyond). */
  constructor(n: number, capacity = 0) {
    this.n = n;
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    this.keys = new Float64Array(size).fill(EMPTY);
    this.mask = size - 1;
  }

  /** The set of the edges in the flat pair list `edges` (u, v, u, v, …). */
  static of(n: number, edges: Int32Array): EdgeSet {
    const set = new EdgeSet(n, edges.length / 2);
    for (let e = 0; e < edges.length; e += 2) set.add(edges[e], edges[e + 1]);
    return set;
  }

  has(u: number, v: number): boolean {
    const key = this.key(u, v);
    for (let at = this.home(key); ; at = (at + 1) & this.mask) {
      const k = this.keys[at];
      if (k === key) return true;
      if (k === EMPTY) return false;
    }
  }

  /** Adds {u, v} (nothing when it is there). */
  add(u: number, v: number): void {
    this.insert(this.key(u, v));
  }

  /** Removes {u, v} (nothing when it is not there). */
  delete(u: number, v: number): void {
    const key = this.key(u, v);
    for (let at = this.home(key); ; at = (at + 1) & this.mask) {
      const k = this.keys[at];
      if (k === key) {
        this.keys[at] = DELETED;
        return;
      }
      if (k === EMPTY) return;
    }
  }

  private insert(key: number): void {
    let free = -1;
    for (let at = this.home(key); ; at = (at + 1) & this.mask) {
      const k = this.keys[at];
      if (k === key) return;
      if (k === DELETED && free < 0) free = at;
      if (k === EMPTY) {
        if (free >= 0) {
          this.keys[free] = key;
          return;
        }
        this.keys[at] = key;
        if (++this.used * 2 > this.keys.length) this.grow();
        return;
      }
    }
  }

  /** Doubles the table, keeping the edges and dropping the deleted marks. */
  private grow(): void {
    const old = this.keys;
    this.keys = new Float64Array(old.length * 2).fill(EMPTY);
    this.mask = this.keys.length - 1;
    this.used = 0;
    for (const k of old) if (k >= 0) this.insert(k);
  }

  private key(u: number, v: number): number {
    return u < v ? u * this.n + v : v * this.n + u;
  }

  /** The first slot probed for a key: its two 32-bit halves folded and mixed (Wellons' lowbias32), masked. */
  private home(key: number): number {
    let h = (key >>> 0) ^ Math.imul((key / 4294967296) >>> 0, 0x85ebca6b);
    h ^= h >>> 16;
    h = Math.imul(h, 0x7feb352d);
    h ^= h >>> 15;
    h = Math.imul(h, 0x846ca68b);
    h ^= h >>> 16;
    return h & this.mask;
  }
}
