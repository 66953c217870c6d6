/**
 * How numbers are written: FLOAT_DIGITS significant digits, then the shortest decimal
 * that reads back to that rounded value (JavaScript's number-to-string, the same on
 * every platform). Integers up to 2^53 are written exactly. NaN (a metric with no
 * value, e.g. mean team size when no team formed) is an empty cell, which pandas and
 * readr read as missing. Never locale-dependent. Parameter values are the exception:
 * they are written exactly (see `exactCell`).
 */
export const FLOAT_DIGITS = 6;

/** x rounded to FLOAT_DIGITS significant digits: the value a results file holds. */
export function roundToStored(x: number): number {
  return Number(x.toPrecision(FLOAT_DIGITS));
}

export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return '';
  if (Number.isInteger(x)) return String(x);
  return String(roundToStored(x));
}

/**
 * A parameter value as runs.csv writes it: a number as the shortest decimal that reads
 * back to the same double (never rounded), so the values written are the values run.
 */
export function exactCell(x: number | string | boolean): string | boolean {
  return typeof x === 'number' ? String(x) : x;
}

export function formatValue(x: number | string | boolean): string {
  return typeof x === 'number' ? formatNumber(x) : String(x);
}
