import { z } from 'zod';
import type { ApplicationInput } from '@/lib/pipeline/application-input';
import { type ApplicationStage, STAGES } from '@/lib/pipeline/stages';
import { optionalLine, optionalPastDate, optionalText, optionalUrl, requiredLine } from '@/lib/validation/fields';
import { chosenMapping, type ColumnTarget, guessMapping, type ImportField, mappingProblems, SKIP } from './columns';
import { type DateOrder, detectDateOrder, parseDate } from './dates';
import { unneutraliseCell } from './neutralise';
import { type CsvRecord, readCsv } from './read-csv';
import { stageFromWord } from './stage-words';

/** The same rules as the application forms, so a value is judged the same wherever it comes from. */
const importRowSchema = z.object({
  company: requiredLine('Company'),
  position: requiredLine('Position'),
  jobUrl: optionalUrl('Job URL'),
  location: optionalLine('Location'),
  source: optionalLine('Source'),
  notes: optionalText('Notes'),
  appliedOn: optionalPastDate('Applied date'),
});

const LABELS: Record<ImportField, string> = {
  company: 'Company',
  position: 'Position',
  stage: 'Stage',
  appliedOn: 'Applied date',
  jobUrl: 'Job URL',
  location: 'Location',
  source: 'Source',
  notes: 'Notes',
};

export type ImportRow = ApplicationInput & { stage?: ApplicationStage };
export type RowProblem = { line: number; reason: string };

export type ImportPlan = {
  headers: string[];
  /** The first value found in each column, so the person can tell columns apart. */
  samples: string[];
  mapping: ColumnTarget[];
  dateOrder: DateOrder;
  /** True when the file's own dates settle the order (a 13th day or later); otherwise it is assumed or chosen. */
  dateOrderFromFile: boolean;
  /** Whether any date could be read both ways, i.e. whether the order matters at all. */
  hasAmbiguousDates: boolean;
  /** Every data row read, whether it can be imported or not. */
  rowCount: number;
  rows: ImportRow[];
  /** Lines of these rows in the file, in the same order as `rows`. */
  lines: number[];
  problems: RowProblem[];
  mappingProblems: string[];
};

export type PlanChoices = { mapping?: readonly (string | undefined)[]; dateOrder?: DateOrder };

const quoted = (value: string) => `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;

function rowProblems(issues: readonly z.core.$ZodIssue[], raw: Record<string, string>): string[] {
  return issues.map((issue) => {
    const field = String(issue.path[0]) as ImportField;
    const value = raw[field]?.trim() ?? '';
    if (value === '') return `${LABELS[field]} is empty.`;
    return `${issue.message.replace(/\.$/, '')} (found ${quoted(value)}).`;
  });
}

function checkRow(record: CsvRecord, mapping: readonly ColumnTarget[], dateOrder: DateOrder) {
  const raw: Record<string, string> = {};
  mapping.forEach((target, index) => {
    if (target !== SKIP) raw[target] = unneutraliseCell(record.cells[index] ?? '');
  });
  const reasons: string[] = [];
  let stage: ApplicationStage | undefined;
  const stageWord = raw.stage?.trim();
  if (stageWord) {
    stage = stageFromWord(stageWord) ?? undefined;
    if (!stage) reasons.push(`Stage ${quoted(stageWord)} is not one Afterword knows: use ${STAGES.map((s) => s.label).join(', ')}.`);
  }
  const candidate: Record<string, string> = { ...raw };
  const dateText = raw.appliedOn?.trim();
  const date = dateText ? parseDate(dateText, dateOrder) : null;
  if (date?.ok) candidate.appliedOn = date.date;
  else if (date) reasons.push(`Applied date ${quoted(dateText!)} is not a date: write it like 2026-03-14.`);
  const result = importRowSchema.safeParse(candidate);
  if (!result.success) {
    // An unreadable date is explained above; zod would only repeat it in other words.
    const issues = result.error.issues.filter((i) => !(date && !date.ok && i.path[0] === 'appliedOn'));
    reasons.push(...rowProblems(issues, candidate));
  }
  if (!result.success || reasons.length > 0) return { ok: false as const, reason: reasons.join(' ') };
  return { ok: true as const, row: { ...result.data, stage } };
}

/**
 * Everything the import would do with a file, without writing anything:
 * the column mapping, the rows that would import, and every row that would
 * not, with its line and reason. The preview shows it; the import runs it
 * again on the server from the same text, never trusting what the page sent.
 */
export function planImport(text: string, choices: PlanChoices = {}): { ok: true; plan: ImportPlan } | { ok: false; message: string } {
  const file = readCsv(text);
  if (!file.ok) return file;
  const { headers, records } = file;
  const mapping = choices.mapping ? chosenMapping(headers, choices.mapping) : guessMapping(headers);
  const samples = headers.map((_, index) => records.find((r) => r.cells[index]?.trim())?.cells[index]?.trim() ?? '');

  const dateColumn = mapping.indexOf('appliedOn');
  const dates = dateColumn === -1 ? [] : records.map((r) => r.cells[dateColumn] ?? '');
  const detected = detectDateOrder(dates);
  const dateOrder = detected.order ?? choices.dateOrder ?? 'month-first';

  const problems = [...file.problems];
  const rows: ImportRow[] = [];
  const lines: number[] = [];
  const blocking = mappingProblems(mapping);
  if (blocking.length === 0) {
    for (const record of records) {
      const checked = checkRow(record, mapping, dateOrder);
      if (checked.ok) {
        rows.push(checked.row);
        lines.push(record.line);
      } else problems.push({ line: record.line, reason: checked.reason });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return {
    ok: true,
    plan: {
      headers,
      samples,
      mapping,
      dateOrder,
      dateOrderFromFile: detected.order !== null,
      hasAmbiguousDates: detected.ambiguous,
      rowCount: records.length + file.problems.length,
      rows,
      lines,
      problems,
      mappingProblems: blocking,
    },
  };
}
