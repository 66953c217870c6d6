/**
 * How the CLI ends on error: bad input (UserInputError, or a yargs usage error) prints
 * its one-paragraph message and exits 2; a fault of the environment (EnvironmentError,
 * or an operating-system error such as a full disk) prints its message and exits 1;
 * neither prints a stack trace. Anything else is a bug in orgsim and prints the stack,
 * exit 1.
 */
import { EnvironmentError, explainSystemError, isSystemError, isUserInputError } from '../errors.ts';

const EXIT_BAD_INPUT = 2;
const EXIT_ENVIRONMENT = 1;

export function reportFailure(error: unknown): never {
  const known = isSystemError(error) ? explainSystemError(error) : error;
  if (isUserInputError(known)) {
    process.stderr.write(`orgsim: ${known.message}\n`);
    process.exit(EXIT_BAD_INPUT);
  }
  if (known instanceof EnvironmentError) {
    process.stderr.write(`orgsim: ${known.message}\n`);
    process.exit(EXIT_ENVIRONMENT);
  }
  process.stderr.write(`orgsim: internal error (please report it):\n${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
}
