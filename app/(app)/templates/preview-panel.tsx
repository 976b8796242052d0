'use client';

import Link from 'next/link';
import { SelectField } from '@/components/ui/select-field';
import type { PreviewApplication } from '@/db/queries/letter-templates';
import type { TemplatePreview } from '@/server/templates/preview-template';

const SAMPLE = { id: '', label: 'Sample data: Ada Lovelace writing to Grace Hopper' };

function problemOf(preview: TemplatePreview) {
  if (preview.status === 'missing') return `Not ready to send: missing ${preview.missing.map((m) => m.label.toLowerCase()).join(', ')}.`;
  return preview.status === 'invalid' ? preview.message : '';
}

function PreviewBody({ preview }: { preview: TemplatePreview }) {
  if (preview.status === 'rendered') {
    return (
      <>
        <p className="break-words text-sm text-stone-800">
          <span className="font-medium">Subject:</span> {preview.subject}
        </p>
        {/* sandbox="" runs nothing and reaches nothing: the letter is only looked at. */}
        <iframe
          sandbox=""
          srcDoc={preview.html}
          title="Letter preview"
          className="mt-2 h-[28rem] w-full rounded-md border border-stone-200 bg-white lg:h-[36rem]"
        />
      </>
    );
  }
  if (preview.status === 'missing') {
    return (
      <div className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
        <p className="font-medium">This letter could not be sent yet. It is missing:</p>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {preview.missing.map((m) => (
            <li key={m.label}>
              {m.label}: fill in{' '}
              {m.href ? (
                <Link href={m.href} className="underline underline-offset-2">
                  {m.fillIn}
                </Link>
              ) : (
                m.fillIn
              )}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return <p className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-800">{preview.message}</p>;
}

/**
 * The letter as it would be sent, rendered on the server from what is typed,
 * with sample facts or the facts of one of the person's applications.
 */
export function PreviewPanel({
  preview,
  pending,
  applications,
  applicationId,
  onApplicationChange,
}: {
  preview: TemplatePreview;
  pending: boolean;
  applications: PreviewApplication[];
  applicationId: string;
  onApplicationChange: (id: string) => void;
}) {
  const options = [SAMPLE, ...applications.map((a) => ({ id: a.id, label: `${a.company}: ${a.position}` }))];
  return (
    <section aria-labelledby="preview-heading" className="min-w-0">
      <h2 id="preview-heading" className="text-base font-semibold text-stone-900">
        Preview
      </h2>
      <div className="mt-2">
        <SelectField
          name="applicationId"
          id="preview-with"
          label="Preview with"
          hint={applications.length ? 'Sample facts, or the facts of one of your applications.' : 'Add an application to preview with your own facts.'}
          options={options}
          value={applicationId}
          onChange={(event) => onApplicationChange(event.target.value)}
        />
      </div>
      {/* Shown, not announced: a screen reader would hear it at every pause in typing. Problems are announced. */}
      <p aria-hidden className="flex min-h-5 items-center gap-2 text-sm text-stone-600">
        {pending && (
          <>
            <span className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent" />
            Updating the preview…
          </>
        )}
      </p>
      <p role="status" aria-live="polite" className="sr-only">
        {problemOf(preview)}
      </p>
      <div aria-busy={pending} className={`mt-1 transition-opacity ${pending ? 'opacity-60' : ''}`}>
        <PreviewBody preview={preview} />
      </div>
    </section>
  );
}
