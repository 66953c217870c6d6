/**
 * `orgsim explore`: the live view, driven in Debian's Chromium by playwright-core
 * (never a downloaded browser; `bash .ci/system-deps browser` installs it). The page
 * must give the CLI's numbers byte for byte, play, restart when an input changes,
 * switch conditions, draw something, and export a scenario `orgsim run` accepts. Also:
 * the model code it bundles stays free of Node-only imports.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDistBuilt, orgsim, ROOT } from './cli-helpers.ts';

const CHROMIUM = process.env.ORGSIM_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
let browser: Browser | undefined;
let work: string;

beforeAll(async () => {
  ensureDistBuilt();
  work = mkdtempSync(join(tmpdir(), 'orgsim-explore-'));
  if (available) browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}, 300_000);
afterAll(async () => {
  await browser?.close();
});

/** Writes the scenario's live view into a fresh folder; returns the page's file URL. */
function explore(scenario: string): string {
  const out = mkdtempSync(join(work, 'page-'));
  const r = orgsim(['explore', scenario, '--out', out]);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toBe(`orgsim: wrote ${join(out, 'explore.html')}\n`);
  return pathToFileURL(join(out, 'explore.html')).href;
}

async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser!.newPage({ viewport: { width: 1500, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  return { page, errors };
}

const status = (page: Page) => page.textContent('#status');

describe.runIf(available || process.env.CI)('orgsim explore in Chromium', () => {
  it('chromium is installed (required when CI is set)', () => {
    expect(available, `headless Chromium not found at ${CHROMIUM}: bash .ci/system-deps browser`).toBe(true);
  });

  it.each([
    ['scenarios/hierarchy-vs-network.yaml', 'network', 2, 30],
    ['scenarios/hierarchy-vs-network.yaml', 'hierarchy', 1, 25],
    ['scenarios/classics/lazer-friedman-fig4.yaml', 'linear', 3, 20],
    ['scenarios/classics/march-fig1.yaml', undefined, 2, 15], // a sweep: the page runs its first point
    ['scenarios/classics/barkoczi-galesic-time-course.yaml', 'conformity-clustered', 2, 30], // keyed draws (RunStreams.decisions)
  ])('%s, condition %s, replicate %d, %d ticks: the same timeseries rows as orgsim run, byte for byte', async (scenario, condition, replicate, ticks) => {
    const file = join(ROOT, scenario);
    const out = mkdtempSync(join(work, 'cli-'));
    const only = condition === undefined ? ['--only', 'point_id=1'] : ['--only', `condition=${condition}`];
    const run = orgsim(['run', file, ...only, '--only', `replicate=${replicate}`, '--ticks', String(ticks), '--out', out, '--no-charts', '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    const cli = readFileSync(join(out, 'timeseries.csv'), 'utf8').split('\n').map((line) => line.split(',').slice(4).join(',')).join('\n');
    const url = explore(file);
    const query = `${condition === undefined ? '' : `condition=${condition}&`}replicate=${replicate}&ticks=${ticks}&autoplay=1`;
    const { page, errors } = await open(`${url}?${query}`);
    await page.waitForFunction(() => document.body.dataset.status === 'done' || document.body.dataset.status === 'failed', null, { timeout: 60_000 });
    expect(await page.evaluate(() => document.body.dataset.error ?? '')).toBe('');
    expect(await page.textContent('#orgsim-metrics')).toBe(cli);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('plays 50 ticks, restarts when an input changes, switches conditions, draws, and exports a scenario orgsim run accepts', async () => {
    const { page, errors } = await open(explore(join(ROOT, 'scenarios', 'hierarchy-vs-network.yaml')));
    await page.waitForFunction(() => document.getElementById('status')!.textContent === 'tick 0 of 200');
    await page.fill('#speed', '240');
    await page.click('#play');
    await page.waitForFunction(() => Number(/tick (\d+)/.exec(document.getElementById('status')!.textContent!)?.[1]) >= 50, null, { timeout: 60_000 });
    await page.click('#play');
    // something is drawn: the canvas holds many colours, not a blank square
    const colours = await page.evaluate(() => {
      const canvas = document.getElementById('canvas') as HTMLCanvasElement;
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < pixels.length; i += 4) seen.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
      return seen.size;
    });
    expect(colours).toBeGreaterThan(20);
    const shot = await page.screenshot();
    expect(shot.length).toBeGreaterThan(30_000);

    // a changed input restarts the run with the new value
    await page.fill('input[name="initial_trust"]', '0.9');
    await page.dispatchEvent('input[name="initial_trust"]', 'change');
    await page.waitForFunction(() => document.getElementById('status')!.textContent === 'tick 0 of 200');
    const yaml = await exported(page);
    expect(yaml).toContain('initial_trust: 0.9');

    // the condition switch loads that condition's parameters
    await page.selectOption('#condition', 'network');
    await page.waitForFunction(() => document.getElementById('status')!.textContent === 'tick 0 of 200');
    expect(await page.inputValue('select[name="structure"]')).toBe('network');
    await page.click('#step');
    await page.waitForFunction(() => document.getElementById('status')!.textContent === 'tick 1 of 200');

    // the exported scenario runs
    const file = join(work, 'explored.yaml');
    writeFileSync(file, await exported(page));
    const r = orgsim(['validate', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ok — model purpose-alignment, conditions network, 1 points/);
    expect(errors).toEqual([]);
    expect(await status(page)).toBe('tick 1 of 200');
    await page.close();
  }, 180_000);
});

describe.runIf(available || process.env.CI)('the live view refuses what orgsim run refuses', () => {
  it.each([
    ['ticks=abc&autoplay=1', 'ticks "abc": expected a whole number in [1, 100000000]'],
    ['seed=-1&autoplay=1', 'seed "-1": expected a whole number in [0, 4294967295]'],
    ['set.initial_trust=5&ticks=3&autoplay=1', 'initial_trust: expected a number in [0, 1], got 5'],
    ['set.topology=banana&autoplay=1', 'topology: expected one of "watts-strogatz", "barabasi-albert", "erdos-renyi", "complete", "ring", "lattice", "edge-list", got "banana"'],
    ['set.nonexistent=3', 'set.nonexistent: the model has no parameter "nonexistent"'],
    ['condition=hierarchy&set.span=3&ticks=3&autoplay=1', 'agents: a full org chart of 4 levels with span 3 has 40 people, but agents is 85 (write agents: "(span^levels - 1) / (span - 1)", or set levels: 0)'],
  ])('?%s', async (query, message) => {
    const { page } = await open(`${pageUrl()}?${query}`);
    await page.waitForFunction(() => document.body.dataset.status === 'failed' || document.body.dataset.status === 'done', null, { timeout: 30_000 });
    expect(await page.evaluate(() => document.body.dataset.error)).toBe(message);
    await page.close();
  }, 60_000);

  it('a restart drops the replies of the run before it: the exported metrics are the new run’s, from tick 0', async () => {
    const { page } = await open(pageUrl());
    await page.waitForFunction(() => document.getElementById('status')!.textContent === 'tick 0 of 200');
    await page.fill('#speed', '240');
    await page.click('#play');
    await page.waitForFunction(() => Number(/tick (\d+)/.exec(document.getElementById('status')!.textContent!)?.[1]) >= 40, null, { timeout: 60_000 });
    await page.selectOption('#condition', 'network'); // while replies are in flight
    await page.click('#step');
    await page.waitForFunction(() => document.getElementById('status')!.textContent === 'tick 1 of 200', null, { timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const rows = readFileSync(await download.path(), 'utf8').trimEnd().split('\n').slice(1).map((r) => r.split(',')[0]);
    expect(rows).toEqual(['0', '1']);
    await page.close();
  }, 120_000);
});

let headlinePage: string | undefined;
/** The headline scenario's live view, written once. */
function pageUrl(): string {
  headlinePage ??= explore(join(ROOT, 'scenarios', 'hierarchy-vs-network.yaml'));
  return headlinePage;
}

/** The scenario YAML the page's export button downloads. */
async function exported(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-yaml')]);
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

describe('orgsim run --explore', () => {
  it('writes the live view beside report.html, linked from it, and --force removes it with the other results', () => {
    const out = mkdtempSync(join(work, 'run-'));
    const args = ['run', join(ROOT, 'scenarios', 'hierarchy-vs-network.yaml'), '--replicates', '1', '--ticks', '3', '--out', out, '--quiet', '--charts', 'headline'];
    const r = orgsim([...args, '--explore']);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'explore.html'), 'utf8')).toContain('<pre id="orgsim-metrics" hidden></pre>');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<dt>Live view</dt><dd><a href="explore.html">explore.html</a>');
    expect(orgsim([...args, '--force']).status).toBe(0);
    expect(existsSync(join(out, 'explore.html'))).toBe(false);
  }, 120_000);
});

describe('the code the browser runs', () => {
  /** Every module a file imports, transitively (relative imports only; bare specifiers are recorded). */
  function importsOf(entry: string, seen = new Set<string>(), bare = new Set<string>()): { files: Set<string>; bare: Set<string> } {
    if (seen.has(entry)) return { files: seen, bare };
    seen.add(entry);
    const text = readFileSync(entry, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)) {
      const spec = m[1];
      if (spec.startsWith('.')) importsOf(resolve(dirname(entry), spec), seen, bare);
      else bare.add(spec);
    }
    return { files: seen, bare };
  }

  it('model, models, graph, landscape, rng, stats and the live view’s browser code import nothing Node-only', () => {
    const src = join(ROOT, 'src');
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    const entries = [
      ...['model', 'models', 'rng', 'stats'].flatMap((d) => walk(join(src, d))),
      ...['app.ts', 'worker.ts'].map((f) => join(src, 'explore', f)),
    ];
    const bare = new Set<string>();
    const files = new Set<string>();
    for (const entry of entries) importsOf(entry, files, bare);
    expect([...bare].filter((b) => b.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'url'].includes(b))).toEqual([]);
    expect([...bare].sort()).toEqual(['d3-force', 'seedrandom', 'yaml']);
    for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toMatch(/\bprocess\.|\brequire\(/);
  });
});
