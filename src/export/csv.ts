/**
 * CSV writing (RFC 4180) that is safe to open in a spreadsheet: cells that a spreadsheet would
 * run as a formula are prefixed with an apostrophe.
 */

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Quotes one cell: doubles quotes, wraps cells holding a comma, quote or line break, and
 * prefixes formula-like cells with `'`.
 * @example csvCell('=1+1') // "'=1+1"
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
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

/**
 * Parses CSV text (RFC 4180 quoting) into rows of cells; used by tests and the import check.
 * @example parseCsv('a,"b,c"\r\n') // [['a', 'b,c']]
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
