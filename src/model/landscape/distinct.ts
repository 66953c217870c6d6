/**
 * Counting distinct solutions (a population's diversity) without allocating: an
 * open-addressing hash set over reused typed arrays, cleared by bumping a stamp
 * rather than by filling. For the NK search models' `unique_solutions`.
 */

/** A reusable counter of distinct 32-bit values among at most `capacity` values. */
export class DistinctCounter {
  private readonly keys: Uint32Array;
  private readonly stamps: Int32Array;
  private readonly shift: number;
  private stamp = 0;

  constructor(capacity: number) {
    // a power of two at least twice the values, so probes stay short
    const size = 2 ** Math.max(1, Math.ceil(Math.log2(2 * capacity)));
    this.keys = new Uint32Array(size);
    this.stamps = new Int32Array(size);
    this.shift = 32 - Math.log2(size); // hash from the multiplier's high bits (Fibonacci hashing)
  }

  /** Number of distinct values among values[0 .. count) (count <= capacity). */
  count(values: Uint32Array, count = values.length): number {
    const { keys, stamps, shift } = this;
    const stamp = ++this.stamp;
    const mask = keys.length - 1;
    let distinct = 0;
    for (let i = 0; i < count; i++) {
      const x = values[i];
      let h = Math.imul(x, 0x9e3779b1) >>> shift;
      while (stamps[h] === stamp && keys[h] !== x) h = (h + 1) & mask;
      if (stamps[h] !== stamp) {
        stamps[h] = stamp;
        keys[h] = x;
        distinct++;
      }
    }
    return distinct;
  }
}
