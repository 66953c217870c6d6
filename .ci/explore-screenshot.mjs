// The README's screenshot of the live view: the headline scenario's hybrid condition,
// network view, coloured by felt safety, after 60 ticks. Run after npm start:
//   node .ci/explore-screenshot.mjs
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const page = pathToFileURL(resolve('results/hierarchy-vs-network/explore.html')).href;
const browser = await chromium.launch({ executablePath: process.env.ORGSIM_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const tab = await browser.newPage({ viewport: { width: 1600, height: 900 } });
await tab.goto(`${page}?condition=hybrid&replicate=1`);
await tab.waitForFunction(() => document.getElementById('status').textContent.startsWith('tick 0'));
await tab.fill('#speed', '60');
await tab.click('#play');
await tab.waitForFunction(() => Number(/tick (\d+)/.exec(document.getElementById('status').textContent)[1]) >= 60);
await tab.click('#play');
await tab.waitForTimeout(800);
await tab.screenshot({ path: 'results/hierarchy-vs-network/explore.png' });
await browser.close();
