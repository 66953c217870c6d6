/**
 * `npm run bench:explore`: how smoothly the live view plays, in Debian's Chromium
 * (playwright-core): frames drawn and ticks run per second with the speed at 60 ticks a
 * second (a tick a frame at the display rate; when frames come slower, the ticks owed run
 * before the next frame, so ticks keep up while frames drop) for the
 * flagship model at 1,000 and 10,000 people (a plain hierarchy of span 6), network and
 * org chart views, over 5 s after a warm-up.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'orgsim-bench-explore-'));
const SECONDS = 5;

try {
  execFileSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'explore', join(ROOT, 'scenarios/hierarchy-vs-network.yaml'), '--out', work], { stdio: 'ignore' });
  const page = pathToFileURL(join(work, 'explore.html')).href;
  const browser = await chromium.launch({ executablePath: process.env.ORGSIM_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  console.log(`orgsim bench:explore — Chromium ${browser.version()}, live view of purpose-alignment, speed 60 ticks/s (a tick drawn per frame)\n`);
  console.log('people   view      frames/s    ticks/s');
  for (const agents of [1_000, 10_000]) {
    for (const view of ['network', 'chart']) {
      const tab = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
      await tab.goto(`${page}?condition=hybrid&set.agents=${agents}&set.levels=0&set.span=6&set.approval_levels=2&ticks=100000`);
      await tab.waitForFunction(() => document.getElementById('status')!.textContent!.startsWith('tick 0'), null, { timeout: 300_000 });
      await tab.selectOption('#view', view);
      await tab.fill('#speed', '60');
      const tick = async () => Number(/tick (\d+)/.exec((await tab.textContent('#status'))!)![1]);
      const frames = async () => Number(await tab.evaluate(() => document.body.dataset.drawn ?? 0));
      await tab.click('#play');
      await tab.waitForTimeout(1000); // warm-up
      const [t0, f0] = [await tick(), await frames()];
      await tab.waitForTimeout(SECONDS * 1000);
      const [ticks, drawn] = [((await tick()) - t0) / SECONDS, ((await frames()) - f0) / SECONDS];
      console.log(`${String(agents).padStart(6)}   ${view.padEnd(8)}  ${drawn.toFixed(1).padStart(8)}   ${ticks.toFixed(1).padStart(8)}`);
      await tab.close();
    }
  }
  await browser.close();
} finally {
  rmSync(work, { recursive: true, force: true });
}
