/**
 * Reading a scenario file and parsing it (YAML, or JSON, which is YAML too) into a
 * small tree of located values: every mapping key and every value knows its line
 * and column, so later checks can point at the exact place in the file.
 */
import { readFile, stat } from 'node:fs/promises';
import {
  LineCounter,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type YAMLError,
} from 'yaml';
import { UserInputError } from '../errors.ts';

/** 1-based line and column. */
export interface Pos {
  line: number;
  column: number;
}

export type LNode = LMap | LSeq | LScalar;

export interface LMap {
  kind: 'map';
  pos: Pos;
  entries: LEntry[];
}

export interface LEntry {
  key: string;
  keyPos: Pos;
  value: LNode;
}

export interface LSeq {
  kind: 'seq';
  pos: Pos;
  items: LNode[];
}

export interface LScalar {
  kind: 'scalar';
  pos: Pos;
  value: string | number | boolean | null;
}

/** Largest scenario file read (bytes): scenarios are short texts; a bigger file is a mistake or an attack. */
export const MAX_SCENARIO_BYTES = 1024 * 1024;

/** Reads a scenario file's exact text; a missing path, something other than a file, or a file over 1 MiB is a `UserInputError`. */
export async function readScenarioFile(path: string): Promise<string> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new UserInputError(`scenario file not found: ${path}`);
  }
  if (!info.isFile()) throw new UserInputError(`${path} is ${info.isDirectory() ? 'a folder' : 'not a regular file'}, not a scenario file`);
  if (info.size > MAX_SCENARIO_BYTES) {
    throw new UserInputError(`${path} is ${info.size} bytes; a scenario file may have at most ${MAX_SCENARIO_BYTES} (1 MiB). Is it the right file?`);
  }
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new UserInputError(`cannot read scenario file ${path}: ${(e as Error).message}`);
  }
}

/**
 * Parses YAML or JSON text into located values. A syntax error becomes a
 * `UserInputError` naming the file, line and column. An empty file gives
 * `undefined`.
 */
export function parseScenarioText(text: string, file: string): LNode | undefined {
  const lineCounter = new LineCounter();
  // duplicate keys are found by convert (the yaml package's own check is quadratic in the number of keys)
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const at = (offset: number | undefined): Pos => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const pos = at(err.pos[0]);
    throw new UserInputError(`YAML syntax error: ${plainWords(err)}.`, {
      file,
      line: pos.line,
      column: pos.column,
    });
  }
  if (doc.contents === null) return undefined;
  refuseAliasBomb(doc, file);
  return convert(doc.contents, doc, at, file, new Set(), undefined, { values: 0 });
}

/** Alias expansions a scenario may make (the `yaml` package's own guard and default). */
const MAX_ALIAS_COUNT = 1000;

/**
 * Refuses a document whose aliases expand exponentially (an "alias bomb": each level a
 * list of aliases of the level below), before `convert` would expand it. The `yaml`
 * package counts the expansions when converting to plain values; only that count is
 * used here, other problems are reported by `convert` with their place.
 */
function refuseAliasBomb(doc: Document, file: string): void {
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof ReferenceError && /excessive alias count/i.test(e.message)) {
      throw new UserInputError(
        `its aliases (*name) expand to too many values: a scenario may expand aliases at most ${MAX_ALIAS_COUNT} times. Write the values out, or use fewer nested aliases.`,
        { file },
      );
    }
  }
}

/** The parser's explanation, in plainer words for the common mistakes. */
function plainWords(err: YAMLError): string {
  switch (err.code) {
    case 'DUPLICATE_KEY':
      return 'this key appears a second time in the same mapping; each key may appear once';
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML indents with spaces only';
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document (separated by "---"); a scenario is a single document';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return (
        'a "key: value" pair is where it cannot be (often a line indented too far, ' +
        'or two "key:" on one line); check the indentation of this line and the one before'
      );
    case 'MISSING_CHAR':
      if (/^Missing closing "quote$/.test(err.message)) return 'a quoted text is not closed (missing closing ")';
      if (/^Missing closing 'quote$/.test(err.message)) return "a quoted text is not closed (missing closing ')";
      return lowerFirst(err.message).replace(/\.$/, '');
    case 'BAD_INDENT':
      return `wrong indentation: ${lowerFirst(err.message)}`;
    default:
      return lowerFirst(err.message).replace(/\.$/, '');
  }
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0].toLowerCase() + s.slice(1) : s;
}

type At = (offset: number | undefined) => Pos;

