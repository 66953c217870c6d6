/**
 * Provenance that is checked: the manifest records the SHA-256 of the scenario, of
 * every input file and of every data file; `merge` refuses shards whose files are not
 * what their manifests record, and `--resume` and `merge` refuse runs made from
 * another version of an input file, naming the shard, the file and what differs.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserInputError } from '../src/errors.ts';
import { mergeShards, runExperiment } from '../src/experiment/index.ts';
import type { WrittenManifest } from '../src/output/manifest.ts';
import { loadScenario } from '../src/scenario/index.ts';
import { fixtureCopy, orgsim } from './cli-helpers.ts';
import { tempDir } from './fixtures/experiment/helpers.ts';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as WrittenManifest;

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UserInputError);
    return (e as Error).message;
  }
  throw new Error('expected a UserInputError');
}

async function shards(dir: string, count: number): Promise<string[]> {
  const scenario = await loadScenario(join(dir, 'base.yaml'), { replicates: 6 });
  const out: string[] = [];
  for (let index = 0; index < count; index++) {
    const outDir = join(dir, `shard${index}`);
    await runExperiment(scenario, { outDir, shard: { index, count } });
    out.push(outDir);
  }
  return out;
}

describe('what the manifest records', () => {
  it('the SHA-256 of the scenario, of each input file and of each data file, with sizes and rows', async () => {
    const dir = fixtureCopy();
    const outDir = join(dir, 'out');
    await runExperiment(await loadScenario(join(dir, 'base.yaml')), { outDir });
    const m = manifestOf(outDir);
    expect(m.scenario.sha256).toBe(sha256(join(dir, 'base.yaml')));
    expect(m.input_files).toEqual([{ path: 'edges-ok.csv', sha256: sha256(join(dir, 'edges-ok.csv')), bytes: statSync(join(dir, 'edges-ok.csv')).size }]);
    expect(Object.keys(m.outputs).sort()).toEqual(['runs.csv', 'summary.csv', 'timeseries.csv']);
    for (const [name, file] of Object.entries(m.outputs)) {
      const text = readFileSync(join(outDir, name), 'utf8');
      expect(file).toEqual({ sha256: sha256(join(outDir, name)), bytes: Buffer.byteLength(text), rows: text.split('\n').length - 2 });
    }
  });
});

describe('merge checks each shard against its manifest', () => {
  let dir: string;
  let parts: string[];
  let pristine: Buffer[];
  beforeAll(async () => {
    dir = fixtureCopy();
    parts = await shards(dir, 3);
    pristine = parts.map((p) => readFileSync(join(p, 'runs.csv')));
  });
  const restore = () => parts.forEach((p, i) => writeFileSync(join(p, 'runs.csv'), pristine[i]));

  it.each([
    ['cut by 30 bytes', (t: Buffer) => t.subarray(0, t.length - 30), /runs\.csv is not the file its run wrote \(\d+ bytes where the manifest records \d+, 1 rows where it records 2, SHA-256 [0-9a-f]{12}… where it records [0-9a-f]{12}…\); it was changed or cut afterwards: re-run that shard \(orgsim run … --shard 1\/3 --out .*shard1 --force\)\.$/],
    ['a row deleted', (t: Buffer) => Buffer.from(t.toString().split('\n').filter((_, i) => i !== 1).join('\n')), /runs\.csv is not the file its run wrote \(.*1 rows where it records 2/],
    ['one digit changed, same size', (t: Buffer) => Buffer.from(t.toString().replace(/,0\.(\d)/, (_, d: string) => `,0.${(Number(d) + 1) % 10}`)), /runs\.csv is not the file its run wrote \(SHA-256 [0-9a-f]{12}… where it records/],
  ])('runs.csv %s: refused, naming shard, file and difference; nothing written', (_, change, message) => {
    const out = join(tempDir(), 'merged');
    writeFileSync(join(parts[1], 'runs.csv'), change(pristine[1]));
    try {
      expect(refusal(() => mergeShards(parts, out))).toMatch(message);
      expect(existsSync(out)).toBe(false);
    } finally {
      restore();
    }
  });

  it('timeseries.csv cut, or runs.csv removed: refused', () => {
    const out = join(tempDir(), 'merged');
    const series = join(parts[2], 'timeseries.csv');
    const kept = readFileSync(series);
    writeFileSync(series, kept.subarray(0, kept.length - 50));
    expect(refusal(() => mergeShards(parts, out))).toMatch(/shard2\/timeseries\.csv is not the file its run wrote \(\d+ bytes where the manifest records \d+/);
    writeFileSync(series, kept);
    rmSync(join(parts[0], 'runs.csv'));
    expect(refusal(() => mergeShards(parts, out))).toMatch(/shard0\/runs\.csv is missing \(the shard's manifest records 2 rows\); re-run that shard/);
    restore();
    expect(mergeShards(parts, out)).toMatchObject({ shards: 3, runs: 6 });
  });

  it('a manifest without file hashes (an older orgsim, or edited) is refused', () => {
    const path = join(parts[0], 'manifest.json');
    const text = readFileSync(path, 'utf8');
    const { outputs: _, ...old } = JSON.parse(text) as WrittenManifest;
    writeFileSync(path, JSON.stringify(old));
    try {
      expect(refusal(() => mergeShards(parts, join(tempDir(), 'm')))).toMatch(/shard0\/manifest\.json is not a manifest orgsim wrote: "outputs" should be the data files with their SHA-256, bytes and rows \(an older orgsim did not record them\)/);
    } finally {
      writeFileSync(path, text);
    }
  });
});

describe('merge refuses edited manifests and data whose hashes were recomputed', () => {
  const rehash = (dir: string, edit: (m: WrittenManifest) => void, file?: { name: string; change: (t: string) => string }) => {
    const path = join(dir, 'manifest.json');
    const m = JSON.parse(readFileSync(path, 'utf8')) as WrittenManifest;
    if (file) {
      const data = join(dir, file.name);
      writeFileSync(data, file.change(readFileSync(data, 'utf8')));
      const text = readFileSync(data, 'utf8');
      m.outputs[file.name] = { sha256: sha256(data), bytes: Buffer.byteLength(text), rows: text.split('\n').length - 2 };
    }
    edit(m);
    writeFileSync(path, JSON.stringify(m));
  };

  it.each([
    ['ticks changed in one shard', (m: WrittenManifest) => (m.ticks = 51), undefined, /are shards of different experiments \("ticks" differs\)/],
    ['the model renamed in one shard', (m: WrittenManifest) => (m.model.name = 'march-1991'), undefined, /are shards of different experiments \("model" differs\)/],
    ['scenario set to null', (m: WrittenManifest) => ((m as unknown as { scenario: null }).scenario = null), undefined, /is not a manifest orgsim wrote: "scenario" should be an object with text and sha256/],
    ['shard as text', (m: WrittenManifest) => ((m as unknown as { shard: string }).shard = '0/2'), undefined, /is not a manifest orgsim wrote: "shard" should be \{ index, count \}/],
    ['a hash set to null', (m: WrittenManifest) => ((m.outputs['runs.csv'] as unknown as { sha256: null }).sha256 = null), undefined, /"outputs\.runs\.csv" should be \{ sha256, bytes, rows \}/],
    ['the scenario text edited', (m: WrittenManifest) => (m.scenario.text += '#'), undefined, /"scenario\.text" should be the text whose SHA-256 is "scenario\.sha256"/],
    ['a run id changed in runs.csv', () => {}, { name: 'runs.csv', change: (t: string) => t.replace(/\n2,/, '\n4,') }, /runs\.csv row 1 is run 4 where its manifest lists run 2/],
  ] as const)('%s', async (_, edit, file, message) => {
    const dir = fixtureCopy();
    const parts = await shards(dir, 2);
    rehash(parts[0], edit, file);
    const out = join(dir, 'merged');
    expect(refusal(() => mergeShards(parts, out))).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});

describe('an input file changed between parts of one experiment', () => {
  const complete = 'source,target\n0,1\n0,2\n0,3\n1,2\n1,3\n2,3\n';

  it('merge refuses shards made from two versions of the edge list, naming the file', async () => {
    const dir = fixtureCopy();
    const scenarioPath = join(dir, 'base.yaml');
    const first = join(dir, 'a');
    await runExperiment(await loadScenario(scenarioPath), { outDir: first, shard: { index: 0, count: 2 } });
    const before = sha256(join(dir, 'edges-ok.csv'));
    writeFileSync(join(dir, 'edges-ok.csv'), complete);
    const second = join(dir, 'b');
    await runExperiment(await loadScenario(scenarioPath), { outDir: second, shard: { index: 1, count: 2 } });
    const message = refusal(() => mergeShards([first, second], join(dir, 'm')));
    expect(message).toBe(
      `merge: ${first} and ${second} are shards of different experiments (input file edges-ok.csv: sha256 ${before.slice(0, 8)}… vs sha256 ${sha256(join(dir, 'edges-ok.csv')).slice(0, 8)}…).`,
    );
  });

  it('--resume refuses to continue with another version of the edge list (CLI: exit 2)', async () => {
    const dir = fixtureCopy();
    const outDir = join(dir, 'out');
    const stop = new AbortController();
    await runExperiment(await loadScenario(join(dir, 'base.yaml')), { outDir, signal: stop.signal, onProgress: (done) => done === 1 && stop.abort() });
    writeFileSync(join(dir, 'edges-ok.csv'), complete);
    const r = orgsim(['run', join(dir, 'base.yaml'), '--out', outDir, '--resume', '--quiet', '--workers', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^orgsim: --resume: .* holds results of another experiment \(input file edges-ok\.csv: sha256 [0-9a-f]{8}… vs sha256 [0-9a-f]{8}…\)\. Give --force instead of --resume to start over there, or give another --out\.\n$/);
  });
});

describe('values written are values run', () => {
  it('a grid point re-run from the values runs.csv holds gives the same row', async () => {
    const { scenario } = await import('./fixtures/experiment/helpers.ts');
    const head = ['name: t', 'model: tiny-test', 'replicates: 2'];
    const first = tempDir();
    await runExperiment(await scenario([...head, 'sweep:', '  x: { from: 0, to: 1, n: 7 }']), { outDir: first });
    const [header, ...rows] = readFileSync(join(first, 'runs.csv'), 'utf8').trimEnd().split('\n');
    const x = header.split(',').indexOf('x');
    const point2 = rows.filter((r) => r.split(',')[2] === '2');
    const written = point2[0].split(',')[x];
    expect(written).toBe('0.166666666667'); // the value that ran (ranges are rounded to 12 digits), not 0.166667

    const again = tempDir();
    await runExperiment(await scenario([...head, 'sweep:', `  x: [${written}]`]), { outDir: again });
    const rerun = readFileSync(join(again, 'runs.csv'), 'utf8').trimEnd().split('\n').slice(1);
    const fromReplicate = (r: string) => r.split(',').slice(3).join(',');
    expect(rerun.map(fromReplicate)).toEqual(point2.map(fromReplicate));
  });
});

describe('an input file edited while the experiment runs', () => {
  it('each process reads it once and checks it against the SHA-256 the experiment started with', async () => {
    const { fileRunContext } = await import('../src/experiment/run-context.ts');
    const dir = fixtureCopy();
    const original = readFileSync(join(dir, 'edges-ok.csv'));
    const expected = { 'edges-ok.csv': sha256(join(dir, 'edges-ok.csv')) };
    const first = fileRunContext(dir, expected);
    expect(first.readInput('edges-ok.csv').text).toBe(original.toString());
    writeFileSync(join(dir, 'edges-ok.csv'), 'source,target\n0,1\n');
    expect(first.readInput('edges-ok.csv').text).toBe(original.toString()); // the bytes the experiment hashed
    const copy = fixtureCopy(); // another file, changed before its first read in this process
    const later = fileRunContext(copy, expected);
    writeFileSync(join(copy, 'edges-ok.csv'), 'source,target\n0,1\n');
    expect(() => later.readInput('edges-ok.csv')).toThrow(/edges-ok\.csv: input file changed while the experiment ran: its SHA-256 is now [0-9a-f]{12}…, the experiment started with [0-9a-f]{12}…; put the file back, or start over with --force/);
  });
});

describe('two experiments in one process (a notebook)', () => {
  it('an input file edited between them is read again for the second, not taken as changed mid-run', async () => {
    const dir = fixtureCopy();
    const first = await runExperiment(await loadScenario(join(dir, 'base.yaml')), { outDir: join(dir, 'a') });
    expect(first.failed).toBe(0);
    writeFileSync(join(dir, 'edges-ok.csv'), 'source,target\n0,1\n1,2\n2,3\n');
    const second = await runExperiment(await loadScenario(join(dir, 'base.yaml')), { outDir: join(dir, 'b') });
    expect(second.failed).toBe(0);
    expect(manifestOf(join(dir, 'b')).input_files[0].sha256).toBe(sha256(join(dir, 'edges-ok.csv')));
  });
});
