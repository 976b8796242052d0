'use client';

import { type RefObject, useEffect, useRef } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/state';
import { COLUMN_TARGETS } from '@/lib/csv/columns';
import { DATE_ORDERS } from '@/lib/csv/dates';
import { plural } from '@/lib/words';
import type { ImportPreview } from './preview-data';
import { PreviewProblems, PreviewSample } from './preview-rows';


/**
 * Step 2: what the file would become. Changing a column's field previews
 * again at once; the import button sends the same text back, and the server
 * reads and checks it all again before writing anything.
 */
export function ImportPreviewForm({
  preview,
  state,
  action,
  refocusRef,
}: {
  preview: ImportPreview;
  state: ActionState<string, ImportPreview>;
  action: (formData: FormData) => void;
  refocusRef: RefObject<string | null>;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const refresh = useRef<HTMLDivElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const blocked = preview.mappingProblems.length > 0;

  // The form is drawn afresh for every preview, so focus is placed on purpose: back on the
  // field that was changed; else on why an import did not happen (a new live region is not
  // always announced); else on the heading of a new file's preview.
  const refused = Boolean(state.message);
  useEffect(() => {
    const field = !preview.fromUpload && refocusRef.current ? document.getElementById(refocusRef.current) : null;
    (field ?? (refused ? outcome.current : heading.current))?.focus();
    refocusRef.current = null;
  }, [preview.fromUpload, refocusRef, refused]);

  const previewAgain = (event: React.ChangeEvent<HTMLSelectElement>) => {
    refocusRef.current = event.currentTarget.id;
    event.currentTarget.form?.requestSubmit(refresh.current?.querySelector('button') ?? undefined);
  };

  return (
    <form action={action} className="mt-8 space-y-8" aria-labelledby="import-preview-title">
      <input type="hidden" name="csv" value={preview.csv} />
      <input type="hidden" name="fileName" value={preview.fileName} />
      <input type="hidden" name="uploadId" value={preview.uploadId} />
      <input type="hidden" name="previewed" value={preview.previewed} />

      <div>
        <h2 id="import-preview-title" ref={heading} tabIndex={-1} className="text-xl font-semibold text-stone-900 outline-none">
          Preview of {preview.fileName}
        </h2>
        <p className="mt-1 text-sm text-stone-700">
          {blocked
            ? `${plural(preview.rowCount, 'row')} read. Choose the columns below to see what would be imported.`
            : `${plural(preview.rowCount, 'row')} read: ${preview.importable.toLocaleString('en')} ready to import, ${plural(preview.problems.length, 'row')} with problems.`}{' '}
          Nothing has been saved yet.
        </p>
      </div>

      <fieldset className="space-y-3">
        <legend className="text-base font-semibold text-stone-900">What each column fills</legend>
        <div className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-3">
          {preview.headers.map((header, index) => (
            <SelectField
              key={index}
              id={`column-${index}`}
              name="column"
              label={`Column “${header || `number ${index + 1}`}”`}
              hint={preview.samples[index] ? `For example: ${preview.samples[index].slice(0, 60)}` : 'Empty in every row'}
              options={COLUMN_TARGETS}
              defaultValue={preview.mapping[index]}
              onChange={previewAgain}
            />
          ))}
        </div>
        {blocked && (
          <ul role="alert" className="list-disc space-y-1 rounded-md border border-red-200 bg-red-50 py-3 pr-4 pl-8 text-sm text-red-800">
            {preview.mappingProblems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
        <DateOrder preview={preview} onChange={previewAgain} />
        <div ref={refresh}>
          <SubmitButton name="intent" value="preview" variant="secondary" pendingLabel="Updating the preview…">
            Update preview
          </SubmitButton>
        </div>
      </fieldset>

      {!blocked && <PreviewProblems problems={preview.problems} />}
      {!blocked && <PreviewSample rows={preview.sample} total={preview.importable} />}

      <div className="space-y-2 border-t border-stone-200 pt-6">
        <div ref={outcome} tabIndex={-1} className="outline-none">
          <FormMessage ok={state.ok} message={state.message} />
        </div>
        {preview.importable > 0 && !blocked ? (
          <>
            <p className="text-sm text-stone-700">
              The rows with problems are left out. If any application fails to save, none are.
            </p>
            <SubmitButton name="intent" value="import" pendingLabel="Importing…">
              Import {plural(preview.importable, 'application')}
            </SubmitButton>
          </>
        ) : (
          !blocked && <p className="text-sm text-stone-700">No row can be imported: fix the problems listed in the file and upload it again.</p>
        )}
      </div>
    </form>
  );
}

/** Says how 03/04/2026 is read, and lets the person choose when the file itself does not settle it. */
function DateOrder({ preview, onChange }: { preview: ImportPreview; onChange: (event: React.ChangeEvent<HTMLSelectElement>) => void }) {
  if (!preview.hasAmbiguousDates) return <input type="hidden" name="dateOrder" value={preview.dateOrder} />;
  if (preview.dateOrderFromFile) {
    return (
      <p className="text-sm text-stone-700">
        <input type="hidden" name="dateOrder" value={preview.dateOrder} />
        Dates like 03/04/2026 are read {preview.dateOrder === 'day-first' ? 'day first (3 April)' : 'month first (4 March)'}, as
        other dates in the file show.
      </p>
    );
  }
  return (
    <div className="max-w-md">
      <SelectField
        name="dateOrder"
        label="How to read dates like 03/04/2026"
        hint="The file could mean either. Afterword assumes month first, as US trackers write dates; change it if yours are day first."
        options={DATE_ORDERS}
        defaultValue={preview.dateOrder}
        onChange={onChange}
      />
    </div>
  );
}
