/**
 * Sobol' designs in results folders: when a folder supports sensitivity indices,
 * and how their bootstrap intervals are drawn, shared by sensitivity.csv (written
 * by a run) and contrast-sensitivity.csv (written by `orgsim contrasts`).
 */
import { createRng, deriveSeed } from '../rng/index.ts';
import { sobolIndices, type SobolResult } from '../stats/sensitivity.ts';

/** A Saltelli design as results files lay it out: point p (1-based) is design row p − 1. */
export interface SobolDesign {
  /** Swept parameters, in design column order. */
  parameters: readonly string[];
  /** Points of the design: n (k + 2). */
  points: number;
}

/** What of a manifest decides it (written or read back). */
interface DesignFields {
  sweep?: { kind?: string; parameters: readonly string[]; n?: number };
  only?: unknown;
  shard?: unknown;
}

/** Bootstrap resamples behind the intervals of sensitivity.csv and contrast-sensitivity.csv. */
const RESAMPLES = 1000;

/**
 * The design when the folder holds a whole `sobol:` sweep (no `--only`, no
 * `--shard`: a part of the design has no indices of its own); else undefined.
 * The caller guarantees that a sobol sweep has its sample size `n`.
 */
export function completeSobolDesign(manifest: DesignFields): SobolDesign | undefined {
  const { sweep } = manifest;
  if (sweep?.kind !== 'sobol' || manifest.only !== undefined || manifest.shard !== undefined) return undefined;
  return { parameters: sweep.parameters, points: sweep.n! * (sweep.parameters.length + 2) };
}

/**
 * Sobol' indices (`sobolIndices`: Saltelli 2010 S1, Jansen 1999 ST) of one output
 * per design point (`y[p − 1]` for point p; NaN where undefined, which drops its
 * block), with RESAMPLES bootstrap resamples drawn from the stream
 * deriveSeed(masterSeed, ...streamName), e.g. ('sensitivity', condition, metric):
 * reproducible, and independent of every other output's.
 */
export function designSobolIndices(y: ArrayLike<number>, design: SobolDesign, masterSeed: number, ...streamName: string[]): SobolResult {
  const uniform = createRng(deriveSeed(masterSeed, ...streamName));
  return sobolIndices(y, design.parameters.length, { uniform, resamples: RESAMPLES });
}
