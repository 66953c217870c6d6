/** Networks and org charts read from CSV text: the common forms accepted, every mistake refused with file, line and column. */
import { describe, expect, it } from 'vitest';
import { UserInputError } from '../src/errors.ts';
import { edgeCount, hasEdge, parseEdgeList } from '../src/model/graph/index.ts';
import { parseOrgChart } from '../src/model/hierarchy/org-chart.ts';
import type { IdBase } from '../src/model/input/id-base.ts';

const FILE = 'ties.csv';

function errorOf(f: () => unknown): UserInputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UserInputError);
    return e as UserInputError;
  }
  throw new Error('expected a UserInputError');
}

const edges = (text: string, n = 5, base: IdBase = 'auto') => parseEdgeList(text, FILE, n, base);

describe('edge lists: the forms people export', () => {
  it('a header, comments, blank lines and whitespace give the right CSR', () => {
    const g = edges(['source,target', '# a comment', '', '0,1', '  1 , 2  ', '   # indented comment', '3,0', ''].join('\n'));
    expect(Array.from(g.offsets)).toEqual([0, 2, 4, 5, 6, 6]);
    expect(Array.from(g.neighbors)).toEqual([1, 3, 0, 2, 1, 0]);
  });

  it('no header, CRLF line ends, a byte-order mark, a weight column', () => {
    expect(edgeCount(edges('\uFEFF0,1\r\n1,2\r\n', 3))).toBe(2);
    expect(edgeCount(edges('0,1,0.5\n1,2,2\n', 3))).toBe(2);
  });

  it("Gephi's export: Source,Target,Type,Id,Weight in any case, extra columns ignored", () => {
    const g = edges('Source,Target,Type,Id,Label,Weight\n1,2,Undirected,0,,1.0\n2,5,Undirected,1,,0.5\n');
    expect(hasEdge(g, 0, 1)).toBe(true); // 1-based, detected from the id 5 = agents
    expect(hasEdge(g, 1, 4)).toBe(true);
    expect(hasEdge(edges('FROM,TO\n2,0\n', 3), 0, 2)).toBe(true);
    expect(hasEdge(edges('weight,v,u\n1,0,2\n', 3), 0, 2)).toBe(true); // columns found by name, in any order
  });

  it('0- or 1-based ids: detected when the ids decide it, declared otherwise', () => {
    expect(hasEdge(edges('0,4\n'), 0, 4)).toBe(true);
    expect(hasEdge(edges('1,5\n'), 0, 4)).toBe(true);
    expect(hasEdge(edges('1,2\n', 5, 'one-based'), 0, 1)).toBe(true);
    expect(hasEdge(edges('1,2\n', 5, 'zero-based'), 1, 2)).toBe(true);
    expect(errorOf(() => edges('1,2\n3,4\n')).message).toBe(
      'ties.csv: the ids run from 1 to 4, which with 5 agents could count from 0 or from 1; say which with id_base: zero-based or id_base: one-based',
    );
  });
});

