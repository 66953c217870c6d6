/**
 * The small CSV tables models read (edge lists, org charts): lines of comma-separated
 * values, `#` comments and blank lines skipped, a UTF-8 byte-order mark dropped, an
 * optional header of names (lower-cased, so they match in any case), each value with its line and
 * column for messages. Plain text in, so it runs in a browser too; reading the file is
 * the caller's (see RunContext.readInput).
 */
import { UserInputError } from '../../errors.ts';

export interface CsvField {
  /** The value with surrounding whitespace (and one pair of double quotes) removed. */
  text: string;
  /** 1-based line and column where it starts. */
  line: number;
  column: number;
}

export interface CsvTable {
  /** Lower-cased header names, or null when the first line holds only numbers (no header). */
  header: string[] | null;
  /** The data rows, in file order. */
  rows: CsvField[][];
}

/** Splits `text`; a first line with a name in it (a value with a letter that is not a number) is the header. */
export function readCsvTable(text: string): CsvTable {
  const rows: CsvField[][] = [];
  let header: string[] | null = null;
  let first = true;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const trimmed = raw.trim();
      if (trimmed === '' || trimmed.startsWith('#')) return;
      const fields = splitFields(raw, index + 1);
      if (first && fields.some((f) => /[A-Za-z_]/.test(f.text) && !Number.isFinite(Number(f.text)))) header = fields.map((f) => f.text.toLowerCase());
      else rows.push(fields);
      first = false;
    });
  return { header, rows };
}

/** The column of the first of `names` the header has, or -1 (also without a header). */
export function columnOf(header: readonly string[] | null, names: readonly string[]): number {
  if (!header) return -1;
  for (const name of names) {
    const i = header.indexOf(name);
    if (i >= 0) return i;
  }
  return -1;
}

/** An integer id in a field, or a UserInputError at the field naming what was expected. */
export function integerField(field: CsvField | undefined, file: string, what: string, at: { line: number }): number {
  if (field === undefined || field.text === '') throw new UserInputError(`missing ${what}`, { file, line: at.line });
  if (!/^[+-]?\d+$/.test(field.text)) {
    const why = Number.isFinite(Number(field.text)) ? 'is not an integer' : 'is not a number';
    throw new UserInputError(`${what} "${field.text}" ${why}`, { file, line: field.line, column: field.column });
  }
  return Number(field.text);
}

function splitFields(raw: string, line: number): CsvField[] {
  const fields: CsvField[] = [];
  let start = 0;
  for (;;) {
    const comma = raw.indexOf(',', start);
    const part = raw.slice(start, comma < 0 ? raw.length : comma);
    const lead = part.length - part.trimStart().length;
    fields.push({ text: part.trim().replace(/^"(.*)"$/, '$1'), line, column: start + lead + 1 });
    if (comma < 0) return fields;
    start = comma + 1;
  }
}
