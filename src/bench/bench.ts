/**
 * `npm run bench`: orgsim's speed on this machine, each figure a median of several
 * timed runs, printed with the machine and its load (a busy machine gives lower
 * bounds): start-up of the command line; the NK table against a C loop of the same
 * algorithm; nk-network-search in Lazer & Friedman's Figure 4 design, its rounds
 * against a plain JavaScript loop and a whole 100-landscape workload against C; graph
 * generation at a million people; the flagship model from 1,000 to 1,000,000 people
 * with its memory per person; and the speed-up of two workers on the headline
 * scenario. Each part is a module of its own and can be run alone, e.g.
 * `node dist/bench/nk-network-search.js`.
 */
import { benchFlagship } from './flagship.ts';
import { benchGraphs } from './graphs.ts';
import { machine } from './measure.ts';
import { benchNkNetworkSearch } from './nk-network-search.ts';
import { benchNkTable } from './nk-table.ts';
import { benchStartup } from './startup.ts';
import { benchWholeWorkload } from './whole-workload.ts';
import { benchWorkers } from './workers.ts';

console.log(`orgsim bench — ${machine()}`);
benchStartup();
benchNkTable();
benchNkNetworkSearch();
benchWholeWorkload();
benchGraphs();
benchFlagship();
await benchWorkers();
console.log(`\n(load at the end: ${machine().split('load ')[1]})`);
