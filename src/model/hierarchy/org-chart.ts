/**
 * An org chart from a real organisation: a CSV of `id,manager_id` (a header naming
 * the two columns in any case; also `employee,manager` or `id,parent`; extra columns
 * ignored), one row per person, the one person at the top with an empty manager_id.
 * Ids count from 0 or 1 as in edge lists (`id_base`) and are the agent indices every
 * other input and output uses. Refused with file, line and column: a person listed
 * twice, a manager who is not listed, no top or several, and reporting loops.
 */
import { UserInputError } from '../../errors.ts';
import { columnOf, integerField, readCsvTable } from '../input/csv-table.ts';
import { resolveIdBase, type IdBase, type PlacedId } from '../input/id-base.ts';
import type { OrgTree } from './tree.ts';

const ID_NAMES = ['id', 'employee', 'employee_id', 'person'];
const MANAGER_NAMES = ['manager_id', 'manager', 'parent', 'parent_id', 'reports_to'];

/** The org chart in `text` (named `file` in messages), which must list exactly `agents` people. */
export function parseOrgChart(text: string, file: string, agents: number, idBase: IdBase = 'auto'): OrgTree {
  const table = readCsvTable(text, file);
  const [idColumn, managerColumn] = [columnOf(table.header, ID_NAMES), columnOf(table.header, MANAGER_NAMES)];
  if (idColumn < 0 || managerColumn < 0) {
    throw new UserInputError(`expected a header naming the columns id,manager_id (found ${table.header ? table.header.join(', ') : 'no header'})`, { file, line: 1 });
  }
  if (table.rows.length !== agents) {
    throw new UserInputError(`the org chart lists ${table.rows.length} people but agents is ${agents}; set agents: ${table.rows.length}`, { file });
  }
  const people: PlacedId[] = [];
  const managers: (PlacedId | null)[] = [];
  for (const row of table.rows) {
    const line = row[0].line;
    people.push({ id: integerField(row[idColumn], file, 'id', { line }), line, column: row[idColumn].column });
    const m = row[managerColumn];
    if (m !== undefined && /^(na|null|none|nan)$/i.test(m.text)) {
      // R's write.csv writes NA, pandas may write NaN or None: the person at the top has no manager, written as nothing
      throw new UserInputError(`manager_id "${m.text}": leave it empty for the person at the top (write.csv(..., na = "") in R, na_rep="" in pandas)`, { file, line, column: m.column });
    }
    managers.push(m === undefined || m.text === '' ? null : { id: integerField(m, file, 'manager_id', { line }), line, column: m.column });
  }
  const base = resolveIdBase([...people, ...managers.filter((m): m is PlacedId => m !== null)], agents, idBase, file);

  const parent = new Int32Array(agents).fill(-2); // -2: not listed yet
  let root = -1;
  people.forEach((p, r) => {
    const i = p.id - base;
    if (parent[i] !== -2) throw new UserInputError(`id ${p.id} is listed twice; each person has one row`, { file, line: p.line, column: p.column });
    const m = managers[r];
    if (m === null) {
      if (root >= 0) throw new UserInputError(`id ${p.id} has no manager, and neither has id ${root + base}: an org chart has one person at the top`, { file, line: p.line });
      root = i;
    }
    parent[i] = m === null ? -1 : m.id - base;
    if (parent[i] === i) throw new UserInputError(`id ${p.id} is their own manager`, { file, line: p.line });
  });
  if (root < 0) throw new UserInputError('no one is at the top: exactly one person must have an empty manager_id', { file });
  return treeFromParents(parent, root, file, base);
}

/** The OrgTree of a parent array (-1 at the root), with depths, levels, span and the reports of each person; loops are refused. */
function treeFromParents(parent: Int32Array, root: number, file: string, base: number): OrgTree {
  const n = parent.length;
  const counts = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) if (parent[i] >= 0) counts[parent[i] + 1]++;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + counts[i + 1];
  const fill = offsets.slice(0, n);
  const neighbors = new Int32Array(n - 1);
  for (let i = 0; i < n; i++) if (parent[i] >= 0) neighbors[fill[parent[i]]++] = i; // ascending: i increases

  // depths by a walk down from the root; anyone not reached sits in a reporting loop
  const depth = new Int32Array(n).fill(-1);
  depth[root] = 0;
  const queue = [root];
  for (let q = 0; q < queue.length; q++) {
    const m = queue[q];
    for (let a = offsets[m]; a < offsets[m + 1]; a++) {
      depth[neighbors[a]] = depth[m] + 1;
      queue.push(neighbors[a]);
    }
  }
  const lost = depth.indexOf(-1);
  if (lost >= 0) throw new UserInputError(`id ${lost + base} is in a reporting loop: following its managers never reaches the top`, { file });
  let span = 0;
  let levels = 0;
  for (let i = 0; i < n; i++) {
    span = Math.max(span, offsets[i + 1] - offsets[i]);
    levels = Math.max(levels, depth[i] + 1);
  }
  return { agentCount: n, span, parent, depth, levels, children: { offsets, neighbors } };
}
