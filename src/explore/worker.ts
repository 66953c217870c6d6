/**
 * The live view's web worker: runs the model (the same code as the command line) and
 * posts each tick's metrics, the agents' variables and the ties' trust; the page only
 * draws. Bundled by bundle.ts and started from a Blob URL (pages opened from disk
 * cannot start a worker from a file).
 */
import { findModel } from '../models/registry.ts';
import type { Model, RunContext } from '../model/plugin.ts';
import { valueProblem, type Params } from '../model/params.ts';
import { UserInputError } from '../errors.ts';
import { LiveRun } from './live-run.ts';
import { networkLayout, treeLayout } from './layout.ts';
import type { FromWorker, Structure, TickRow, ToWorker } from './protocol.ts';

const scope = globalThis as unknown as { onmessage: (e: { data: ToWorker }) => void; postMessage(m: FromWorker): void };

let run: LiveRun | undefined;
let generation = 0;
/** For each tie of the structure, the relation entries (source → target) whose weights it averages. */
let tieEntries: Int32Array[] = [];
let weightRelation = -1;

scope.onmessage = ({ data }) => {
  generation = data.generation;
  try {
    if (data.type === 'reset') {
      run = undefined;
      const model = findModel(data.model);
      if (!model) throw new UserInputError(`model "${data.model}" is not built into the live view`);
      checkParams(model, data.params);
      const context: RunContext = {
        readInput(path) {
          const text = data.inputFiles[path];
          if (text === undefined) throw new UserInputError(`input file "${path}" was not given to the live view`);
          return { text, file: path };
        },
      };
      run = new LiveRun(model, data.params, data.run, context);
      scope.postMessage({ type: 'structure', generation, structure: structureOf(model, run) });
      post([row(run)]);
    } else if (run) {
      const rows: TickRow[] = [];
      for (let k = 0; k < data.ticks; k++) {
        run.step();
        rows.push(row(run));
      }
      post(rows);
    }
  } catch (e) {
    scope.postMessage({ type: 'error', generation, message: e instanceof Error ? e.message : String(e) });
  }
};

/** The checks `orgsim validate` makes of a parameter set: each value in its range, then the model's own across parameters. */
function checkParams(model: Model, params: Params): void {
  for (const [name, spec] of Object.entries(model.parameters)) {
    const problem = valueProblem(spec, params[name]);
    if (problem) throw new UserInputError(`${name}: ${problem}`);
  }
  const problems = model.check?.(params) ?? [];
  if (problems.length > 0) throw new UserInputError(problems.map((p) => `${p.key}: ${p.message}`).join('; '));
}

function row(r: LiveRun): TickRow {
  return { tick: r.tick, metrics: Array.from(r.metrics), csv: r.csvRow() };
}

function post(rows: TickRow[]): void {
  scope.postMessage({ type: 'ticks', generation, rows, agents: run!.agents(), tieWeights: tieWeights() });
}

/** The org chart (a `reports_to` relation) and the network (the first other relation), laid out once. */
function structureOf(model: Model, r: LiveRun): Structure {
  const agents = model.agentCount?.(r.state) ?? 0;
  const structure: Structure = { agents };
  const relations = model.relations ?? [];
  const edges = model.recordRelations?.(r.state) ?? [];
  const chart = relations.findIndex((rel) => rel.name === 'reports_to');
  if (chart >= 0) {
    const managers = new Int32Array(agents).fill(-1);
    const pairs = edges[chart].pairs;
    for (let e = 0; e < pairs.length; e += 2) managers[pairs[e]] = pairs[e + 1];
    structure.managers = managers;
    structure.treeLayout = treeLayout(managers);
  }
  const net = relations.findIndex((rel) => rel.name !== 'reports_to');
  tieEntries = [];
  weightRelation = -1;
  if (net >= 0) {
    const pairs = edges[net].pairs;
    const index = new Map<number, number>();
    const ties: number[] = [];
    for (let e = 0; e < pairs.length / 2; e++) {
      const [u, v] = [Math.min(pairs[2 * e], pairs[2 * e + 1]), Math.max(pairs[2 * e], pairs[2 * e + 1])];
      const key = u * agents + v;
      let t = index.get(key);
      if (t === undefined) {
        index.set(key, (t = ties.length / 2));
        ties.push(u, v);
        tieEntries.push(new Int32Array(0));
      }
      tieEntries[t] = Int32Array.of(...tieEntries[t], e);
    }
    structure.ties = Int32Array.from(ties);
    structure.networkLayout = networkLayout(agents, structure.ties);
    if (relations[net].weight) weightRelation = net;
  }
  return structure;
}

/** Each tie's weight now: the mean over its directions (e.g. the trust each places in the other). */
function tieWeights(): Float64Array | undefined {
  if (!run || weightRelation < 0) return undefined;
  const weights = run.model.recordRelations!(run.state)[weightRelation].weights!;
  return Float64Array.from(tieEntries, (entries) => {
    let sum = 0;
    for (const e of entries) sum += weights[e];
    return sum / entries.length;
  });
}
