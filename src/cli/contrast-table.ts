/**
 * What `orgsim contrasts` prints: per pair of conditions, an aligned table of
 * metric, pairs, both means and the difference b − a with its 95% interval, for
 * the first few sweep points (all of them are in contrasts.csv).
 */
import type { ContrastsResult } from '../experiment/contrasts.ts';
import { formatNumber, formatValue } from '../output/format.ts';

/** Sweep points printed per pair; contrasts.csv has every point. */
const POINTS_PRINTED = 5;

/** The tables of every pair, for the metrics given (in the result's metric order), ending in a newline. */
export function contrastTables(result: ContrastsResult, metrics: readonly string[]): string {
  const shownPoints = result.points.slice(0, POINTS_PRINTED);
  const sweep = result.points.length > 1;
  const blocks = result.pairs.map((pair) => {
    const header = [...(sweep ? ['point'] : []), 'metric', 'n', 'mean a', 'mean b', 'difference [95% CI]'];
    const cells = result.rows
      .filter((r) => r.condition_a === pair.a && r.condition_b === pair.b && metrics.includes(r.metric) && shownPoints.includes(r.point_id))
      .map((r) => [
        ...(sweep ? [String(r.point_id)] : []),
        r.metric,
        String(r.n_pairs),
        shown(r.mean_a),
        shown(r.mean_b),
        `${shown(r.difference)} [${shown(r.ci_low)}, ${shown(r.ci_high)}]`,
      ]);
    const title =
      `${pair.b} − ${pair.a}: ${pair.factor} ${formatValue(pair.valueA)} → ${formatValue(pair.valueB)} ` +
      `(a = ${pair.a}, b = ${pair.b})`;
    const more = result.points.length - shownPoints.length;
    const tail = more > 0 ? [`  … and ${more} more point${more > 1 ? 's' : ''} in contrasts.csv`] : [];
    return [title, ...aligned([header, ...cells]).map((line) => `  ${line}`), ...tail].join('\n');
  });
  return blocks.join('\n\n') + '\n';
}

/** A number as results files write it; "NA" where undefined (an empty cell in the CSV). */
function shown(x: number): string {
  return Number.isNaN(x) ? 'NA' : formatNumber(x);
}

/** Rows of cells as lines, each column padded to its widest cell (two spaces apart). */
function aligned(rows: readonly string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd());
}
