/**
 * How the user started orgsim, so printed commands (e.g. the resume command) can be
 * pasted back as they are: `npx orgsim` under npx, `node dist/cli/main.js` when the
 * script was run from inside the current folder, `orgsim` otherwise (an installed
 * command on PATH).
 */
import { isAbsolute, relative } from 'node:path';

export function invokedAs(env: NodeJS.ProcessEnv = process.env, script = process.argv[1] ?? '', cwd = process.cwd()): string {
  if (env.npm_command === 'exec') return 'npx orgsim';
  const inside = relative(cwd, script);
  if (script !== '' && inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)) return `node ${inside}`;
  return 'orgsim';
}
