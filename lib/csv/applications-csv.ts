import { type ApplicationStage, stageLabel } from '@/lib/pipeline/stages';
import { toCsv } from './neutralise';

export type ExportedApplication = {
  company: string;
  position: string;
  stage: ApplicationStage;
  appliedOn: string | null;
  jobUrl: string | null;
  location: string | null;
  source: string | null;
  notes: string | null;
  archived: boolean;
  createdAt: Date;
  updatedAt: Date;
  history: string | null;
};

// Header names the import maps back by itself, so an export imports again unchanged.
const HEADER = [
  'Company',
  'Position',
  'Stage',
  'Date Applied',
  'Job URL',
  'Location',
  'Source',
  'Notes',
  'Archived',
  'Created',
  'Updated',
  'Stage History',
];

/** The applications as a spreadsheet-safe CSV (every cell neutralised). */
export function applicationsCsv(rows: readonly ExportedApplication[]): string {
  return toCsv(
    HEADER,
    rows.map((row) => [
      row.company,
      row.position,
      stageLabel(row.stage),
      row.appliedOn ?? '',
      row.jobUrl ?? '',
      row.location ?? '',
      row.source ?? '',
      row.notes ?? '',
      row.archived ? 'yes' : 'no',
      row.createdAt.toISOString(),
      row.updatedAt.toISOString(),
      row.history ?? '',
    ]),
  );
}
