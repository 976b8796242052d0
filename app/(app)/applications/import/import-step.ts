import { revalidatePath } from 'next/cache';
import type { ActionState } from '@/lib/actions/state';
import { authedAction } from '@/lib/auth/action';
import { planImport } from '@/lib/csv/import-plan';
import { MAX_FILE_BYTES } from '@/lib/csv/limits';
import { describeUnexpected, UserError } from '@/lib/errors';
import { importApplications } from '@/server/applications/import-applications';
import { holdToRateLimit, RateLimited } from '@/server/limits/rate-limit';
import { type ImportPreview, previewKey, previewOf } from './preview-data';
import { importSchema } from './schema';

async function readUpload(file: FormDataEntryValue | null): Promise<{ text: string; name: string }> {
  if (!(file instanceof File) || (file.size === 0 && !file.name)) throw new UserError('Choose a CSV file to import.');
  if (file.size > MAX_FILE_BYTES) {
    throw new UserError(`The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 2 MB. Split it and import the parts one by one.`);
  }
  const bytes = await file.arrayBuffer();
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), name: file.name };
  } catch {
    // Excel's plain "CSV" (not "CSV UTF-8") is Windows-1252: read it as that rather than refuse it.
    return { text: new TextDecoder('windows-1252').decode(bytes), name: file.name };
  }
}

/**
 * Both steps of the import. "preview" reads the file (uploaded, or carried
 * over from the last preview) and shows what would happen; "import" reads
 * the same text again from scratch, and writes the good rows in one
 * transaction only if the person is looking at a preview of exactly that.
 *
 * Not a server action: a file, and its text carried back, need a body far
 * larger than any form's, and server actions share one body limit. Its
 * route reads the request within the import's own limit and answers with
 * this step's state, including where to go once the rows are written.
 */
export const importStep = authedAction('importApplications', importSchema, async (input, user, formData) => {
  const fromUpload = input.csv === undefined;
  try {
    // Each step reads the whole file again: a new file counts as an import, every later step as a preview of it.
    await holdToRateLimit(fromUpload ? 'csvImport' : 'csvImportStep', user.id);
  } catch (error) {
    if (!(error instanceof RateLimited)) throw error;
    return { ok: false, message: 'That file cannot be imported just now.', fieldErrors: { file: [error.message] } };
  }
  const upload = fromUpload ? await readUpload(formData.get('file')) : { text: input.csv!, name: input.fileName ?? 'your file' };
  const chosen = formData.getAll('column').map(String);
  const planned = planImport(upload.text, { mapping: fromUpload ? undefined : chosen, dateOrder: input.dateOrder });
  if (!planned.ok) {
    return { ok: false, fieldErrors: { file: [planned.message] }, message: 'That file cannot be imported.' };
  }
  const { plan } = planned;
  const preview = previewOf(plan, {
    uploadId: (!fromUpload && input.uploadId) || crypto.randomUUID(),
    fromUpload,
    csv: upload.text,
    fileName: upload.name,
  });
  const show = (message?: string): ActionState<string, ImportPreview> => ({ ok: !message, message, data: preview });

  if (input.intent !== 'import') return show();
  if (plan.mappingProblems.length > 0) return show('Choose a column for each field marked above before importing.');
  if (input.previewed !== previewKey(plan)) return show('The columns changed since this preview: check it again, then import.');
  if (plan.rows.length === 0) return show('No row can be imported yet: fix the problems listed and upload the file again.');

  let imported: number;
  try {
    imported = await importApplications(user.id, plan.rows);
  } catch (error) {
    // The transaction rolled back: describeUnexpected's words ("nothing was saved") are true.
    return show(describeUnexpected('importApplications', error));
  }
  revalidatePath('/applications', 'layout');
  return { ok: true, redirectTo: `/applications/table?imported=${imported}` };
});
