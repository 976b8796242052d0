/**
 * The application fields a CSV column can fill, and the header names other
 * trackers (Huntr, Teal) and ordinary spreadsheets give them.
 */

export const IMPORT_FIELDS = [
  { id: 'company', label: 'Company', headers: ['company', 'company name', 'employer', 'organization', 'organisation'] },
  {
    id: 'position',
    label: 'Position',
    headers: ['position', 'title', 'job title', 'role', 'job position', 'position title', 'job'],
  },
  { id: 'stage', label: 'Stage', headers: ['stage', 'status', 'list', 'application status', 'job status'] },
  {
    id: 'appliedOn',
    label: 'Applied date',
    headers: ['date applied', 'applied', 'applied on', 'date', 'applied date', 'application date'],
  },
  {
    id: 'jobUrl',
    label: 'Job URL',
    headers: ['url', 'job url', 'link', 'job link', 'posting url', 'posting link', 'job posting', 'job posting url'],
  },
  { id: 'location', label: 'Location', headers: ['location', 'job location', 'city'] },
  { id: 'source', label: 'Source', headers: ['source', 'job source', 'found via', 'found on'] },
  { id: 'notes', label: 'Notes', headers: ['notes', 'note', 'description', 'comments', 'comment', 'job description'] },
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number]['id'];
/** A column that is left out of the import. */
export const SKIP = 'skip';
export type ColumnTarget = ImportField | typeof SKIP;

export const COLUMN_TARGETS: readonly { id: ColumnTarget; label: string }[] = [
  ...IMPORT_FIELDS.map(({ id, label }) => ({ id, label })),
  { id: SKIP, label: 'Don’t import' },
];

const isTarget = (value: string): value is ColumnTarget => COLUMN_TARGETS.some((t) => t.id === value);

export const fieldLabel = (field: ImportField) => IMPORT_FIELDS.find((f) => f.id === field)!.label;

// "Job_Title", "job-title" and " JOB TITLE " are the same header.
const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * What each column fills, guessed from its header. When two columns could
 * fill the same field, the first one does and the other is skipped.
 */
export function guessMapping(headers: readonly string[]): ColumnTarget[] {
  const taken = new Set<ImportField>();
  return headers.map((header) => {
    const key = normalise(header);
    const field = IMPORT_FIELDS.find((f) => f.headers.some((h) => normalise(h) === key));
    if (!field || taken.has(field.id)) return SKIP;
    taken.add(field.id);
    return field.id;
  });
}

/**
 * The person's choices from the preview's selects, one per column, falling
 * back to the guess for any that is missing or is not a known target.
 */
export function chosenMapping(headers: readonly string[], chosen: readonly (string | undefined)[]): ColumnTarget[] {
  const guessed = guessMapping(headers);
  return headers.map((_, index) => {
    const value = chosen[index];
    return value !== undefined && isTarget(value) ? value : guessed[index];
  });
}

/** Why a mapping cannot import: a needed field with no column, or a field filled twice. */
export function mappingProblems(mapping: readonly ColumnTarget[]): string[] {
  const problems: string[] = [];
  for (const field of IMPORT_FIELDS) {
    const count = mapping.filter((target) => target === field.id).length;
    if (count > 1) problems.push(`${count} columns are set to ${field.label}: choose one.`);
  }
  for (const needed of ['company', 'position'] as const) {
    if (!mapping.includes(needed)) problems.push(`No column is set to ${fieldLabel(needed)}: choose the column that holds it.`);
  }
  return problems;
}
