/**
 * Errors caused by what the user gave (scenario files, flags, input files). The CLI
 * prints their message alone (no stack trace) and exits with code 2.
 */
export interface InputLocation {
  file?: string;
  line?: number;
  column?: number;
  /** Dotted path of the offending key, e.g. `conditions.network.degree`. */
  key?: string;
}

export class UserInputError extends Error {
  readonly location: InputLocation;
  constructor(message: string, location: InputLocation = {}) {
    super(formatMessage(message, location));
    this.name = 'UserInputError';
    this.location = location;
  }
}

function formatMessage(message: string, where: InputLocation): string {
  let place = where.file ?? '';
  if (where.file && where.line !== undefined) {
    place += `:${where.line}`;
    if (where.column !== undefined) place += `:${where.column}`;
  }
  const key = where.key ? `${place ? ' ' : ''}key "${where.key}"` : '';
  const head = place || key ? `${place}${key}: ` : '';
  return head + message;
}

export function isUserInputError(e: unknown): e is UserInputError {
  return e instanceof UserInputError;
}
