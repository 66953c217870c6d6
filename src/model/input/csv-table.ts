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

/**
 * Splits `text`; a first line with a name in it (a value with a letter that is not a
 * number) is the header. Fields may be quoted ("Smith, J"; "" for a quote inside), as
 * spreadsheets and Gephi write them. A file that is not UTF-8 text (UTF-16 from a
 * spreadsheet's "Unicode text", or binary) and a header naming a column twice are
 * UserInputErrors naming `file`.
 */
export function readCsvTable(text: string, file: string): CsvTable {
  if (text.includes('\u0000')) {
    throw new UserInputError('is not UTF-8 text (it looks like UTF-16, as "Unicode text" exports are, or a binary file): save it as a UTF-8 CSV', { file });
  }
  const rows: CsvField[][] = [];
  let header = null as string[] | null;
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
  const names = header;
  const twice = names?.find((name, i) => name !== '' && names.indexOf(name) !== i);
  if (twice !== undefined) throw new UserInputError(`the header names the column "${twice}" twice; which one is meant?`, { file, line: 1 });
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

/** The fields of one line: comma-separated, each optionally in double quotes (a comma inside quotes is text, "" is a quote). */
function splitFields(raw: string, line: number): CsvField[] {
  const fields: CsvField[] = [];
  let at = 0;
  for (;;) {
    while (raw[at] === ' ' || raw[at] === '\t') at++;
    const column = at + 1;
    let text = '';
    if (raw[at] === '"') {
      at++;
      for (; at < raw.length; at++) {
        if (raw[at] !== '"') text += raw[at];
        else if (raw[at + 1] === '"') text += raw[at++];
        else break;
      }
      at++; // the closing quote
      const comma = raw.indexOf(',', at);
      at = comma < 0 ? raw.length : comma;
    } else {
      const comma = raw.indexOf(',', at);
      text = raw.slice(at, comma < 0 ? raw.length : comma).trim();
      at = comma < 0 ? raw.length : comma;
    }
    fields.push({ text, line, column });
    if (at >= raw.length) return fields;
    at++; // past the comma
  }
}
