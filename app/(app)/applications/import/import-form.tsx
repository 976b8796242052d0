'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useRef, useState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/state';
import { MAX_FILE_BYTES } from '@/lib/csv/limits';
import { ImportPreviewForm } from './import-preview-form';
import type { ImportPreview } from './preview-data';

type ImportState = ActionState<string, ImportPreview>;

/** Where the steps are posted: a route with the import's own body limit, as a file is too large for a server action. */
const IMPORT_ROUTE = '/api/applications/import';

/** One step, posted to the import's route; whatever happens, the answer is the form's next state. */
async function postImportStep(formData: FormData): Promise<ImportState> {
  try {
    const response = await fetch(IMPORT_ROUTE, { method: 'POST', body: formData });
    return (await response.json()) as ImportState;
  } catch {
    return { ok: false, message: 'The import did not go through, and nothing was saved. Check your connection and try again.' };
  }
}

/** Step 1, choosing a file; step 2, the preview and the import, appear under it once the file is read. */
export function ImportForm() {
  const router = useRouter();
  const [state, formAction] = useActionState(async (previous: ImportState, formData: FormData): Promise<ImportState> => {
    const next = await postImportStep(formData);
    if (!next.redirectTo) return next;
    router.push(next.redirectTo);
    // The rows are written: the preview stays as it was while the table opens.
    return previous;
  }, { ok: false });
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  // Which field had focus when the preview was asked for again, to give it back in the redrawn form.
  const refocusRef = useRef<string | null>(null);
  const preview = state.data;
  const fileErrors = tooLarge ? [tooLarge] : state.fieldErrors?.file;

  return (
    <>
      <form
        action={formAction}
        noValidate
        className="max-w-xl space-y-2"
        onSubmit={(event) => {
          // Refused here as well as on the server, so a large file is not sent only to be turned away.
          if (tooLarge) event.preventDefault();
        }}
      >
        <input type="hidden" name="intent" value="preview" />
        <Field
          name="file"
          label="CSV file"
          type="file"
          accept=".csv,.txt,text/csv"
          hint="Up to 2 MB and 5,000 rows, with the column names on the first line."
          errors={fileErrors}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            setTooLarge(
              file && file.size > MAX_FILE_BYTES
                ? `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 2 MB. Split it and import the parts one by one.`
                : null,
            );
          }}
        />
        {!preview && <FormMessage ok={state.ok} message={state.message} />}
        <SubmitButton pendingLabel="Reading the file…">Preview import</SubmitButton>
      </form>
      {preview && <ImportPreviewForm key={preview.previewId} preview={preview} state={state} action={formAction} refocusRef={refocusRef} />}
    </>
  );
}
