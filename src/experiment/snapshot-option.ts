/**
 * When a run's agents (`--agents`) or networks (`--networks`) are recorded: never
 * (`none`), at the last tick only (`end`: the cap, or the tick `stop_when` ended the
 * run at), or every k-th tick (`every=k`: ticks 0, k, 2k, … and always the last;
 * `all` is every=1).
 */
import { UserInputError } from '../errors.ts';

export type SnapshotOption = 'none' | 'end' | { every: number };

export function parseSnapshot(flag: string, text: string): SnapshotOption {
  const t = text.trim();
  if (t === 'none' || t === 'end') return t;
  if (t === 'all') return { every: 1 };
  const m = /^every=(\d+)$/.exec(t);
  const every = m ? Number(m[1]) : NaN;
  if (!(every >= 1) || !Number.isSafeInteger(every)) {
    throw new UserInputError(`${flag} ${text}: expected none, end, all or every=k with k a whole number >= 1 (e.g. every=10).`);
  }
  return { every };
}

/**
 * An option as a program may give it: a SnapshotOption, or its text (`'all'`,
 * `'every=10'`); anything else (e.g. `{ every: 0 }`, `'sometimes'`) is a UserInputError
 * naming `name` (a flag or an option key), never read as something else.
 */
export function snapshotOption(name: string, value: unknown): SnapshotOption {
  if (value === undefined) return 'none';
  if (typeof value === 'string') return parseSnapshot(name, value);
  const every = (value as { every?: unknown } | null)?.every;
  if (typeof value === 'object' && value !== null && Object.keys(value).length === 1 && Number.isSafeInteger(every) && (every as number) >= 1) return { every: every as number };
  throw new UserInputError(`${name}: expected 'none', 'end', 'all', 'every=k' or { every: k } with k a whole number >= 1, got ${JSON.stringify(value)}.`);
}

/** The option as written (`none`, `end`, `every=10`): how the manifest records it. */
export function snapshotLabel(option: SnapshotOption = 'none'): string {
  return typeof option === 'string' ? option : `every=${option.every}`;
}

/** Snapshots a run of `ticks` ticks takes at most (for memory estimates). */
export function snapshotCount(option: SnapshotOption, ticks: number): number {
  return option === 'none' ? 0 : option === 'end' ? 1 : Math.floor(ticks / option.every) + 2;
}
