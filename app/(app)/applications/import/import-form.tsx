'use client';

import { useActionState, useRef, useState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { MAX_FILE_BYTES } from '@/lib/csv/limits';
import { importStep } from './actions';
import { ImportPreviewForm } from './import-preview-form';

/** Step 1, choosing a file; step 2, the preview and the import, appear under it once the file is read. */
export function ImportForm() {
  const [state, formAction] = useActionState(importStep, { ok: false });
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
