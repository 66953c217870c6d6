/**
 * Whether the agent ids of an input file (edge list, org chart) count from 0 or from 1:
 * declared by the `id_base` parameter, or detected. Detection is safe only when the ids
 * decide it: a 0 means 0-based, an id equal to the number of agents means 1-based; ids
 * that fit both (all in 1..n-1) are refused rather than guessed.
 */
import { UserInputError } from '../../errors.ts';

export const ID_BASES = ['auto', 'zero-based', 'one-based'] as const;
export type IdBase = (typeof ID_BASES)[number];

/** An id as read, with where it was read (for messages). */
export interface PlacedId {
  id: number;
  line: number;
  column: number;
}

/**
 * The offset to subtract (0 or 1) so `ids` become agent indices 0..agents-1. An id
 * outside the declared or detected range is a UserInputError at its line and column.
 */
export function resolveIdBase(ids: readonly PlacedId[], agents: number, declared: IdBase, file: string): 0 | 1 {
  let base: 0 | 1;
  if (declared !== 'auto') base = declared === 'one-based' ? 1 : 0;
  else if (ids.some((p) => p.id === 0)) base = 0;
  else if (ids.some((p) => p.id === agents)) base = 1;
  else {
    let [low, high] = [Infinity, -Infinity];
    for (const p of ids) [low, high] = [Math.min(low, p.id), Math.max(high, p.id)]; // no spread: a file may hold millions of ids
    throw new UserInputError(
      `the ids run from ${low} to ${high}, which with ${agents} agents could count from 0 or from 1; say which with id_base: zero-based or id_base: one-based`,
      { file },
    );
  }
  for (const p of ids) {
    if (p.id < base || p.id > agents - 1 + base) {
      throw new UserInputError(
        `id ${p.id} is out of range: with ${agents} agents, ${base === 0 ? '0-based' : '1-based'} ids run from ${base} to ${agents - 1 + base}` +
          `${declared === 'auto' ? ` (detected from the file${base === 0 ? ', which has an id 0' : `, which has the id ${agents}`})` : ''}`,
        { file, line: p.line, column: p.column },
      );
    }
  }
  return base;
}
