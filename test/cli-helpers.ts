/** Running the compiled CLI (dist/, built by `npm ci` / `npm run build`) in tests. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function orgsim(args: string[], cwd = ROOT): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh folder holding the CLI fixtures (scenario + edge lists), for tests that write. */
export function fixtureCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'orgsim-cli-'));
  cpSync(join(ROOT, 'test', 'fixtures', 'cli'), dir, { recursive: true });
  return dir;
}

export function writeScenario(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
