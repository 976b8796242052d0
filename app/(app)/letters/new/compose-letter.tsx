'use client';

import { useActionState, useEffect, useId, useRef, useState, useTransition } from 'react';
import { cancelLetterAction, previewLetterAction, sendLetterAction } from '@/app/(app)/letters/actions';
import { LetterProblems } from '@/components/letters/letter-problems';
import { SendOutcome, SeparateField } from '@/components/letters/send-parts';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/state';
import type { LetterProblem } from '@/lib/letters/plan';
import type { SendLetterData } from '@/lib/letters/sent';
import type { LetterPreview } from '@/server/letters/preview-letter';

type Props = {
  occasion: Record<string, string>;
  subject: string;
  body: string;
  separateByDefault: boolean;
  manyPeople: boolean;
  requestId: string;
  initialPreview: LetterPreview | null;
  initialProblems: LetterProblem[];
};

const DEBOUNCE_MS = 400;

/**
 * Preview and edit, one click away from sending. The words are the
 * template's, `{{fields}}` and all, filled in for each person; edits stay on
 * this letter and never change the template. The preview comes from the
 * server's renderer, the same one that renders the mail.
 */
export function ComposeLetter(props: Props) {
  const [state, send] = useActionState(sendLetterAction, { ok: false } as ActionState<string, SendLetterData>);
  const [preview, setPreview] = useState(props.initialPreview);
  const [problems, setProblems] = useState(props.initialProblems);
  const [previewError, setPreviewError] = useState<string | undefined>();
  const [previewing, startPreview] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const ids = { subject: useId(), body: useId() };

  useEffect(() => () => clearTimeout(timer.current), []);

  function schedulePreview() {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const form = formRef.current;
      if (!form) return;
      startPreview(async () => {
        const result = await previewLetterAction({ ok: false }, new FormData(form));
        setProblems(result.data?.problems ?? []);
        setPreviewError(result.ok ? undefined : (result.fieldErrors?.subject?.[0] ?? result.fieldErrors?.body?.[0] ?? result.message));
        if (result.data?.preview) setPreview(result.data.preview);
      });
    }, DEBOUNCE_MS);
  }

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form ref={formRef} action={send} onChange={schedulePreview} className="space-y-4">
        {Object.entries(props.occasion).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="requestId" value={props.requestId} />
        <div>
          <label htmlFor={ids.subject} className="block text-sm font-medium text-stone-900">
            Subject
          </label>
          <input
            id={ids.subject}
            name="subject"
            defaultValue={state.values?.subject ?? props.subject}
            aria-invalid={!!state.fieldErrors?.subject}
            aria-describedby={`${ids.subject}-error`}
            className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-base shadow-sm sm:text-sm"
          />
          <p id={`${ids.subject}-error`} className="mt-1 text-sm text-red-700">
            {state.fieldErrors?.subject?.[0]}
          </p>
        </div>
        <div>
          <label htmlFor={ids.body} className="block text-sm font-medium text-stone-900">
            Letter
          </label>
          <p id={`${ids.body}-hint`} className="text-xs text-stone-600">
            Words in {'{{braces}}'} are filled in for each person. Edits apply to this letter only; your template stays as
            it is.
          </p>
          <textarea
            id={ids.body}
            name="body"
            rows={16}
            defaultValue={state.values?.body ?? props.body}
            aria-invalid={!!state.fieldErrors?.body}
            aria-describedby={`${ids.body}-hint ${ids.body}-error`}
            className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 font-mono text-sm shadow-sm"
          />
          <p id={`${ids.body}-error`} className="mt-1 text-sm text-red-700">
            {state.fieldErrors?.body?.[0]}
          </p>
        </div>
        <SeparateField manyPeople={props.manyPeople} separateByDefault={props.separateByDefault} />
        <div className="flex flex-wrap gap-2">
          <SubmitButton name="test" value="0" pendingLabel="Sending…">
            Send
          </SubmitButton>
          <SubmitButton name="test" value="1" variant="secondary" pendingLabel="Sending test…">
            Send a test to myself
          </SubmitButton>
        </div>
        <SendOutcome state={state} cancelAction={cancelLetterAction} />
      </form>
      <section aria-labelledby="preview-heading" aria-busy={previewing} className="space-y-2">
        <div className="flex items-baseline justify-between gap-2">
          <h2 id="preview-heading" className="text-lg font-semibold text-stone-900">
            Preview
          </h2>
          <p role="status" aria-live="polite" className="text-xs text-stone-600">
            {previewing ? 'Updating…' : ''}
          </p>
        </div>
        {previewError && <p className="text-sm text-red-700">{previewError}</p>}
        <LetterProblems problems={problems} />
        {preview && (
          <>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
              <dt className="text-stone-600">To</dt>
              <dd className="break-words">{preview.to}</dd>
              {preview.cc.length > 0 && (
                <>
                  <dt className="text-stone-600">Copy</dt>
                  <dd>{preview.cc.join(', ')}</dd>
                </>
              )}
              <dt className="text-stone-600">Subject</dt>
              <dd className="break-words font-medium">{preview.subject}</dd>
            </dl>
            {preview.count > 1 && <p className="text-xs text-stone-600">The first of {preview.count} letters, one per person.</p>}
            <iframe
              sandbox=""
              srcDoc={preview.html}
              title="Letter preview"
              className="h-[28rem] w-full rounded-md border border-stone-200 bg-white"
            />
          </>
        )}
      </section>
    </div>
  );
}
