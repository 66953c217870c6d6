/**
 * How the CLI ends on error: bad input (UserInputError, or a yargs usage error) prints
 * its one-paragraph message and exits 2, with no stack trace; anything else is a bug in
 * orgsim and prints the stack, exit 1.
 */
import { isUserInputError } from '../errors.ts';

export const EXIT_BAD_INPUT = 2;

export function reportFailure(error: unknown): never {
  if (isUserInputError(error)) {
    process.stderr.write(`orgsim: ${error.message}\n`);
    process.exit(EXIT_BAD_INPUT);
  }
  process.stderr.write(`orgsim: internal error (please report it):\n${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
}
