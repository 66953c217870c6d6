/**
 * Redrawing a random network until it is connected, as Lazer & Friedman (2007) must
 * have done for their base analyses, which use only connected networks (a
 * G(100, 0.03) graph is connected about 0.7% of the time). Draws come one after
 * another from the same stream, so the accepted graph is fixed by the seed.
 */
import { UserInputError } from '../../errors.ts';
import type { CsrGraph } from './csr.ts';
import { isConnected } from './statistics.ts';

/** Most graphs drawn before giving up. */
export const MAX_CONNECTED_DRAWS = 10_000;

/**
 * Calls `draw` until it returns a connected graph; throws a UserInputError naming
 * `what` (e.g. "a random network of 100 agents at density 0.01") and what to change
 * when MAX_CONNECTED_DRAWS graphs were all disconnected.
 */
export function drawConnected(draw: () => CsrGraph, what: string): CsrGraph {
  for (let attempt = 0; attempt < MAX_CONNECTED_DRAWS; attempt++) {
    const g = draw();
    if (isConnected(g)) return g;
  }
  throw new UserInputError(
    `require_connected: none of ${MAX_CONNECTED_DRAWS} draws of ${what} was connected; make the network denser, or set require_connected: false to use the graphs as drawn`,
  );
}

/** Trial draws at validation, and how many of them must be connected (see `enoughConnected`). */
export const CONNECTED_TRIALS = 1000;
export const CONNECTED_NEEDED = 2;

/**
 * True when at least CONNECTED_NEEDED of CONNECTED_TRIALS graphs from `draw` are
 * connected (stops as soon as they are): for refusing, before a run starts, settings
 * whose chance of a connected graph has no usable closed form (a rewired ring lattice; a
 * random network of few agents) and whose redraws would often all fail. A chance of
 * 0.2%, which passes about half the time, leaves a run's MAX_CONNECTED_DRAWS redraws
 * failing with probability e^-20.
 */
export function enoughConnected(draw: () => CsrGraph): boolean {
  let connected = 0;
  for (let t = 0; t < CONNECTED_TRIALS && connected < CONNECTED_NEEDED; t++) if (isConnected(draw())) connected++;
  return connected >= CONNECTED_NEEDED;
}

/**
 * Approximate chance that Erdős–Rényi G(n, p) is connected, exp(−n(1 − p)^(n−1))
 * (Erdős & Rényi 1960: the graph is connected about when it has no isolated node, and
 * isolated nodes are about Poisson with that mean). Good to a few percent at n = 100,
 * far too hopeful for a few agents (n = 10, p = 0.05: 0.2% against 0.008%), so used to
 * refuse hopeless settings before a run starts only from ERDOS_RENYI_FORMULA_FROM agents.
 */
export const ERDOS_RENYI_FORMULA_FROM = 100;

export function erdosRenyiConnectedChance(n: number, p: number): number {
  if (n <= 1) return 1;
  return Math.exp(-n * (1 - p) ** (n - 1));
}
