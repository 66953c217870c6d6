/**
 * Reads a user-supplied network from a CSV edge list, one undirected tie per line:
 *
 *     source,target      <- optional header: two names that are not numbers
 *     # a comment        <- lines starting with '#' are skipped, as are blank lines
 *     0,1
 *     1, 2               <- whitespace around values is allowed
 *
 * Node ids are 0-based agent indices, so every id must lie in [0, nodeCount-1].
 * The file is rejected rather than silently repaired: a self-loop or a tie
 * given twice (in either direction) is an error, because it usually means the
 * file is not what the user thinks (wrong column, 1-based ids, a directed list).
 * Every problem is a UserInputError carrying file, line and, when one value is
 * at fault, the 1-based column where it starts, plus what was expected.
 * Agents that appear in no edge are simply isolated.
 */
import { readFileSync } from 'node:fs';
import { UserInputError } from '../../errors.ts';
import { csrFromEdges, type CsrGraph } from './csr.ts';

const INTEGER = /^[+-]?\d+$/;

/** Parses the edge list at `path` for a scenario with `nodeCount` agents. */
export function readEdgeList(path: string, nodeCount: number): CsrGraph {
  if (!Number.isInteger(nodeCount) || nodeCount < 1) {
    throw new UserInputError(`an edge-list network needs an integer number of agents >= 1, got ${nodeCount}`, { file: path });
  }
  const text = readText(path);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const edges: number[] = [];
  const firstSeenOn = new Map<number, number>(); // edge key -> line it first appeared on
  let sawContent = false;

  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index];
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;

    const fields = splitFields(raw);
    const isFirst = !sawContent;
    sawContent = true;
    if (fields.length !== 2) {
      const hint = fields.length === 1 && /\s/.test(fields[0].text) ? ' (values must be separated by a comma)' : '';
      throw new UserInputError(
        `expected 2 comma-separated values "source,target", found ${fields.length}${hint}`,
        { file: path, line },
      );
    }
    if (isFirst && fields.every((f) => f.text !== '' && !looksNumeric(f.text))) continue; // header

    const u = parseId(fields[0], path, line, nodeCount);
    const v = parseId(fields[1], path, line, nodeCount);
    if (u === v) {
      throw new UserInputError(
        `self-loop ${u},${v}: an agent cannot be tied to itself; expected two different node ids`,
        { file: path, line },
      );
    }
    const key = u < v ? u * nodeCount + v : v * nodeCount + u;
    const earlier = firstSeenOn.get(key);
    if (earlier !== undefined) {
      throw new UserInputError(
        `duplicate edge ${u},${v}: this tie was already given on line ${earlier} ` +
          `(ties are undirected, so "u,v" and "v,u" are the same); expected each tie once`,
        { file: path, line },
      );
    }
    firstSeenOn.set(key, line);
    edges.push(u, v);
  }

  if (edges.length === 0) {
    throw new UserInputError(
      'edge-list file has no edges: expected lines "u,v" of 0-based agent indices',
      { file: path },
    );
  }
  return csrFromEdges(nodeCount, edges);
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserInputError('edge-list file not found', { file: path });
    if (code === 'EISDIR') throw new UserInputError('edge-list path is a directory, expected a CSV file', { file: path });
    throw new UserInputError(`cannot read edge-list file (${code ?? String(e)})`, { file: path });
  }
}

interface Field {
  /** The value with surrounding whitespace removed. */
  text: string;
  /** 1-based column where the value starts (or where it would, if empty). */
  column: number;
}

function splitFields(raw: string): Field[] {
  const fields: Field[] = [];
  let start = 0;
  for (;;) {
    const comma = raw.indexOf(',', start);
    const part = raw.slice(start, comma < 0 ? raw.length : comma);
    const lead = part.length - part.trimStart().length;
    fields.push({ text: part.trim(), column: start + lead + 1 });
    if (comma < 0) return fields;
    start = comma + 1;
  }
}

function looksNumeric(text: string): boolean {
  return Number.isFinite(Number(text));
}

function parseId(field: Field, file: string, line: number, nodeCount: number): number {
  const where = { file, line, column: field.column };
  const range = `an integer node id from 0 to ${nodeCount - 1}`;
  if (field.text === '') throw new UserInputError(`missing node id: expected ${range}`, where);
  if (!INTEGER.test(field.text)) {
    const what = looksNumeric(field.text) ? 'is not an integer' : 'is not a number';
    throw new UserInputError(`node id "${field.text}" ${what}: expected ${range}`, where);
  }
  const id = Number(field.text);
  if (id < 0 || id >= nodeCount) {
    throw new UserInputError(
      `node id ${field.text} is out of range: expected ${range}, ` +
        `because the scenario has ${nodeCount} agents (ids are 0-based agent indices)`,
      where,
    );
  }
  return id;
}