/** Most values (scalars, lists and mappings, aliases expanded) a scenario may hold: far above any design, far below what takes long to read. */
export const MAX_VALUES = 100_000;

function convert(
  node: unknown,
  doc: Document,
  at: At,
  file: string,
  resolving: Set<unknown>,
  fallback: Pos | undefined,
  count: { values: number },
): LNode {
  if (++count.values > MAX_VALUES) {
    const pos = fallback ?? at(0);
    throw new UserInputError(`the file holds more than ${MAX_VALUES} values; a scenario is a short description of a design (use ranges or samples for long sweeps).`, {
      file,
      line: pos.line,
      column: pos.column,
    });
  }
  if (isAlias(node)) {
    const target = node.resolve(doc);
    const pos = at(node.range?.[0]);
    if (target === undefined) {
      throw new UserInputError(`the alias *${node.source} refers to no anchor &${node.source} defined before it.`, {
        file,
        line: pos.line,
        column: pos.column,
      });
    }
    if (resolving.has(target)) {
      throw new UserInputError(`the alias *${node.source} refers to a value that contains it.`, {
        file,
        line: pos.line,
        column: pos.column,
      });
    }
    resolving.add(target);
    const out = convert(target, doc, at, file, resolving, pos, count);
    resolving.delete(target);
    return out;
  }
  if (isMap(node)) {
    const pos = at(node.range?.[0]);
    const entries: LEntry[] = [];
    const seen = new Set<string>();
    for (const pair of node.items) {
      const keyNode = pair.key as unknown;
      const keyPos = isScalar(keyNode) || isMap(keyNode) || isSeq(keyNode) ? at(keyNode.range?.[0]) : pos;
      if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
        throw new UserInputError('a mapping key here is missing or is not a plain name.', {
          file,
          line: keyPos.line,
          column: keyPos.column,
        });
      }
      const value =
        pair.value === null || pair.value === undefined
          ? { kind: 'scalar' as const, pos: keyPos, value: null }
          : convert(pair.value, doc, at, file, resolving, keyPos, count);
      const key = String(keyNode.value);
      if (seen.has(key)) {
        throw new UserInputError(`YAML syntax error: ${plainWords({ code: 'DUPLICATE_KEY', message: '' } as YAMLError)}.`, { file, line: keyPos.line, column: keyPos.column });
      }
      seen.add(key);
      entries.push({ key, keyPos, value });
    }
    return { kind: 'map', pos, entries };
  }
  if (isSeq(node)) {
    const pos = at(node.range?.[0]);
    const items = node.items.map((item) =>
      item === null || item === undefined
        ? { kind: 'scalar' as const, pos, value: null }
        : convert(item, doc, at, file, resolving, pos, count),
    );
    return { kind: 'seq', pos, items };
  }
  if (isScalar(node)) {
    const pos = node.range ? at(node.range[0]) : (fallback ?? at(0));
    const v = node.value;
    let value: LScalar['value'];
    if (v === null || v === undefined) value = null;
    else if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') value = v;
    else if (typeof v === 'bigint') value = Number(v);
    else value = String(v);
    return { kind: 'scalar', pos, value };
  }
  const pos = fallback ?? at(0);
  throw new UserInputError('a value here is of a kind scenario files do not use.', {
    file,
    line: pos.line,
    column: pos.column,
  });
}

/** Looks up the entry of a mapping by key. */
export function entry(map: LMap, key: string): LEntry | undefined {
  return map.entries.find((e) => e.key === key);
}

/**
 * Line and column of the key or the value at a dotted path (`['conditions',
 * 'network', 'degree']`) in a parsed document, or undefined when absent.
 * Numeric path parts index lists.
 */
export function locate(root: LNode | undefined, path: readonly string[], part: 'key' | 'value' = 'value'): Pos | undefined {
  let node: LNode | undefined = root;
  let keyPos: Pos | undefined;
  for (const step of path) {
    if (node === undefined) return undefined;
    if (node.kind === 'map') {
      const e = entry(node, step);
      if (!e) return undefined;
      keyPos = e.keyPos;
      node = e.value;
    } else if (node.kind === 'seq') {
      const i = Number(step);
      if (!Number.isInteger(i) || i < 0 || i >= node.items.length) return undefined;
      node = node.items[i];
      keyPos = node.pos;
    } else {
      return undefined;
    }
  }
  if (node === undefined) return undefined;
  return part === 'key' && keyPos ? keyPos : node.pos;
}
