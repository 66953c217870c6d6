/** The flags every command that loads a scenario shares, and turning them into overrides. */
import type { Argv } from 'yargs';
import { parseSetFlags, type ScenarioOverrides } from '../../scenario/index.ts';

export interface ScenarioFlags {
  scenario: string;
  seed?: number;
  replicates?: number;
  ticks?: number;
  set?: string[];
}

export function withScenarioOptions<T>(y: Argv<T>) {
  return y
    .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file (YAML or JSON)' })
    .option('seed', { type: 'number', describe: 'Master seed (overrides the file)' })
    .option('replicates', { type: 'number', describe: 'Replicates per condition × sweep point (overrides the file)' })
    .option('ticks', { type: 'number', describe: 'Ticks per run (overrides the file)' })
    .option('set', { type: 'string', array: true, describe: 'Parameter override key=value for every condition; repeatable' });
}

export function overridesFrom(flags: ScenarioFlags): ScenarioOverrides {
  return {
    seed: flags.seed,
    replicates: flags.replicates,
    ticks: flags.ticks,
    set: flags.set ? parseSetFlags(flags.set) : undefined,
  };
}
