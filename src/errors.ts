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

/**
 * A fault of the environment (a full disk, a device error, too many open files):
 * the CLI prints the message alone and exits with code 1. Bad input stays a
 * `UserInputError` (exit 2).
 */
export class EnvironmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvironmentError';
  }
}

/** An error raised by the operating system (Node's `fs`), with its code (`ENOSPC`) and usually a path. */
export interface SystemError extends Error {
  code: string;
  syscall?: string;
  path?: string;
}

export function isSystemError(e: unknown): e is SystemError {
  const code: unknown = e instanceof Error ? (e as Partial<SystemError>).code : undefined;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/** What each error code means, and whether it is the environment's fault (exit 1) or the user's choice of path (exit 2). */
const SYSTEM_ERRORS: Readonly<Record<string, { means: string; environment: boolean }>> = {
  ENOSPC: { means: 'the disk is full', environment: true },
  EDQUOT: { means: 'the disk quota is used up', environment: true },
  EIO: { means: 'the device reported an input/output error', environment: true },
  EMFILE: { means: 'too many files are open', environment: true },
  ENFILE: { means: 'too many files are open', environment: true },
  ENOMEM: { means: 'the machine is out of memory', environment: true },
  EACCES: { means: 'permission denied', environment: false },
  EPERM: { means: 'the operation is not permitted', environment: false },
  EROFS: { means: 'the file system is read-only', environment: false },
  ENOTDIR: { means: 'a part of the path is a file, not a folder', environment: false },
  EISDIR: { means: 'it is a folder, not a file', environment: false },
  EEXIST: { means: 'it exists already', environment: false },
  ENOENT: { means: 'no such file or folder', environment: false },
  ENAMETOOLONG: { means: 'the name is too long', environment: false },
};

const ACTIONS: Readonly<Record<string, string>> = {
  open: 'open',
  read: 'read',
  write: 'write',
  fsync: 'write',
  mkdir: 'create the folder',
  rename: 'move',
  unlink: 'remove',
  rmdir: 'remove',
  rm: 'remove',
  stat: 'read',
  scandir: 'list',
  ftruncate: 'cut',
  copyfile: 'copy',
};

/**
 * The operating system's error as one sentence for a person, e.g. `cannot write
 * results/x/runs.csv: the disk is full (ENOSPC)`, as the error the CLI reports:
 * a `UserInputError` when the path given was the problem, else an `EnvironmentError`.
 * `hint` (e.g. how to resume) is appended.
 */
export function explainSystemError(e: SystemError, hint = ''): UserInputError | EnvironmentError {
  const known = SYSTEM_ERRORS[e.code];
  const action = ACTIONS[e.syscall ?? ''] ?? 'use';
  const what = e.path ? `cannot ${action} ${e.path}` : `a file operation${e.syscall ? ` (${e.syscall})` : ''} failed`;
  const message = `${what}: ${known?.means ?? e.message.replace(/^[A-Z]+: /, '').replace(/, .*$/, '')} (${e.code}).${hint ? ` ${hint}` : ''}`;
  return known && !known.environment ? new UserInputError(message) : new EnvironmentError(message);
}
