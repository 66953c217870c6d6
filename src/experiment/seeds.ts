/**
 * The seeds of one run (design brief §6). The behaviour seed — the run's reported
 * `seed` — hashes (master, condition, point, replicate). The people, landscape and
 * structure seeds hash only (master, replicate): every condition and sweep point of a
 * replicate starts from the same people, landscape and graph (common random numbers)
 * wherever they share the parameters that build them.
 */
import type { RunStreams } from '../model/plugin.ts';
import { createRng, deriveSeed } from '../rng/index.ts';

export function behaviourSeed(master: number, condition: string, pointKey: string, replicate: number): number {
  return deriveSeed(master, 'behaviour', condition, pointKey, replicate);
}

export function runStreams(master: number, replicate: number, behaviour: number): RunStreams {
  return {
    people: createRng(deriveSeed(master, 'people', replicate)),
    landscape: createRng(deriveSeed(master, 'landscape', replicate)),
    structure: createRng(deriveSeed(master, 'structure', replicate)),
    behaviour: createRng(behaviour),
  };
}
