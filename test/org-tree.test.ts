import { describe, expect, it } from 'vitest';
import { UserInputError } from '../src/errors.ts';
import { edgeCount, hasEdge, isConnected } from '../src/model/graph/index.ts';
import { buildTree, chainOfCommand, fullTreeSize, treeAsGraph } from '../src/model/hierarchy/tree.ts';

describe('buildTree', () => {
  it('builds the breadth-first tree for 21 agents with span 4', () => {
    const t = buildTree(21, 4);
    expect(t.agentCount).toBe(21);
    expect(t.span).toBe(4);
    expect(t.levels).toBe(3);
    expect(Array.from(t.parent)).toEqual([-1, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4]);
    expect(Array.from(t.depth)).toEqual([0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
    const reports = (p: number) => Array.from(t.children.neighbors.subarray(t.children.offsets[p], t.children.offsets[p + 1]));
    expect(reports(0)).toEqual([1, 2, 3, 4]);
    expect(reports(2)).toEqual([9, 10, 11, 12]);
    expect(reports(4)).toEqual([17, 18, 19, 20]);
    for (let p = 5; p < 21; p++) expect(reports(p)).toEqual([]);
    expect(t.children.offsets.length).toBe(22);
  });

  it('fills the last level from the left when the tree is not full', () => {
    const t = buildTree(8, 3); // 1 + 3 + 4
    expect(t.levels).toBe(3);
    expect(Array.from(t.parent)).toEqual([-1, 0, 0, 0, 1, 1, 1, 2]);
    const reports = (p: number) => Array.from(t.children.neighbors.subarray(t.children.offsets[p], t.children.offsets[p + 1]));
    expect(reports(1)).toEqual([4, 5, 6]);
    expect(reports(2)).toEqual([7]);
    expect(reports(3)).toEqual([]);
    // children and parent agree for every agent
    for (let p = 0; p < 8; p++) for (const c of reports(p)) expect(t.parent[c]).toBe(p);
  });

  it('handles span 1 (a chain) and a lone agent', () => {
    const chain = buildTree(5, 1);
    expect(chain.levels).toBe(5);
    expect(Array.from(chain.parent)).toEqual([-1, 0, 1, 2, 3]);
    const lone = buildTree(1, 4);
    expect(lone.levels).toBe(1);
    expect(Array.from(lone.children.offsets)).toEqual([0, 0]);
  });

  it('rejects bad sizes', () => {
    expect(() => buildTree(0, 4)).toThrow(UserInputError);
    expect(() => buildTree(10, 0)).toThrow(UserInputError);
    expect(() => buildTree(10, 2.5)).toThrow(UserInputError);
  });
});

describe('fullTreeSize', () => {
  it('is (span^levels - 1)/(span - 1), or levels for span 1', () => {
    expect(fullTreeSize(4, 3)).toBe(21);
    expect(fullTreeSize(2, 10)).toBe(1023);
    expect(fullTreeSize(5, 1)).toBe(1);
    expect(fullTreeSize(1, 7)).toBe(7);
    expect(fullTreeSize(3, 0)).toBe(0);
  });
  it('matches buildTree: a full tree of L levels has exactly L levels', () => {
    expect(buildTree(fullTreeSize(3, 4), 3).levels).toBe(4);
    expect(buildTree(fullTreeSize(3, 4) + 1, 3).levels).toBe(5);
  });
});

describe('chainOfCommand', () => {
  const t = buildTree(21, 4);
  it('lists a leaf’s supervisors nearest first', () => {
    const out = new Int32Array(8).fill(99);
    expect(chainOfCommand(t, 14, 8, out)).toBe(2);
    expect(Array.from(out.subarray(0, 2))).toEqual([3, 0]);
    expect(out[2]).toBe(99); // nothing written past the count
  });
  it('stops at maxLevels and at the size of out', () => {
    const out = new Int32Array(8);
    expect(chainOfCommand(t, 14, 1, out)).toBe(1);
    expect(out[0]).toBe(3);
    const deep = buildTree(10, 1);
    const small = new Int32Array(3);
    expect(chainOfCommand(deep, 9, 100, small)).toBe(3);
    expect(Array.from(small)).toEqual([8, 7, 6]);
  });
  it('is empty for the root', () => {
    expect(chainOfCommand(t, 0, 5, new Int32Array(5))).toBe(0);
  });
});

describe('treeAsGraph', () => {
  it('turns reporting lines into agentCount - 1 undirected edges', () => {
    const t = buildTree(21, 4);
    const g = treeAsGraph(t);
    expect(g.nodeCount).toBe(21);
    expect(edgeCount(g)).toBe(20);
    expect(isConnected(g)).toBe(true);
    for (let i = 1; i < 21; i++) {
      expect(hasEdge(g, i, t.parent[i])).toBe(true);
      expect(hasEdge(g, t.parent[i], i)).toBe(true);
    }
    expect(hasEdge(g, 1, 2)).toBe(false);
  });
});
