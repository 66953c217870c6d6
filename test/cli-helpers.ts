/** Running the compiled CLI (dist/, built by `npm ci` / `npm run build`) in tests. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

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

/** True when some source file is newer than its compiled copy in dist/. */
function distIsStale(): boolean {
  const src = join(ROOT, 'src');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  return walk(src).some((file) => {
    const compiled = join(ROOT, 'dist', relative(src, file).replace(/\.ts$/, '.js'));
    return !existsSync(compiled) || statSync(compiled).mtimeMs < statSync(file).mtimeMs;
  });
}

/**
 * Emits dist/ from the current sources when they changed, for tests of worker threads
 * and child processes (type errors are the typecheck's business, not theirs).
 */
export function ensureDistBuilt(): void {
  if (!distIsStale()) return;
  const build = spawnSync('npx', ['tsc', '-p', '.', '--noCheck'], { cwd: ROOT, encoding: 'utf8' });
  if (distIsStale()) throw new Error(`dist/ could not be built: ${build.stdout}${build.stderr}`);
}
