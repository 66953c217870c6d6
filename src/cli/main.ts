#!/usr/bin/env node
/** The orgsim command line: parses flags and calls the library; nothing else lives here. */
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { UserInputError } from '../errors.ts';
import { ORGSIM_VERSION } from '../output/version.ts';
import { nearest } from '../scenario/suggest.ts';
import { chartCommand } from './commands/chart.ts';
import { compareCommand } from './commands/compare.ts';
import { contrastsCommand } from './commands/contrasts.ts';
import { describeCommand } from './commands/describe.ts';
import { exploreCommand } from './commands/explore.ts';
import { mergeCommand } from './commands/merge.ts';
import { planCommand } from './commands/plan.ts';
import { runCommand } from './commands/run.ts';
import { schemaCommand } from './commands/schema.ts';
import { validateCommand } from './commands/validate.ts';
import { reportFailure } from './failure.ts';

/** Flags that may be given more than once (the others would arrive as lists their commands do not expect). */
const REPEATABLE = new Set(['only', 'set']);

/** Options and positionals the commands declare as lists (e.g. merge's shard folders): yargs' own record of them. */
function listOptions(): Set<string> {
  const options = (cli as unknown as { getOptions?: () => { array?: string[] } }).getOptions?.();
  return new Set(options?.array ?? []);
}

/**
 * A flag given twice, or given without its value (`--agents` at the end of the line), is
 * refused naming it. (Flags with a default show it with `defaultDescription` and apply it
 * in the command, since yargs would put the default in place of a missing value.)
 */
function checkFlagValues(argv: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(argv)) {
    if (key === '_' || key === '$0' || /[A-Z]/.test(key)) continue; // camelCase keys mirror the kebab-case ones
    if (Array.isArray(value) && !REPEATABLE.has(key) && !listOptions().has(key)) throw new UserInputError(`--${key} was given ${value.length} times: give it once.`);
    if (value === '') throw new UserInputError(`--${key}: expected a value (see orgsim ${String((argv._ as unknown[])[0] ?? '')} --help).`);
  }
}

// Output piped into a reader that stops early (`orgsim … | head`): stop quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  reportFailure(error);
});

const cli = yargs(hideBin(process.argv));
try {
  await cli
    .scriptName('orgsim')
    .usage('$0 <command> [options]\n\nDeterministic simulations of trust, purpose alignment and creative risk-taking under org-chart and network rules.')
    .command(runCommand)
    .command(planCommand)
    .command(mergeCommand)
    .command(validateCommand)
    .command(chartCommand)
    .command(exploreCommand)
    .command(compareCommand)
    .command(contrastsCommand)
    .command(describeCommand)
    .command(schemaCommand)
    .middleware(checkFlagValues)
    .demandCommand(1, 'Name a command (orgsim --help lists them).')
    .recommendCommands()
    .strict()
    .version(ORGSIM_VERSION)
    .help()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((message, error) => {
      // yargs' own errors (YError: a usage mistake, or a flag's coerce refusing its text) are bad input
      if (error && error.name !== 'YError') throw error;
      throw new UserInputError(withSuggestion(message ?? error?.message ?? 'bad command line', cli));
    })
    .parseAsync();
} catch (error) {
  reportFailure(error);
}

/** yargs' "Unknown argument: replicats" with the nearest option (` Did you mean --replicates?`), and its command suggestion made a sentence. */
function withSuggestion(message: string, parser: Argv & { getOptions?: () => { key: Record<string, unknown> } }): string {
  if (/^Did you mean /.test(message)) return `unknown command. ${message} (orgsim --help lists the commands)`;
  const m = /^Unknown arguments?: (.+)$/.exec(message);
  if (!m) return message;
  // getOptions is public in yargs 18 but missing from its type definitions
  const options = Object.keys(parser.getOptions?.().key ?? {}).filter((k) => k.length > 1);
  const hints = m[1].split(', ').map((arg) => nearest(arg.replace(/^-+/, ''), options)).filter((hit) => hit !== undefined);
  return hints.length > 0 ? `${message}. Did you mean ${hints.map((h) => `--${h}`).join(', ')}? (orgsim <command> --help lists the options)` : `${message} (orgsim <command> --help lists the options)`;
}
