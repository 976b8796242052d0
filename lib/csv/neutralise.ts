import Papa from 'papaparse';

/**
 * Spreadsheets run a cell that starts with = + - @ (and, in some, a tab or
 * carriage return) as a formula: `=HYPERLINK(...)` can send data away and
 * `+cmd|' /C calc'!A0` can start a program. A leading apostrophe makes the
 * cell plain text in Excel, LibreOffice and Google Sheets.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Undoes neutraliseCell, so a file Afterword exported imports back as it was
 * typed instead of gaining an apostrophe on every round trip.
 */
export function unneutraliseCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/**
 * Rows to CSV text with every cell neutralised. CRLF line ends (RFC 4180)
 * and a byte-order mark, so Excel reads the UTF-8 instead of guessing.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = [header, ...rows].map((row) => row.map(neutraliseCell));
  return `\ufeff${Papa.unparse(cells, { newline: '\r\n', quotes: false })}\r\n`;
}
