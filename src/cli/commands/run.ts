/** `orgsim run <scenario>`: run the design (conditions × points × replicates) and write the results folder. */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { UserInputError, explainSystemError, isSystemError } from '../../errors.ts';
import type { ExperimentResult } from '../../experiment/index.ts';
import { defaultMaxMemory, parseMemorySize, size as memorySize } from '../../experiment/memory.ts';
import { EXPLORE_FILE, PARTIAL_DIR } from '../../output/results-layout.ts';
import { didYouMean } from '../../scenario/suggest.ts';
import { invokedAs } from '../invocation.ts';
import { overridesFrom, wholeNumber, withScenarioOptions, type ScenarioFlags } from './scenario-options.ts';

interface RunFlags extends ScenarioFlags {
  out?: string;
  quiet?: boolean;
  workers?: number;
  resume?: boolean;
  force?: boolean;
  maxMemory?: string;
  only?: string[];
  shard?: string;
  timeseries?: string;
  agents?: string;
  networks?: string;
  /** A comma list for --charts; false for --no-charts. */
  charts?: string | boolean;
  images?: string;
  explore?: boolean;
  diff?: string;
}

/** Exit code after Ctrl-C (128 + SIGINT), as shells report it. */
const EXIT_INTERRUPTED = 130;

export const runCommand = {
  command: 'run <scenario>',
  describe: 'Run a scenario and write CSVs, manifest, charts and report',
  builder: (y: Argv) =>
    withScenarioOptions(y)
      .option('out', { type: 'string', describe: 'Results folder (default results/<scenario name>)' })
      .option('workers', { type: 'string', coerce: wholeNumber('--workers'), describe: `Worker threads (default: the number of cores, ${availableParallelism()} here)` })
      .option('resume', { type: 'boolean', default: false, describe: 'Continue an interrupted run of the same scenario in --out' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace the results already in --out (old charts and report included)' })
      .option('max-memory', { type: 'string', describe: `Memory the runs held at once may take, e.g. 8G (default: half of this machine's, ${memorySize(defaultMaxMemory())})` })
      .option('only', { type: 'string', array: true, describe: 'Re-run a subset: run_id=…, point_id=…, replicate=… or condition=… (lists a,b and ranges a-b; repeatable, all must match)' })
      .option('shard', { type: 'string', describe: 'Run shard i of n (runs with run_id mod n = i, i from 0), for orgsim merge' })
      .option('timeseries', { type: 'string', defaultDescription: 'all', describe: 'Ticks in timeseries.csv: all, every=k or none' })
      .option('agents', { type: 'string', defaultDescription: 'none', describe: 'Ticks at which agents.csv records every agent: none, end, all or every=k' })
      .option('networks', { type: 'string', defaultDescription: 'none', describe: 'Ticks at which each run\'s networks are written as GraphML to networks/: none, end, all or every=k' })
      .option('diff', { type: 'string', describe: 'Conditions A,B of the difference heatmap, drawn as B minus A (default: the first two)' })
      .option('charts', { type: 'string', defaultDescription: 'all', describe: 'Charts drawn after the run (Vega-Lite specs and report.html): all, headline, none, or names and patterns such as risk-vs-outcome,timeseries-* (--no-charts: none, and no report)' })
      .option('images', { type: 'string', defaultDescription: 'headline', describe: 'Which of them also get an SVG and a PNG in charts/ (same choices; all takes longest)' })
      .option('explore', { type: 'boolean', default: false, describe: `Also write the live view (${EXPLORE_FILE}) beside report.html, linked from it` })
      .option('quiet', { type: 'boolean', default: false, describe: 'No progress and no summary line (errors and failed runs are still reported)' }),
  handler: async (flags: RunFlags) => {
    const started = Date.now();
    const [{ chartPlan, scenarioChartDesign, selectCharts, writeChartsAndReport }, { defaultOutDir, parseOnly, parseShard, parseSnapshot, parseTimeseries, progressReporter, runExperiment }, { explorePage, pageDataOf }, { writeFileAtomic }, { loadScenario, sweepWarnings }] =
      await Promise.all([import('../../charts/index.ts'), import('../../experiment/index.ts'), import('../../explore/page.ts'), import('../../output/atomic.ts'), import('../../scenario/index.ts')]);
    const options = {
      outDir: flags.out,
      workers: flags.workers ?? availableParallelism(),
      resume: flags.resume,
      force: flags.force,
      maxMemory: flags.maxMemory === undefined ? undefined : parseMemorySize(flags.maxMemory),
      only: flags.only ? parseOnly(flags.only) : undefined,
      shard: flags.shard === undefined ? undefined : parseShard(flags.shard),
      timeseries: parseTimeseries(flags.timeseries ?? 'all'),
      agents: parseSnapshot('--agents', flags.agents ?? 'none'),
      networks: parseSnapshot('--networks', flags.networks ?? 'none'),
    };
    const scenario = await loadScenario(flags.scenario, await overridesFrom(flags));
    const difference = flags.diff === undefined ? undefined : parseDiff(flags.diff, scenario.conditions.map((c) => c.name));
    const charts = flags.charts === false ? ['none'] : String(flags.charts ?? 'all').split(',').map((c) => c.trim());
    const images = (flags.images ?? 'headline').split(',').map((c) => c.trim());
    // checked before the run, as the results will have them
    selectCharts(selectCharts(chartPlan(scenarioChartDesign(scenario), { difference }), charts), images, '--images');
    for (const warning of sweepWarnings(scenario)) process.stderr.write(`orgsim: warning: ${warning}\n`);
    if (difference && !(scenario.points.kind === 'grid' && scenario.points.parameters.length >= 2)) {
      process.stderr.write('orgsim: warning: --diff chooses the conditions of the difference heatmap, which only a grid sweep over two parameters has; here it changes nothing\n');
    }
    const progress = flags.quiet ? undefined : progressReporter(process.stderr);
    const stop = new AbortController();
    const onInterrupt = () => {
      process.off('SIGINT', onInterrupt);
      process.stderr.write('\norgsim: stopping after the runs in flight (Ctrl-C again to quit at once)\n');
      stop.abort();
    };
    process.on('SIGINT', onInterrupt);
    // a shard or a subset is part of an experiment: its charts would mislead
    const drawCharts = flags.charts !== false && !options.shard && !options.only;
    const onFinished = async (result: ExperimentResult) => {
      progress?.finish();
      if (flags.explore) writeFileAtomic(join(result.outDir, EXPLORE_FILE), explorePage(pageDataOf(scenario)));
      if (!drawCharts) return;
      try {
        await writeChartsAndReport(result.outDir, { difference, charts, images, workers: options.workers, liveView: flags.explore ? EXPLORE_FILE : undefined });
      } catch (e) {
        if (!isSystemError(e)) throw e;
        throw explainSystemError(e, `The results in ${result.outDir} are complete; the charts and report are not. To draw them again, run:  ${resumeCommand(result.outDir)}`);
      }
    };
    try {
      const result = await runExperiment(scenario, { ...options, signal: stop.signal, onProgress: progress?.update, onFinished }).catch((e: unknown) => {
        throw withResumeHint(e, options.outDir ?? defaultOutDir(scenario));
      });
      if (result.interrupted) {
        progress?.finish();
        process.stderr.write(
          `orgsim: stopped after ${result.done} of ${result.runs} runs; the finished runs are kept in ${result.outDir}/.partial.\n` +
            `Resume with:\n  ${resumeCommand(result.outDir)}\n`,
        );
        process.exitCode = EXIT_INTERRUPTED;
        return;
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const failed = result.failed > 0 ? `, ${result.failed} FAILED (status and error in runs.csv)` : '';
      const line = `orgsim: ${result.runs} runs${failed} in ${seconds} s -> ${result.outDir}/\n`;
      if (!flags.quiet) process.stdout.write(line);
      else if (result.failed > 0) process.stderr.write(line);
      if (result.failed > 0) process.exitCode = 1;
    } finally {
      process.off('SIGINT', onInterrupt);
    }
  },
};

/** `--diff A,B`: two different conditions of the scenario (checked before anything runs). */
function parseDiff(text: string, conditions: readonly string[]): [string, string] {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length !== 2 || parts[0] === parts[1]) throw new UserInputError(`--diff ${text}: expected two different conditions A,B (e.g. --diff hierarchy,network).`);
  for (const c of parts) {
    if (!conditions.includes(c)) throw new UserInputError(`--diff ${text}: no condition "${c}".${didYouMean(c, conditions)} Conditions: ${conditions.join(', ')}.`);
  }
  return [parts[0], parts[1]];
}

/** An operating-system fault (a full disk) met while runs were stored: the message says how to continue. */
function withResumeHint(e: unknown, outDir: string): unknown {
  if (!isSystemError(e) || !existsSync(join(outDir, PARTIAL_DIR))) return e;
  return explainSystemError(e, `The runs stored before it are kept in ${outDir}/.partial; fix this, then continue with:  ${resumeCommand(outDir)}`);
}

/** The command line that was given (started as the user started it), with --out and --resume, quoted for a POSIX shell. */
function resumeCommand(outDir: string): string {
  const args = process.argv.slice(2);
  if (!args.some((a) => a === '--out' || a.startsWith('--out='))) args.push('--out', outDir);
  if (!args.includes('--resume')) args.push('--resume');
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  return [invokedAs(), ...args.map(quote)].join(' ');
}
