/** CSV text through csv-stringify, with orgsim's number format (see format.ts). */
import { stringify } from 'csv-stringify/sync';
import { formatValue } from './format.ts';

export type Cell = number | string | boolean;

export function csvLines(rows: readonly (readonly Cell[])[]): string {
  return stringify(rows.map((row) => row.map(formatValue)), { eof: true, record_delimiter: '\n' });
}

export function csvHeader(columns: readonly string[]): string {
  return stringify([columns as string[]], { eof: true, record_delimiter: '\n' });
}
