import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserInputError } from '../src/errors.ts';
import { edgeCount, hasEdge, readEdgeList } from '../src/model/graph/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'orgsim-edge-list-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCounter = 0;
function write(content: string): string {
  const path = join(dir, `edges-${++fileCounter}.csv`);
  writeFileSync(path, content);
  return path;
}

/** Reads and returns the UserInputError thrown, failing if none is. */
function errorOf(path: string, nodeCount: number): UserInputError {
  try {
    readEdgeList(path, nodeCount);
  } catch (e) {
    expect(e).toBeInstanceOf(UserInputError);
    return e as UserInputError;
  }
  throw new Error('expected readEdgeList to throw');
}

describe('readEdgeList: valid files', () => {
  it('parses header, comments, blank lines and whitespace into the right CSR', () => {
    const path = write(['source,target', '# a comment', '', '0,1', '  1 , 2  ', '   # indented comment', '3,0', ''].join('\n'));
    const g = readEdgeList(path, 5);
    expect(g.nodeCount).toBe(5);
    expect(Array.from(g.offsets)).toEqual([0, 2, 4, 5, 6, 6]);
    expect(Array.from(g.neighbors)).toEqual([1, 3, 0, 2, 1, 0]);
    expect(edgeCount(g)).toBe(3);
  });
  it('works without a header, with CRLF line ends and any header names', () => {
    expect(edgeCount(readEdgeList(write('0,1\r\n1,2\r\n'), 3))).toBe(2);
    const g = readEdgeList(write('from , to\n2,0\n'), 3);
    expect(hasEdge(g, 0, 2)).toBe(true);
  });
});

describe('readEdgeList: bad input', () => {
  it('missing file', () => {
    const path = join(dir, 'does-not-exist.csv');
    const e = errorOf(path, 5);
    expect(e.message).toContain('edge-list file not found');
    expect(e.message).toContain('does-not-exist.csv');
    expect(e.location.file).toBe(path);
  });

  it('empty file and file with no edges', () => {
    for (const content of ['', '\n\n', 'source,target\n# nothing\n']) {
      const path = write(content);
      const e = errorOf(path, 5);
      expect(e.message).toContain(path);
      expect(e.message).toMatch(/no edges.*expected lines "u,v"/);
    }
  });

  const cases: [string, string, number, number | undefined, RegExp][] = [
    ['wrong number of fields', 'a,b\n0,1\n1,2,3\n', 3, undefined, /expected 2 comma-separated values.*found 3/],
    ['space instead of comma', '0 1\n', 1, undefined, /found 1 \(values must be separated by a comma\)/],
    ['non-numeric id', '0,1\n1, x\n', 2, 4, /node id "x" is not a number: expected an integer node id from 0 to 4/],
    ['non-integer id', '0,1.5\n', 1, 3, /node id "1.5" is not an integer: expected an integer node id from 0 to 4/],
    ['missing id', '0,1\n2,\n', 2, 3, /missing node id: expected an integer node id from 0 to 4/],
    ['id too large', '0,1\n# c\n5,1\n', 3, 1, /node id 5 is out of range: expected an integer node id from 0 to 4.*scenario has 5 agents/],
    ['negative id', '0,-1\n', 1, 3, /node id -1 is out of range/],
    ['header in the middle', '0,1\nsource,target\n', 2, 1, /node id "source" is not a number/],
    ['self-loop', '0,1\n2,2\n', 2, undefined, /self-loop 2,2.*expected two different node ids/],
    ['duplicate edge (reversed)', 'u,v\n0,1\n1,2\n1,0\n', 4, undefined, /duplicate edge 1,0: this tie was already given on line 2.*expected each tie once/],
    ['duplicate edge (same direction)', '0,1\n0,1\n', 2, undefined, /duplicate edge 0,1.*line 1/],
  ];
  for (const [name, content, line, column, expected] of cases) {
    it(`${name}: reports file, line${column ? ', column' : ''} and what was expected`, () => {
      const path = write(content);
      const e = errorOf(path, 5);
      expect(e.location).toEqual(column === undefined ? { file: path, line } : { file: path, line, column });
      const place = column === undefined ? `${path}:${line}: ` : `${path}:${line}:${column}: `;
      expect(e.message.startsWith(place)).toBe(true);
      expect(e.message).toMatch(expected);
    });
  }
});
