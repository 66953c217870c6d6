#!/usr/bin/env node
/** The orgsim command line: parses flags and calls the library; nothing else lives here. */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { UserInputError } from '../errors.ts';
import { ORGSIM_VERSION } from '../output/version.ts';
import { chartCommand } from './commands/chart.ts';
import { compareCommand } from './commands/compare.ts';
import { contrastsCommand } from './commands/contrasts.ts';
import { describeCommand } from './commands/describe.ts';
import { mergeCommand } from './commands/merge.ts';
import { planCommand } from './commands/plan.ts';
import { runCommand } from './commands/run.ts';
import { validateCommand } from './commands/validate.ts';
import { reportFailure } from './failure.ts';

try {
  await yargs(hideBin(process.argv))
    .scriptName('orgsim')
    .usage('$0 <command> [options]\n\nDeterministic simulations of trust, purpose alignment and creative risk-taking under org-chart and network rules.')
    .command(runCommand)
    .command(planCommand)
    .command(mergeCommand)
    .command(validateCommand)
    .command(chartCommand)
    .command(compareCommand)
    .command(contrastsCommand)
    .command(describeCommand)
    .demandCommand(1, 'Name a command (orgsim --help lists them).')
    .strict()
    .version(ORGSIM_VERSION)
    .help()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((message, error) => {
      throw error ?? new UserInputError(message);
    })
    .parseAsync();
} catch (error) {
  reportFailure(error);
}