describe('edge lists: what spreadsheets and Gephi write', () => {
  it('quoted fields with commas and doubled quotes inside', () => {
    const g = edges(['Source,Target,Type,Id,Label,Weight', '0,1,Undirected,0,"Smith, J",1.0', '"1","2",Undirected,1,"say ""hi""",2'].join('\n'), 3);
    expect(edgeCount(g)).toBe(2);
    const chart = parseOrgChart(['name,id,manager_id', '"Doe, Jane",0,', '"Roe, Rick",1,0'].join('\n'), 'chart.csv', 2, 'auto');
    expect(Array.from(chart.parent)).toEqual([-1, 0]);
  });

  it('a header naming a column twice, and a UTF-16 file, are refused saying what to do', () => {
    expect(errorOf(() => edges('source,source,target\n0,1,2\n', 3)).message).toBe('ties.csv:1: the header names the column "source" twice; which one is meant?');
    const utf16 = '\uFEFFs\u0000o\u0000u\u0000r\u0000c\u0000e\u0000';
    expect(errorOf(() => edges(utf16)).message).toMatch(/^ties\.csv: is not UTF-8 text \(it looks like UTF-16.*save it as a UTF-8 CSV$/);
  });

  it('ids that could count from 0 or 1 are refused in one line however many there are', () => {
    const lines = Array.from({ length: 150_000 }, (_, i) => `${i + 1},${i + 2}`);
    expect(errorOf(() => edges(lines.join('\n'), 300_001)).message).toBe(
      'ties.csv: the ids run from 1 to 150001, which with 300001 agents could count from 0 or from 1; say which with id_base: zero-based or id_base: one-based',
    );
  });
});

describe('edge lists: mistakes, with file, line and column', () => {
  const cases: [string, string, { line?: number; column?: number }, RegExp][] = [
    ['too many values without a header', '0,1\n1,2,3,4\n', { line: 2 }, /expected "source,target" or "source,target,weight", found 4 values \(give a header naming the source and target columns to use more\)/],
    ['space instead of comma', '0 1\n', { line: 1 }, /found 1 value \(values must be separated by a comma\)/],
    ['a header without a target column', 'source,dest\n0,1\n', { line: 1 }, /the header \(source, dest\) names no target column: expected columns such as source,target/],
    ['non-numeric id', '0,1\n1, x\n', { line: 2, column: 4 }, /agent id "x" is not a number/],
    ['non-integer id', '0,1.5\n', { line: 1, column: 3 }, /agent id "1\.5" is not an integer/],
    ['missing id', '0,1\n2,\n', { line: 2 }, /missing agent id/],
    ['id too large', '0,1\n# c\n5,1\n', { line: 3, column: 1 }, /id 5 is out of range: with 5 agents, 0-based ids run from 0 to 4 \(detected from the file, which has an id 0\)/],
    ['negative id', '0,-1\n', { line: 1, column: 3 }, /id -1 is out of range/],
    ['a bad weight', 'source,target,weight\n0,1,-2\n', { line: 2, column: 5 }, /weight "-2" is not a number >= 0/],
    ['self-loop', '0,1\n2,2\n', { line: 2 }, /self-loop 2,2: an agent cannot be tied to itself/],
    ['duplicate tie (reversed)', 'u,v\n0,1\n1,2\n1,0\n', { line: 4 }, /duplicate tie 1,0: already given on line 2/],
  ];
  it.each(cases)('%s', (_, text, where, message) => {
    const e = errorOf(() => edges(text));
    expect(e.location).toMatchObject({ file: FILE, ...where });
    expect(e.message).toMatch(message);
  });

  it('a file with no ties', () => {
    for (const text of ['', '\n\n', 'source,target\n# nothing\n']) expect(errorOf(() => edges(text)).message).toMatch(/^ties\.csv: edge-list file has no ties/);
  });
});

const chart = (text: string, n: number, base: IdBase = 'auto') => parseOrgChart(text, 'chart.csv', n, base);

describe('org charts from a file (id,manager_id)', () => {
  it('builds the reporting tree: parents, depths, levels, span and reports in id order', () => {
    const t = chart('id,manager_id,name\n3,,Ada\n0,3,Bo\n1,3,Cy\n2,0,Di\n4,0,Ed\n', 5);
    expect(Array.from(t.parent)).toEqual([3, 3, 0, -1, 0]);
    expect(Array.from(t.depth)).toEqual([1, 1, 2, 0, 2]);
    expect([t.levels, t.span]).toEqual([3, 2]);
    expect(Array.from(t.children.offsets)).toEqual([0, 2, 2, 2, 4, 4]);
    expect(Array.from(t.children.neighbors)).toEqual([2, 4, 0, 1]);
  });

  it('1-based ids and other header names (Employee, Manager)', () => {
    const t = chart('Employee,Manager\n1,\n2,1\n3,1\n', 3);
    expect(Array.from(t.parent)).toEqual([-1, 0, 0]);
  });

  it.each([
    ['no header', '0,\n1,0\n', 2, /expected a header naming the columns id,manager_id \(found no header\)/],
    ['a size other than agents', 'id,manager_id\n0,\n1,0\n', 3, /the org chart lists 2 people but agents is 3; set agents: 2/],
    ['a person listed twice', 'id,manager_id\n0,\n1,0\n1,0\n', 3, /chart\.csv:4:1: id 1 is listed twice/],
    ['two people at the top', 'id,manager_id\n0,\n1,\n2,0\n', 3, /chart\.csv:3: id 1 has no manager, and neither has id 0/],
    ['no one at the top', 'id,manager_id\n0,1\n1,0\n', 2, /no one is at the top/],
    ['a reporting loop', 'id,manager_id\n0,\n1,2\n2,1\n', 3, /id 1 is in a reporting loop/],
    ['a manager out of range', 'id,manager_id\n0,\n1,7\n', 2, /chart\.csv:3:3: id 7 is out of range/],
  ])('refuses %s', (_, text, n, message) => {
    expect(errorOf(() => chart(text, n)).message).toMatch(message);
  });
});

describe('every sweep point’s input files are checked before a run', () => {
  it('a sweep of agents that one point’s edge list cannot take is refused at validation, not as a failed run', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { loadScenarioText } = await import('../src/scenario/index.ts');
    const { checkInputs } = await import('../src/experiment/index.ts');
    const dir = mkdtempSync(join(tmpdir(), 'orgsim-sweep-inputs-'));
    writeFileSync(join(dir, 'good.csv'), 'source,target\n0,1\n1,2\n');
    const text = ['name: s', 'model: purpose-alignment', 'ticks: 2', 'parameters: { topology: edge-list, edge_list: good.csv, levels: 0, span: 2 }', 'sweep: { agents: [6, 2] }', ''].join('\n');
    const scenario = await loadScenarioText(text, join(dir, 's.yaml'), dir);
    expect(() => checkInputs(scenario)).toThrow(/good\.csv:3:3: id 2 is out of range: with 2 agents/);
  });
});

describe('org charts written by R and pandas', () => {
  it('NA for the top person is refused saying to leave it empty', () => {
    expect(() => parseOrgChart('id,manager_id\n0,NA\n1,0\n', 'chart.csv', 2, 'auto')).toThrow(
      'chart.csv:2:3: manager_id "NA": leave it empty for the person at the top (write.csv(..., na = "") in R, na_rep="" in pandas)',
    );
  });
});
