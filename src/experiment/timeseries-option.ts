/**
 * How much of the per-tick file to write: every tick (`all`, the default), every
 * k-th tick (`every=k`: ticks 0, k, 2k, … and always the last), or none (`none`:
 * timeseries.csv holds its header only, so readers still find the columns).
 */
import { UserInputError } from '../errors.ts';

export type TimeseriesOption = 'all' | 'none' | { every: number };

export function parseTimeseries(text: string): TimeseriesOption {
  const t = text.trim();
  if (t === 'all' || t === 'none') return t;
  const m = /^every=(\d+)$/.exec(t);
  const every = m ? Number(m[1]) : NaN;
  if (!(every >= 1) || !Number.isSafeInteger(every)) {
    throw new UserInputError(`--timeseries ${text}: expected all, none or every=k with k a whole number >= 1 (e.g. every=10).`);
  }
  return every === 1 ? 'all' : { every };
}

/** The option as written (`all`, `none`, `every=10`): how the manifest records it. */
export function timeseriesLabel(option: TimeseriesOption = 'all'): string {
  return typeof option === 'string' ? option : option.every === 1 ? 'all' : `every=${option.every}`;
}

/** The tick stride: 0 for none, 1 for all. */
export function tickStride(option: TimeseriesOption = 'all'): number {
  return option === 'none' ? 0 : option === 'all' ? 1 : option.every;
}
