import type { ColumnTarget } from '@/lib/csv/columns';
import type { DateOrder } from '@/lib/csv/dates';
import type { ImportPlan, RowProblem } from '@/lib/csv/import-plan';
import { stageLabel } from '@/lib/pipeline/stages';

/** How many imported rows the preview shows in full. */
export const SAMPLE_ROWS = 20;

export type PreviewRow = {
  line: number;
  company: string;
  position: string;
  stage: string;
  appliedOn: string;
  jobUrl: string;
  location: string;
};

/** What the import page shows between reading a file and writing it; all of it is recomputed on import. */
export type ImportPreview = {
  /** New for every preview: the form is drawn afresh, since React resets a form's fields to their first values after each action. */
  previewId: string;
  uploadId: string;
  fromUpload: boolean;
  csv: string;
  fileName: string;
  headers: string[];
  samples: string[];
  mapping: ColumnTarget[];
  /** The mapping and date order this preview was made with, sent back with the import. */
  previewed: string;
  dateOrder: DateOrder;
  dateOrderFromFile: boolean;
  hasAmbiguousDates: boolean;
  rowCount: number;
  importable: number;
  sample: PreviewRow[];
  problems: RowProblem[];
  mappingProblems: string[];
};

export const previewKey = (plan: Pick<ImportPlan, 'mapping' | 'dateOrder'>) => `${plan.mapping.join(',')}|${plan.dateOrder}`;

export function previewOf(
  plan: ImportPlan,
  file: { uploadId: string; fromUpload: boolean; csv: string; fileName: string },
): ImportPreview {
  return {
    previewId: crypto.randomUUID(),
    ...file,
    headers: plan.headers,
    samples: plan.samples,
    mapping: plan.mapping,
    previewed: previewKey(plan),
    dateOrder: plan.dateOrder,
    dateOrderFromFile: plan.dateOrderFromFile,
    hasAmbiguousDates: plan.hasAmbiguousDates,
    rowCount: plan.rowCount,
    importable: plan.rows.length,
    sample: plan.rows.slice(0, SAMPLE_ROWS).map((row, index) => ({
      line: plan.lines[index],
      company: row.company,
      position: row.position,
      stage: stageLabel(row.stage ?? (row.appliedOn ? 'applied' : 'wishlist')),
      appliedOn: row.appliedOn ?? '',
      jobUrl: row.jobUrl ?? '',
      location: row.location ?? '',
    })),
    problems: plan.problems,
    mappingProblems: plan.mappingProblems,
  };
}
