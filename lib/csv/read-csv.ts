import Papa from 'papaparse';
import { MAX_ROWS } from './limits';

/** One data row, numbered as a spreadsheet numbers it: the header is line 1. */
export type CsvRecord = { line: number; cells: string[] };

export type CsvFile =
  | { ok: true; headers: string[]; records: CsvRecord[]; problems: { line: number; reason: string }[] }
  | { ok: false; message: string };

/**
 * The separator is the one the header line uses most. Papa's own guess looks
 * at data rows too, where commas inside unquoted notes can outvote the
 * semicolons of a European spreadsheet.
 */
function separatorOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t', '|'].map((sep) => ({ sep, count: header.split(sep).length - 1 }));
  const best = counts.reduce((a, b) => (b.count > a.count ? b : a));
  return best.count > 0 ? best.sep : ',';
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/**
 * Reads CSV text: quoted fields with commas, quotes and line breaks in them,
 * CRLF or LF, a UTF-8 byte-order mark, and comma, semicolon, tab or pipe
 * separators. Blank lines are skipped but still counted, so line
 * numbers match what a spreadsheet shows.
 */
export function readCsv(text: string): CsvFile {
  if (text.trim() === '') return { ok: false, message: 'The file is empty.' };
  if (text.includes('\u0000')) return { ok: false, message: 'This is not a CSV file: save your spreadsheet as CSV (UTF-8) and try again.' };
  const body = text.replace(/^\ufeff/, '');
  const parsed = Papa.parse<string[]>(body, { delimiter: separatorOf(body), skipEmptyLines: false });
  const [headerRow, ...rows] = parsed.data;
  if (!headerRow || isBlank(headerRow)) {
    return { ok: false, message: 'The first line should name the columns (for example Company, Position, Status).' };
  }
  const dataRows = rows.filter((cells) => !isBlank(cells)).length;
  if (dataRows === 0) return { ok: false, message: 'The file has a header line but no applications under it.' };
  if (dataRows > MAX_ROWS) {
    return { ok: false, message: `The file has ${dataRows.toLocaleString('en')} rows; import at most ${MAX_ROWS.toLocaleString('en')} at a time by splitting it.` };
  }

  // Papa numbers rows from 0, header included: row r is line r + 1.
  const badQuotes = new Set(parsed.errors.filter((e) => e.type === 'Quotes' && e.row !== undefined).map((e) => e.row! + 1));
  const problems = [...badQuotes].map((line) => ({
    line,
    reason: 'A quoted value is not closed, so this line and what follows it cannot be read.',
  }));
  const records: CsvRecord[] = [];
  rows.forEach((cells, index) => {
    const line = index + 2;
    if (!isBlank(cells) && !badQuotes.has(line)) records.push({ line, cells });
  });
  return { ok: true, headers: headerRow.map((h) => h.trim()), records, problems };
}
