'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { STAGES } from '@/lib/pipeline/stages';
import { addApplication } from '../actions';
import type { NewApplicationFields } from '../schema';

/** On success the action redirects to the new application; on failure every typed value comes back. */
export function NewApplicationForm({ companies }: { companies: string[] }) {
  const [state, formAction] = useActionState(addApplication, { ok: false });
  const value = (field: NewApplicationFields) => state.values?.[field] ?? '';
  const errors = (field: NewApplicationFields) => state.fieldErrors?.[field];

  return (
    <form action={formAction} noValidate className="max-w-2xl space-y-2">
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field
          name="company"
          label="Company"
          required
          autoComplete="organization"
          list="company-names"
          hint="An existing company is reused, whatever the capitals."
          defaultValue={value('company')}
          errors={errors('company')}
        />
        <datalist id="company-names">
          {companies.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <Field name="position" label="Position" required hint="The job title, as advertised." defaultValue={value('position')} errors={errors('position')} />
      </div>
      <Field name="jobUrl" label="Job link" type="url" inputMode="url" placeholder="https://" defaultValue={value('jobUrl')} errors={errors('jobUrl')} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field name="location" label="Location" hint="A city, or “Remote”." defaultValue={value('location')} errors={errors('location')} />
        <Field name="source" label="Source" hint="Where you found it: a job board, a referral…" defaultValue={value('source')} errors={errors('source')} />
      </div>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <SelectField
          name="stage"
          label="Stage"
          options={STAGES}
          defaultValue={value('stage') || 'wishlist'}
          errors={errors('stage')}
        />
        <Field
          name="appliedOn"
          label="Applied date"
          type="date"
          hint="Leave empty if you have not applied yet."
          defaultValue={value('appliedOn')}
          errors={errors('appliedOn')}
        />
      </div>
      <Field name="notes" label="Notes" multiline rows={4} defaultValue={value('notes')} errors={errors('notes')} />
      <FormMessage ok={state.ok} message={state.message} />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingLabel="Adding…">Add application</SubmitButton>
        <Link href="/applications" className="text-sm font-medium text-stone-700 underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
