/**
 * The fields charts group and plot by, with their titles and types: the
 * condition (coloured in manifest order), the tick, and parameter columns.
 */
import type { CsvValue, ResultSet } from '../../output/read-results.ts';
import { humanise } from '../labels.ts';
import { colorScale, orderedColorScale } from '../palette.ts';
import type { ColorRef, FieldRef } from './base.ts';

export const TICK: FieldRef = { field: 'tick', title: 'Tick', type: 'quantitative', integer: true };

/** The condition, coloured by its position among the manifest's conditions. */
/**
 * The condition as colour (and axis), every condition with its colour from the
 * manifest's order. With `shown`, only those conditions are in the domain (a metric
 * some conditions do not have), each keeping its colour.
 */
export function conditionRef(results: ResultSet, shown?: ReadonlySet<string>): ColorRef {
  const names = conditionNames(results);
  const full = colorScale(names);
  const keep = names.map((_, i) => i).filter((i) => !shown || shown.has(names[i]));
  const kept = keep.map((i) => names[i]);
  return { field: 'condition', title: 'Condition', type: 'nominal', sort: kept, scale: { domain: kept, range: keep.map((i) => full.range[i]) } };
}

/** The conditions without a value in `rows` (a metric they do not have), for the note that says so. */
export function conditionsWithout(results: ResultSet, rows: readonly { condition?: unknown }[]): { shown: Set<string>; note: string[] } {
  const shown = new Set(rows.map((r) => String(r.condition)));
  const missing = conditionNames(results).filter((c) => !shown.has(c));
  return { shown, note: missing.length > 0 ? [`no values in condition${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (left out)`] : [] };
}

export function conditionNames(results: ResultSet): string[] {
  return results.manifest.conditions.map((c) => c.name);
}

/** A parameter column of runs.csv: quantitative when every value is a number. */
export function paramRef(results: ResultSet, name: string): FieldRef {
  const values = paramValues(results, name);
  const numeric = values.length > 0 && values.every((v) => typeof v === 'number');
  const integer = numeric && values.every((v) => Number.isInteger(v));
  return { field: name, title: humanise(name), type: numeric ? 'quantitative' : 'nominal', integer, ...(numeric ? {} : { sort: values }) };
}

/**
 * A parameter used as colour: its distinct values, sorted, each with a palette
 * colour (numbers: `orderedColorScale`, so many values get shades, not repeats).
 */
export function paramColorRef(results: ResultSet, name: string): ColorRef {
  const values = paramValues(results, name);
  const numeric = values.every((v) => typeof v === 'number');
  return { ...paramRef(results, name), type: 'nominal', sort: values, scale: numeric ? orderedColorScale(values) : colorScale(values) };
}

/**
 * The distinct values a parameter takes across runs: numbers sorted numerically; names
 * (a swept choice) in the order the scenario's sweep lists them, which is the order its
 * author meant (e.g. efficient networks before inefficient ones); anything else sorted.
 */
export function paramValues(results: ResultSet, name: string): CsvValue[] {
  const distinct = [...new Set(results.runs.map((r) => r.params[name] ?? null))];
  if (distinct.some((v) => typeof v !== 'number')) {
    const swept = [...new Set((results.manifest.points ?? []).map((p) => p.values[name]))].filter((v) => v !== undefined);
    if (swept.length === distinct.length && distinct.every((v) => swept.includes(v))) return swept;
  }
  return distinct.sort(compareValues);
}

/** Numbers numerically, anything else by code units (never by locale, so order is stable everywhere). */
function compareValues(a: CsvValue, b: CsvValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Parameter columns of runs.csv, in file order. */
export function paramNames(results: ResultSet): string[] {
  return results.runs.length > 0 ? Object.keys(results.runs[0].params) : [];
}
