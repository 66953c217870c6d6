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

/**
 * True when one of `trials` graphs from `draw` is connected (stops at the first): for
 * refusing, before a run starts, settings with no closed form for their chance of being
 * connected (e.g. a rewired ring lattice) whose redraws would almost surely all fail.
 */
export function someDrawConnected(draw: () => CsrGraph, trials: number): boolean {
  for (let t = 0; t < trials; t++) if (isConnected(draw())) return true;
  return false;
}

/**
 * Approximate chance that Erdős–Rényi G(n, p) is connected, exp(−n(1 − p)^(n−1))
 * (Erdős & Rényi 1960: the graph is connected about when it has no isolated node, and
 * isolated nodes are about Poisson with that mean). Good to a few percent at n = 100;
 * used to refuse hopeless settings before a run starts.
 */
export function erdosRenyiConnectedChance(n: number, p: number): number {
  if (n <= 1) return 1;
  return Math.exp(-n * (1 - p) ** (n - 1));
}
