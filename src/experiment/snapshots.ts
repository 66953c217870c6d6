/**
 * Agent-level and network snapshots taken during a run (`--agents`, `--networks`; see
 * snapshot-option.ts): each model's declared agent variables for every agent, and the
 * edges of each relation it declares, at the chosen ticks. Plain typed arrays, so a
 * worker can post them and a notebook can read them.
 */
import { UserInputError } from '../errors.ts';
import type { Model, NetworkSnapshot } from '../model/plugin.ts';
import { didYouMean } from '../scenario/suggest.ts';
import { snapshotOption, type SnapshotOption } from './snapshot-option.ts';

/** Agent variables at the snapshot ticks: one row per agent per snapshot, agents in id order. */
export interface AgentSnapshots {
  /** Column names: the model's agent variables, in order. */
  readonly names: readonly string[];
  /** Per row: the tick. */
  readonly ticks: Int32Array;
  /** Per row: the agent id (0-based). */
  readonly agentIds: Int32Array;
  /** Row-major, `names.length` values per row; NaN where a variable has no value. */
  readonly values: Float64Array;
  /** One variable over all rows (a copy). An unknown name is a UserInputError listing the valid ones. */
  variable(name: string): Float64Array;
}

/** Refuses (UserInputError) an option the model cannot honour: agents without agent variables, networks without relations. */
export function checkSnapshots(model: Model, agents: SnapshotOption, networks: SnapshotOption): void {
  if (agents !== 'none' && !(model.agentVariables?.length && model.agentCount && model.recordAgents)) {
    throw new UserInputError(`--agents: model "${model.name}" declares no agent variables, so it has no agent-level data to record; leave out --agents (or give --agents none).`);
  }
  if (networks !== 'none' && !(model.relations?.length && model.recordRelations && model.agentCount)) {
    throw new UserInputError(`--networks: model "${model.name}" has no network to export; leave out --networks (or give --networks none).`);
  }
}

/** The agent variables of `state` now, agent-major (agent i's at i × width …); empty when the model declares none. */
export function agentTable(model: Model, state: unknown): Float64Array {
  const width = model.agentVariables?.length ?? 0;
  if (width === 0 || !model.recordAgents || !model.agentCount) return new Float64Array(0);
  const out = new Float64Array(model.agentCount(state) * width);
  model.recordAgents(state, out);
  return out;
}

/** Takes the snapshots of one run as it goes: `at` after each recorded tick, `end` once it has ended. */
export class SnapshotRecorder {
  private readonly agentRows: { tick: number; values: Float64Array }[] = [];
  readonly networks: NetworkSnapshot[] = [];
  /** The last tick each kind was taken at. */
  private taken = { agents: -1, networks: -1 };

  private readonly agents: SnapshotOption;
  private readonly nets: SnapshotOption;

  /** `agents` and `networks` as a program gives them (checked; see `snapshotOption`). */
  constructor(private readonly model: Model, agents: unknown, networks: unknown) {
    this.agents = snapshotOption('agents', agents);
    this.nets = snapshotOption('networks', networks);
    checkSnapshots(model, this.agents, this.nets);
  }

  /** After tick `tick` was recorded: takes the every=k snapshots due. */
  at(state: unknown, tick: number): void {
    const due = (o: SnapshotOption) => typeof o === 'object' && tick % o.every === 0;
    this.take(state, tick, due(this.agents), due(this.nets));
  }

  /** After the run's last tick: takes what `end` and every=k still want there. */
  end(state: unknown, tick: number): void {
    this.take(state, tick, this.agents !== 'none' && this.taken.agents !== tick, this.nets !== 'none' && this.taken.networks !== tick);
  }

  private take(state: unknown, tick: number, agents: boolean, nets: boolean): void {
    if (!agents && !nets) return;
    const values = agentTable(this.model, state);
    if (agents) {
      this.agentRows.push({ tick, values });
      this.taken.agents = tick;
    }
    if (nets) {
      this.networks.push({ tick, agentCount: this.model.agentCount!(state), agents: values, relations: this.model.recordRelations!(state) });
      this.taken.networks = tick;
    }
  }

  /** The agent snapshots, or undefined when agents were not recorded. */
  agentSnapshots(): AgentSnapshots | undefined {
    if (this.agents === 'none') return undefined;
    const names = this.model.agentVariables!.map((v) => v.name);
    const width = names.length;
    const rows = this.agentRows.reduce((n, r) => n + r.values.length / width, 0);
    const ticks = new Int32Array(rows);
    const agentIds = new Int32Array(rows);
    const values = new Float64Array(rows * width);
    let row = 0;
    for (const snapshot of this.agentRows) {
      values.set(snapshot.values, row * width);
      for (let i = 0; i < snapshot.values.length / width; i++, row++) {
        ticks[row] = snapshot.tick;
        agentIds[row] = i;
      }
    }
    return {
      names,
      ticks,
      agentIds,
      values,
      variable: (name) => {
        const column = names.indexOf(name);
        if (column < 0) throw new UserInputError(`"${name}" is not an agent variable of model "${this.model.name}".${didYouMean(name, names)} The agent variables: ${names.join(', ')}.`);
        return Float64Array.from({ length: rows }, (_, r) => values[r * width + column]);
      },
    };
  }
}
