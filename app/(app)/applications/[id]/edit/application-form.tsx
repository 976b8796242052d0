'use client';

import { useActionState } from 'react';
import { ButtonLink } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { saveApplication } from './actions';
import type { ApplicationFields } from './schema';

export function ApplicationForm({ applicationId, stored }: { applicationId: string; stored: Record<ApplicationFields, string> }) {
  const [state, formAction] = useActionState(saveApplication, { ok: false });
  // After a failed save, show what was typed; otherwise what is stored.
  const field = (name: ApplicationFields) => ({ name, defaultValue: state.values?.[name] ?? stored[name], errors: state.fieldErrors?.[name] });

  return (
    <form action={formAction} noValidate className="max-w-xl space-y-2">
      <input type="hidden" name="applicationId" value={applicationId} />
      <Field label="Company" required autoComplete="organization" {...field('company')} />
      <Field label="Position" required {...field('position')} />
      <Field label="Job posting link" type="url" inputMode="url" placeholder="https://" {...field('jobUrl')} />
      <Field label="Location" hint="A city, “Remote”, or both." {...field('location')} />
      <Field label="Where you found it" hint="A job board, a referral, the company’s site…" {...field('source')} />
      <Field label="Applied on" type="date" hint="Leave empty if you have not applied yet." {...field('appliedOn')} />
      <Field label="Notes" multiline rows={5} {...field('notes')} />
      <FormMessage ok={state.ok} message={state.fieldErrors?.applicationId?.[0] ?? state.message} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingLabel="Saving…">Save changes</SubmitButton>
        <ButtonLink variant="ghost" href={`/applications/${applicationId}`}>
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
