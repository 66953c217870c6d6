/**
 * Where a value came from (a place in the scenario file, a command-line flag, or
 * the model's default) and how to raise a `UserInputError` that points there.
 */
import { UserInputError } from '../errors.ts';
import type { LNode, Pos } from './document.ts';

export type Origin =
  /** A value (or key) written in the scenario file. */
  | { kind: 'file'; file: string; pos?: Pos; key: string }
  /** A command-line flag, e.g. `--set degree=8` or `--ticks`. */
  | { kind: 'flag'; flag: string; key: string }
  /** The model's default for a parameter nobody set. */
  | { kind: 'default'; file: string; key: string };

/** Throws a `UserInputError` at the origin; flag errors start with the flag. */
export function fail(message: string, origin: Origin): never {
  switch (origin.kind) {
    case 'file':
      throw new UserInputError(message, {
        file: origin.file,
        line: origin.pos?.line,
        column: origin.pos?.column,
        key: origin.key,
      });
    case 'flag':
      throw new UserInputError(`${origin.flag}: ${message}`);
    case 'default':
      throw new UserInputError(`${message} (this is the model's default for ${origin.key}; set it in the scenario)`, {
        file: origin.file,
        key: origin.key,
      });
  }
}

/** Longest text a message quotes whole; longer ones are cut, so a message stays readable. */
const QUOTED_LENGTH = 60;

/** A text as messages show it: whole, or its first characters and its length when long; `quote` JSON-quotes the part shown. */
export function shortened(text: string, quote: (shown: string) => string = (shown) => shown): string {
  return text.length <= QUOTED_LENGTH ? quote(text) : `${quote(text.slice(0, QUOTED_LENGTH))}… (${text.length} characters)`;
}

/** A text as messages quote it: JSON-quoted, cut when long (see `shortened`). */
export function quoted(text: string): string {
  return shortened(text, JSON.stringify);
}

/** The value as a message shows it after "got": `1.5`, `"abc"`, `a list`, … */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return quoted(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}

/** Like `describeValue`, for a parsed node (lists and mappings included). */
export function describeNode(node: LNode): string {
  switch (node.kind) {
    case 'map':
      return node.entries.length === 0 ? 'an empty mapping ({})' : `a mapping (of ${node.entries.map((e) => e.key).join(', ')})`;
    case 'seq':
      return node.items.length === 0 ? 'an empty list ([])' : 'a list';
    case 'scalar':
      return describeValue(node.value);
  }
}

/** Dotted key for messages: `conditions.network.degree`. */
export function dotted(...parts: string[]): string {
  return parts.join('.');
}
