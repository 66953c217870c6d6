/**
 * A network from a CSV edge list, one undirected tie per row, in the forms people
 * export (Gephi, igraph, networkx, spreadsheets):
 *
 *     Source,Target,Type,Id,Weight   <- optional header; names in any case; extra columns ignored
 *     # a comment                    <- lines starting with '#' are skipped, as are blank lines
 *     1,2,Undirected,0,0.5
 *
 * With a header, the ties are in the columns named source/from/u and target/to/v, and an
 * optional weight column must hold numbers >= 0 (read and checked; the models' ties are
 * unweighted). Without a header, rows are `source,target` or `source,target,weight`.
 * Ids count from 0 or from 1 (`id_base`, detected when the ids decide it; see id-base.ts).
 *
 * The file is refused rather than silently repaired: a self-loop or a tie given twice
 * (in either direction) is an error, because it usually means the file is not what the
 * user thinks (wrong columns, a directed list). Every problem is a UserInputError with
 * file, line and, where one value is at fault, column. Agents in no tie are isolated.
 */
import { UserInputError } from '../../errors.ts';
import { columnOf, integerField, readCsvTable, type CsvField } from '../input/csv-table.ts';
import { resolveIdBase, type IdBase, type PlacedId } from '../input/id-base.ts';
import { csrFromEdges, type CsrGraph } from './csr.ts';

const SOURCE_NAMES = ['source', 'from', 'u', 'node1'];
const TARGET_NAMES = ['target', 'to', 'v', 'node2'];
const WEIGHT_NAMES = ['weight', 'w'];

/** The ties of edge-list `text` (named `file` in messages) among `nodeCount` agents. */
export function parseEdgeList(text: string, file: string, nodeCount: number, idBase: IdBase = 'auto'): CsrGraph {
  if (!Number.isInteger(nodeCount) || nodeCount < 1) {
    throw new UserInputError(`an edge-list network needs an integer number of agents >= 1, got ${nodeCount}`, { file });
  }
  const table = readCsvTable(text, file);
  const [s, t, w] = edgeColumns(table.header, file);
  const ends: PlacedId[] = [];
  for (const row of table.rows) {
    const line = row[0].line;
    if (!table.header && (row.length < 2 || row.length > 3)) {
      const hint = row.length === 1 && /\s/.test(row[0].text) ? ' (values must be separated by a comma)' : row.length > 3 ? ' (give a header naming the source and target columns to use more)' : '';
      throw new UserInputError(`expected "source,target" or "source,target,weight", found ${row.length} value${row.length === 1 ? '' : 's'}${hint}`, { file, line });
    }
    for (const c of [s, t]) ends.push(placed(row[c], file, line));
    if (w >= 0 && row[w] !== undefined) checkWeight(row[w], file);
  }
  if (ends.length === 0) throw new UserInputError('edge-list file has no ties: expected rows "source,target" of agent ids', { file });

  const base = resolveIdBase(ends, nodeCount, idBase, file);
  const edges: number[] = [];
  const firstSeenOn = new Map<number, number>();
  for (let e = 0; e < ends.length; e += 2) {
    const [a, b] = [ends[e], ends[e + 1]];
    const [u, v] = [a.id - base, b.id - base];
    if (u === v) throw new UserInputError(`self-loop ${a.id},${b.id}: an agent cannot be tied to itself`, { file, line: a.line });
    const key = u < v ? u * nodeCount + v : v * nodeCount + u;
    const earlier = firstSeenOn.get(key);
    if (earlier !== undefined) {
      throw new UserInputError(
        `duplicate tie ${a.id},${b.id}: already given on line ${earlier} (ties are undirected, so "u,v" and "v,u" are the same); give each tie once`,
        { file, line: a.line },
      );
    }
    firstSeenOn.set(key, a.line);
    edges.push(u, v);
  }
  return csrFromEdges(nodeCount, edges);
}

/** Columns of source, target and weight (-1: none). */
function edgeColumns(header: string[] | null, file: string): [number, number, number] {
  if (!header) return [0, 1, 2];
  const [s, t] = [columnOf(header, SOURCE_NAMES), columnOf(header, TARGET_NAMES)];
  if (s < 0 || t < 0) {
    throw new UserInputError(
      `the header (${header.join(', ')}) names no ${s < 0 ? 'source' : 'target'} column: expected columns such as source,target (Gephi's Source,Target; or from,to)`,
      { file, line: 1 },
    );
  }
  return [s, t, columnOf(header, WEIGHT_NAMES)];
}

function placed(field: CsvField | undefined, file: string, line: number): PlacedId {
  const id = integerField(field, file, 'agent id', { line });
  return { id, line, column: field!.column };
}

function checkWeight(field: CsvField, file: string): void {
  const x = Number(field.text);
  if (field.text === '' || !Number.isFinite(x) || x < 0) {
    throw new UserInputError(`weight "${field.text}" is not a number >= 0`, { file, line: field.line, column: field.column });
  }
}
