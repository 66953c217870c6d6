import { test } from 'vitest';
import { writeCharts } from '../src/charts/write-charts.ts';
import { writeReport } from '../src/charts/report.ts';
test('x', async () => {
  for (const d of ['basic', 'sweep']) {
    const t0 = performance.now();
    const files = await writeCharts('/tmp/out/' + d);
    console.log(d, files.length, performance.now() - t0);
    await writeReport('/tmp/out/' + d);
  }
}, 60000);
