/** Printed commands start as the user started orgsim. */
import { describe, expect, it } from 'vitest';
import { invokedAs } from '../src/cli/invocation.ts';

describe('invokedAs', () => {
  it('npx orgsim under npx, node <script> for a script inside the folder, orgsim for an installed command', () => {
    expect(invokedAs({ npm_command: 'exec' }, '/work/p/node_modules/orgsim/dist/cli/main.js', '/work/p')).toBe('npx orgsim');
    expect(invokedAs({}, '/work/p/dist/cli/main.js', '/work/p')).toBe('node dist/cli/main.js');
    expect(invokedAs({}, '/usr/lib/node_modules/orgsim/dist/cli/main.js', '/home/me')).toBe('orgsim');
    expect(invokedAs({}, '', '/home/me')).toBe('orgsim');
  });
});
