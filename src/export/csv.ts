/**
 * CSV writing (RFC 4180) that is safe to open in a spreadsheet: cells that a spreadsheet would
 * run as a formula are prefixed with an apostrophe.
 */

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A plain number ("-12.34567"): a spreadsheet reads it as a number, never as a formula. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * Quotes one cell: doubles quotes, wraps cells holding a comma, quote or line break, and
 * prefixes formula-like cells with `'` (but not negative numbers: southern latitudes and western
 * longitudes stay numbers).
 * @example csvCell('=1+1') // "'=1+1"
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A CSV document with a header row, CRLF line ends.
 * @example toCsv(['a', 'b'], [{ a: '1', b: 'x,y' }]) // 'a,b\r\n1,"x,y"\r\n'
 */
export function toCsv<K extends string>(columns: readonly K[], rows: Record<K, string>[]): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c] ?? '')).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** CSV text back into rows of cells (tests and the import check read downloads with it). */
export { parseCsvRows as parseCsv } from '../gazetteer/csv.ts';
