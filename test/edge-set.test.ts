/**
 * The edge sets used while rewiring graphs (EdgeSet, LatticeEdgeSet) agree with a
 * plain Set of normalised pairs under any sequence of additions, deletions and
 * lookups, including ones that make the table grow and reuse deleted slots.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EdgeSet } from '../src/model/graph/edge-set.ts';
import { LatticeEdgeSet } from '../src/model/graph/lattice-edge-set.ts';

type Op = { kind: 'add' | 'delete' | 'has'; u: number; v: number };

const ops = (n: number) =>
  fc.array(
    fc.record({ kind: fc.constantFrom<Op['kind']>('add', 'delete', 'has'), u: fc.integer({ min: 0, max: n - 1 }), v: fc.integer({ min: 0, max: n - 1 }) }),
    { maxLength: 400 },
  );

/** Replays the operations on `set` and on a reference Set, comparing every lookup and, at the end, every pair. */
function agrees(n: number, set: { add(u: number, v: number): void; delete(u: number, v: number): void; has(u: number, v: number): boolean }, reference: Set<string>, list: Op[]): void {
  const key = (u: number, v: number) => (u < v ? `${u},${v}` : `${v},${u}`);
  for (const { kind, u, v } of list) {
    if (u === v) continue;
    if (kind === 'add') {
      set.add(u, v);
      reference.add(key(u, v));
    } else if (kind === 'delete') {
      set.delete(u, v);
      reference.delete(key(u, v));
    } else expect(set.has(u, v)).toBe(reference.has(key(u, v)));
  }
  for (let u = 0; u < n; u++) for (let v = 0; v < n; v++) if (u !== v) expect(set.has(u, v)).toBe(reference.has(key(u, v)));
}

describe('EdgeSet', () => {
  it('behaves as a set of undirected pairs, through growth and deleted slots', () => {
    fc.assert(fc.property(ops(30), (list) => agrees(30, new EdgeSet(30), new Set(), list)));
  });

  it('holds keys past 2^32 (a million nodes) exactly', () => {
    const n = 1_000_000;
    const set = new EdgeSet(n);
    set.add(999_998, 999_999);
    set.add(5, 999_999);
    expect(set.has(999_999, 999_998)).toBe(true);
    expect(set.has(999_999, 5)).toBe(true);
    expect(set.has(999_999, 6)).toBe(false);
    set.delete(999_998, 999_999);
    expect(set.has(999_998, 999_999)).toBe(false);
  });
});

describe('LatticeEdgeSet', () => {
  it('starts as the ring lattice and follows any changes', () => {
    fc.assert(
      fc.property(fc.constantFrom(2, 4, 6), ops(20), (k, list) => {
        const n = 20;
        const reference = new Set<string>();
        for (let i = 0; i < n; i++) for (let j = 1; j <= k / 2; j++) {
          const w = (i + j) % n;
          reference.add(i < w ? `${i},${w}` : `${w},${i}`);
        }
        agrees(n, new LatticeEdgeSet(n, k), reference, list);
      }),
    );
  });
});
