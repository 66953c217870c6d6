/**
 * Who each agent can learn from: its contact list, directed (the lattice is
 * one-directional, as in Barkoczi & Galesic's code; the other networks list each tie
 * from both ends). The full network is implicit (everyone else), so it costs no memory.
 *
 * full: everyone else. lattice: agent i's contacts are i + 1 … i + degree (mod n).
 * clustered: `groups` cliques joined in a ring by single bridges (the connected caveman
 * graph; with 5 groups of 20 it is the paper's "max-mean-clustering" kind of network: five
 * near-cliques joined by five ties). random-regular: a random `degree`-regular network
 * (degree-preserving swaps; the paper's "efficient" kind: short paths, little clustering).
 * isolated: the same cliques with no bridge (subgroups that never meet).
 */
import { cavemanGraph, connectedCavemanGraph, randomRegularGraph, type CsrGraph } from '../../model/graph/index.ts';
import type { Rng } from '../../rng/index.ts';
import type { SocialLearningParams } from './params.ts';

export interface ContactLists {
  /** True for the full network: agent i's contacts are all others, not stored. */
  readonly full: boolean;
  /** Length n + 1 (empty when full): agent i's contacts are `contacts[offsets[i] .. offsets[i + 1])`. */
  readonly offsets: Int32Array;
  readonly contacts: Int32Array;
}

export function buildContacts(p: SocialLearningParams, rng: Rng): ContactLists {
  const n = p.agents;
  switch (p.network) {
    case 'full':
      return { full: true, offsets: new Int32Array(0), contacts: new Int32Array(0) };
    case 'lattice': {
      const offsets = new Int32Array(n + 1);
      const contacts = new Int32Array(n * p.degree);
      for (let i = 0; i < n; i++) {
        offsets[i + 1] = (i + 1) * p.degree;
        for (let j = 0; j < p.degree; j++) contacts[i * p.degree + j] = (i + 1 + j) % n;
      }
      return { full: false, offsets, contacts };
    }
    case 'clustered':
      return fromGraph(connectedCavemanGraph(p.groups, n / p.groups));
    case 'isolated':
      return fromGraph(cavemanGraph(p.groups, n / p.groups));
    case 'random-regular':
      return fromGraph(randomRegularGraph(n, p.degree, rng));
  }
}

/** An undirected network's rows as contact lists (each tie listed from both ends). */
function fromGraph(g: CsrGraph): ContactLists {
  return { full: false, offsets: g.offsets, contacts: g.neighbors };
}

/** Number of contacts of agent i. */
export function contactCount(c: ContactLists, n: number, i: number): number {
  return c.full ? n - 1 : c.offsets[i + 1] - c.offsets[i];
}

/** Agent i's r-th contact, 0 <= r < contactCount. */
export function contactAt(c: ContactLists, i: number, r: number): number {
  return c.full ? (r < i ? r : r + 1) : c.contacts[c.offsets[i] + r];
}
