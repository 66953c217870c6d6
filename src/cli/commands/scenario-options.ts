/** The flags every command that loads a scenario shares, and turning them into overrides. */
import type { Argv } from 'yargs';
import { UserInputError } from '../../errors.ts';
import type { ScenarioOverrides } from '../../scenario/index.ts';

export interface ScenarioFlags {
  scenario: string;
  seed?: number;
  replicates?: number;
  ticks?: number;
  set?: string[];
}

export function withScenarioOptions<T>(y: Argv<T>) {
  return withOverrideOptions(y.positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file (YAML or JSON)' }));
}

/** --seed, --replicates, --ticks and --set. */
export function withOverrideOptions<T>(y: Argv<T>) {
  return y
    .option('seed', { type: 'string', coerce: wholeNumber('--seed'), describe: 'Master seed (overrides the file)' })
    .option('replicates', { type: 'string', coerce: wholeNumber('--replicates'), describe: 'Replicates per condition × sweep point (overrides the file)' })
    .option('ticks', { type: 'string', coerce: wholeNumber('--ticks'), describe: 'Ticks per run (overrides the file)' })
    .option('set', { type: 'string', array: true, describe: 'Parameter override key=value for every condition; repeatable' });
}

/**
 * A yargs `coerce` for a flag that takes a whole number: the text as given must be one
 * (`--seed abc` is refused naming the flag and the text, not as NaN); ranges are
 * checked where the value is used.
 */
export function wholeNumber(flag: string): (text: string | string[]) => number {
  return (text) => {
    const given = Array.isArray(text) ? text[text.length - 1] : text;
    if (!/^\s*[-+]?\d+\s*$/.test(String(given))) throw new UserInputError(`${flag} ${JSON.stringify(given)}: expected a whole number.`);
    return Number(given);
  };
}

/** The flags as scenario overrides (the --set parser, with its YAML reader, is loaded only when --set is given). */
export async function overridesFrom(flags: ScenarioFlags): Promise<ScenarioOverrides> {
  const parseSetFlags = flags.set ? (await import('../../scenario/overrides.ts')).parseSetFlags : undefined;
  return {
    seed: flags.seed,
    replicates: flags.replicates,
    ticks: flags.ticks,
    set: flags.set && parseSetFlags ? parseSetFlags(flags.set) : undefined,
  };
}
