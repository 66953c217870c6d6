/**
 * The package as users install it: packing (`npm pack`, whose prepack step runs
 * clean-package with the settings in package.json) leaves no install-time scripts, so
 * installing the tarball runs nothing and npm warns about nothing; the repository's
 * own `npm ci` still builds dist/ through `prepare`.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli-helpers.ts';

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare'];

describe('the packed package.json', () => {
  it('has no install-time scripts and no development fields; the repository keeps prepare', () => {
    const repo = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(repo.scripts.prepare).toBe('tsc -p tsconfig.json && node dist/explore/bundle.js');
    expect(repo.scripts.prepack).toMatch(/clean-package$/);
    const dir = mkdtempSync(join(tmpdir(), 'orgsim-pack-'));
    copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'clean-package'), [], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const packed = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown> & { scripts: Record<string, string> };
    for (const s of INSTALL_SCRIPTS) expect(packed.scripts[s]).toBeUndefined();
    expect(packed.devDependencies).toBeUndefined();
    expect(packed.bin).toEqual({ orgsim: 'dist/cli/main.js' });
  });
});
