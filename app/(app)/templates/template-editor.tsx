'use client';

import Link from 'next/link';
import { startTransition, useActionState, useEffect, useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { PreviewApplication } from '@/db/queries/letter-templates';
import type { ActionState, FormAction } from '@/lib/actions/state';
import { BUILTIN_TEMPLATES } from '@/lib/letters/builtins';
import { LETTER_KINDS, type LetterKind } from '@/lib/letters/kinds';
import type { MergeField } from '@/lib/letters/merge-fields';
import type { TemplatePreview } from '@/server/templates/preview-template';
import { previewTemplateAction } from './actions';
import { MergeFieldPicker } from './merge-field-picker';
import { PreviewPanel } from './preview-panel';
import type { TemplateField } from './schema';


/**
 * The choices for what a template is for, in the product's words. Here, not
 * beside the schema: importing that module would bring zod into the browser,
 * and building a zod object there probes for eval, which the page's policy
 * refuses.
 */
const kindOptions = LETTER_KINDS.map((kind) => ({ id: kind, label: BUILTIN_TEMPLATES[kind].name }));

/** Long enough not to render at every keystroke, short enough to feel live. */
const PREVIEW_DELAY_MS = 400;

/**
 * Editing a template: its words on one side, the letter they make on the
 * other, rendered on the server as it would be sent. A built-in has fixed
 * name and kind; one's own template has both as fields.
 */
export function TemplateEditor({
  action,
  template,
  builtin,
  submitLabel,
  applications,
  initialPreview,
}: {
  action: FormAction;
  template: { id: string | null; name: string; kind: LetterKind; subject: string; body: string };
  builtin: boolean;
  submitLabel: string;
  applications: PreviewApplication[];
  initialPreview: TemplatePreview;
}) {
  const [state, formAction] = useActionState(action, { ok: false });
  const [previewState, previewAction, previewPending] = useActionState<ActionState<string, TemplatePreview>, FormData>(
    previewTemplateAction,
    { ok: true, data: initialPreview },
  );
  const [applicationId, setApplicationId] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const lastField = useRef<'subject' | 'body'>('body');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  // After a failed save, show what was typed; otherwise what is stored. React resets the form after an action,
  // to each field's default; a <select> takes a new default only when it is mounted again, hence its key.
  const value = (field: TemplateField) => state.values?.[field] ?? template[field];
  const errors = (field: TemplateField) => state.fieldErrors?.[field];

  function renderPreview(forApplication = applicationId) {
    clearTimeout(timer.current);
    if (!form.current) return;
    const data = new FormData(form.current);
    data.set('applicationId', forApplication);
    startTransition(() => previewAction(data));
  }

  function schedulePreview() {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => renderPreview(), PREVIEW_DELAY_MS);
  }

  function insertField(field: MergeField) {
    const control = form.current?.elements.namedItem(lastField.current);
    if (!(control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement)) return;
    const start = control.selectionStart ?? control.value.length;
    control.setRangeText(`{{${field}}}`, start, control.selectionEnd ?? start, 'end');
    // Back to where the person was typing, just after what went in.
    control.focus();
    schedulePreview();
  }

  const preview = previewState.data ?? {
    status: 'invalid' as const,
    message: Object.values(previewState.fieldErrors ?? {})[0]?.[0] ?? previewState.message ?? 'The preview could not be made.',
  };

  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <form ref={form} action={formAction} onChange={schedulePreview} noValidate className="min-w-0 space-y-2">
        {template.id && !builtin && <input type="hidden" name="id" value={template.id} />}
        {builtin ? (
          <input type="hidden" name="kind" value={template.kind} />
        ) : (
          <div className="grid gap-x-4 sm:grid-cols-2">
            <Field name="name" label="Name" autoComplete="off" required maxLength={80} defaultValue={value('name')} errors={errors('name')} />
            <SelectField key={value('kind')} name="kind" label="Used for" options={kindOptions} defaultValue={value('kind')} errors={errors('kind')} />
          </div>
        )}
        <Field
          name="subject"
          label="Subject"
          autoComplete="off"
          required
          defaultValue={value('subject')}
          errors={errors('subject')}
          onFocus={() => {
            lastField.current = 'subject';
          }}
        />
        <Field
          name="body"
          label="Letter"
          hint="A blank line starts a new paragraph. Your closing comes from {{me.signature}}."
          multiline
          rows={14}
          required
          defaultValue={value('body')}
          errors={errors('body')}
          onFocus={() => {
            lastField.current = 'body';
          }}
        />
        <MergeFieldPicker onInsert={insertField} />
        <FormMessage ok={state.ok} message={state.fieldErrors?.id?.[0] ?? state.message} />
        <div className="flex flex-wrap gap-2">
          <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
          <Link href="/templates" className={buttonClass('secondary')}>
            Cancel
          </Link>
        </div>
      </form>
      <PreviewPanel
        preview={preview}
        pending={previewPending}
        applications={applications}
        applicationId={applicationId}
        onApplicationChange={(id) => {
          setApplicationId(id);
          renderPreview(id);
        }}
      />
    </div>
  );
}
