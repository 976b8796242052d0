import { z } from 'zod';
import { MAX_FILE_BYTES } from '@/lib/csv/limits';

/**
 * The import form's text fields. The uploaded file and the per-column
 * choices (repeated `column` fields) are read from the FormData itself;
 * anything else the form does not offer is dropped.
 */
export const importSchema = z.object({
  intent: z.enum(['preview', 'import']).catch('preview'),
  /** The file's text, carried from the preview to the import and read again there from scratch. */
  csv: z.string().max(MAX_FILE_BYTES, 'The file is larger than 2 MB: split it and import the parts one by one.').optional(),
  fileName: z.string().max(255).optional().catch(undefined),
  uploadId: z.uuid().optional().catch(undefined),
  dateOrder: z.enum(['month-first', 'day-first']).optional().catch(undefined),
  /** The mapping the shown preview was made with: importing anything else needs a fresh look first. */
  previewed: z.string().max(4000).optional().catch(undefined),
  file: z.unknown().optional(),
});

export type ImportFields = keyof z.input<typeof importSchema>;
