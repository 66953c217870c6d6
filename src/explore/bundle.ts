/**
 * Builds the live view's browser code (run by `npm run build` after tsc): app.ts and
 * worker.ts, each with everything it imports (the model code the command line runs,
 * d3-force, yaml), bundled by esbuild into one minified script in dist/explore/, which
 * page.ts inlines into the page.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url)); // dist/explore/ (compiled) or src/explore/
const source = fileURLToPath(new URL('../../src/explore/', import.meta.url));

for (const entry of ['app', 'worker']) {
  await build({
    entryPoints: [`${source}${entry}.ts`],
    outfile: `${here.replace(/src[\\/]explore[\\/]$/, 'dist/explore/')}${entry}.bundle.js`,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}
