#!/usr/bin/env node
/**
 * Tables for scenarios/classics/README.md, from a results folder written by
 * `orgsim run`. Plain Node (no dependencies, no build), so anyone can check the numbers.
 *
 *   node scenarios/classics/tables.mjs <results> <metric> <ticks>   [--vs <condition>]
 *   node scenarios/classics/tables.mjs <results> <metric> final     [--vs <condition>]
 *
 * <ticks> is a comma list (e.g. 0,5,10,100): the mean of a tick metric over
 * replicates at those ticks, per condition, from timeseries.csv. `final` reads the run
 * metric from runs.csv. Each cell is "mean ±half-width of the 95% CI" (normal
 * approximation, 1.96·sd/√n; empty values skipped). With --vs, each condition is shown
 * instead as its difference from the named condition, paired by replicate (the
 * conditions of a replicate share landscape and people, so paired differences are
 * far more precise than the difference of the means).
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const [dir, metric, which, flag, reference] = process.argv.slice(2);
if (!dir || !metric || !which || (flag !== undefined && (flag !== '--vs' || !reference))) {
  console.error('usage: tables.mjs <results> <metric> <ticks|final> [--vs <condition>]');
  process.exit(2);
}
const final = which === 'final';
const ticks = final ? ['final'] : which.split(',').map(Number);

/** values[condition][tick][replicate] */
const values = new Map();
const file = join(dir, final ? 'runs.csv' : 'timeseries.csv');
const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
let header = null;
const at = {};
let wanted = null;
/** point ids seen per condition: a condition with several (a sweep) is shown per point */
const points = new Map();
const rows_ = [];
for await (const line of lines) {
  if (line === '') continue;
  const cells = line.split(',');
  if (!header) {
    header = cells;
    for (const name of ['condition', 'point_id', 'replicate', 'tick', 'status', metric]) at[name] = header.indexOf(name);
    if (at[metric] < 0) {
      console.error(`${file} has no column "${metric}"; columns: ${header.join(', ')}`);
      process.exit(2);
    }
    wanted = final ? null : new Set(ticks);
    continue;
  }
  if (final && at.status >= 0 && cells[at.status] !== 'ok') continue;
  if (!final && !wanted.has(Number(cells[at.tick]))) continue;
  const point = at.point_id >= 0 ? cells[at.point_id] : '';
  if (!points.has(cells[at.condition])) points.set(cells[at.condition], new Set());
  points.get(cells[at.condition]).add(point);
  rows_.push([cells[at.condition], point, Number(cells[at.replicate]), final ? 'final' : Number(cells[at.tick]), cells[at[metric]]]);
}
for (const [name, point, replicate, key, cell] of rows_) {
  const condition = points.get(name).size > 1 ? `${name}/${point}` : name;
  if (!values.has(condition)) values.set(condition, new Map());
  const byTick = values.get(condition);
  if (!byTick.has(key)) byTick.set(key, new Map());
  byTick.get(key).set(replicate, cell === '' ? NaN : Number(cell));
}
if (reference !== undefined && !values.has(reference)) {
  console.error(`no condition "${reference}"; conditions: ${[...values.keys()].join(', ')}`);
  process.exit(2);
}

function cell(xs) {
  const ok = xs.filter((x) => !Number.isNaN(x));
  if (ok.length === 0) return '–';
  const mean = ok.reduce((a, b) => a + b, 0) / ok.length;
  const sd = ok.length > 1 ? Math.sqrt(ok.reduce((a, b) => a + (b - mean) ** 2, 0) / (ok.length - 1)) : 0;
  const half = (1.96 * sd) / Math.sqrt(ok.length);
  const sign = reference !== undefined && mean > 0 ? '+' : '';
  return `${sign}${mean.toFixed(3)} ±${half.toFixed(3)}${ok.length < xs.length ? ` (n=${ok.length})` : ''}`;
}

const title = reference !== undefined ? `${metric}: difference from ${reference}, paired by replicate` : metric;
const head = ['condition', ...ticks.map((t) => (final ? 'final' : `t=${t}`))];
const rows = [];
for (const [condition, byTick] of values) {
  const row = [condition];
  for (const t of ticks) {
    const reps = byTick.get(t) ?? new Map();
    if (reference === undefined) row.push(cell([...reps.values()]));
    else {
      const base = values.get(reference).get(t) ?? new Map();
      row.push(cell([...reps].filter(([r]) => base.has(r)).map(([r, v]) => v - base.get(r))));
    }
  }
  rows.push(row);
}
console.log(title);
console.log(`| ${head.join(' | ')} |`);
console.log(`|${head.map(() => '---').join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
