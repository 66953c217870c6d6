/**
 * The seeds of one run (design brief §6). The behaviour seed — the run's reported
 * `seed` — hashes (master, condition, point, replicate), where the point is named by
 * its swept values (`pointKey`), not by its position in the design, so adding or
 * removing a sweep point changes no other run. The people, landscape and structure
 * seeds hash only (master, replicate): every condition and sweep point of a
 * replicate starts from the same people, landscape and graph (common random
 * numbers) wherever they share the parameters that build them. The decision draws
 * (counter-based, keyed by purpose, person and tick) hash only (master, replicate)
 * too, so conditions that face the same decision draw the same number for it and
 * two identical conditions give identical runs.
 */
import type { ParamValue } from '../model/params.ts';
import type { RunStreams } from '../model/plugin.ts';
import { createCounterDraws, createRng, deriveSeed } from '../rng/index.ts';

export function behaviourSeed(master: number, condition: string, pointKey: string, replicate: number): number {
  return deriveSeed(master, 'behaviour', condition, pointKey, replicate);
}

/**
 * A point's canonical name: its swept values as JSON with the names sorted, e.g.
 * `{"initial_alignment":0.3,"initial_trust":0.5}`; "" for the single point of a
 * scenario without a sweep (so such scenarios keep their seeds).
 */
export function pointKey(values: Readonly<Record<string, ParamValue>>): string {
  const names = Object.keys(values).sort();
  return names.length === 0 ? '' : JSON.stringify(Object.fromEntries(names.map((n) => [n, values[n]])));
}

export function runStreams(master: number, replicate: number, behaviour: number): RunStreams {
  return {
    people: createRng(deriveSeed(master, 'people', replicate)),
    landscape: createRng(deriveSeed(master, 'landscape', replicate)),
    structure: createRng(deriveSeed(master, 'structure', replicate)),
    behaviour: createRng(behaviour),
    decisions: createCounterDraws(deriveSeed(master, 'decisions', replicate)),
  };
}
