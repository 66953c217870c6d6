/** `orgsim validate <scenario>`: check a scenario without running it. */
import type { Argv } from 'yargs';
import { overridesFrom, withScenarioOptions, type ScenarioFlags } from './scenario-options.ts';

export const validateCommand = {
  command: 'validate <scenario>',
  describe: 'Check a scenario file (and overrides) without running it',
  builder: (y: Argv) => withScenarioOptions(y),
  handler: async (flags: ScenarioFlags) => {
    const [{ loadScenario, sweepWarnings }, { checkInputs }, { checkMemory, defaultMaxMemory }] = await Promise.all([
      import('../../scenario/index.ts'),
      import('../../experiment/check-inputs.ts'),
      import('../../experiment/memory.ts'),
    ]);
    const s = await loadScenario(flags.scenario, await overridesFrom(flags));
    checkInputs(s); // the edge lists and org charts, as run reads them
    // one run, no time series (run and plan check the series for their --timeseries): what any run needs at least
    checkMemory(s, { stride: 0, concurrent: 1, maxMemory: defaultMaxMemory() });
    for (const warning of sweepWarnings(s)) process.stderr.write(`orgsim: warning: ${warning}\n`);
    const conditions = s.conditions.map((c) => c.name).join(', ');
    process.stdout.write(
      `${flags.scenario}: ok — model ${s.model.name}, conditions ${conditions}, ${s.points.size} points, ${s.replicates} replicates, ${s.ticks} ticks, ` +
        `${s.conditions.length * s.points.size * s.replicates} runs\n`,
    );
  },
};
