'use client';

import { useActionState } from 'react';
import { ButtonLink } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormAction } from '@/lib/actions/state';
import { INTERVIEW_KINDS, type InterviewKind } from '@/lib/pipeline/labels';
import type { PickableContact } from './contact-picker';
import { type LinkedPerson, PeopleFields } from './people-fields';
import { TimeZoneSelect } from './time-zone-select';

export type InterviewFormInitial = {
  interviewId?: string;
  when: string;
  /** Null for a new interview: the browser's zone is the default. */
  timeZone: string | null;
  kind: InterviewKind;
  location: string;
  notes: string;
  impression: string;
  attendeeIds: string[];
  primary: string | null;
};

/** Logging an interview and editing one: the same form, one transaction on save. */
export function InterviewForm({
  action,
  applicationId,
  initial,
  linked,
  initialPicked,
  suggestions,
  zones,
  submitLabel,
}: {
  action: FormAction;
  applicationId: string;
  initial: InterviewFormInitial;
  linked: LinkedPerson[];
  initialPicked: PickableContact[];
  suggestions: PickableContact[];
  zones: string[];
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, { ok: false });
  // After a failed save, show what was typed; otherwise what is stored.
  const value = (field: 'when' | 'kind' | 'location' | 'notes' | 'impression') => state.values?.[field] ?? initial[field];
  const errors = state.fieldErrors;

  return (
    <form action={formAction} noValidate className="max-w-2xl space-y-6">
      <input type="hidden" name="applicationId" value={applicationId} />
      {initial.interviewId && <input type="hidden" name="interviewId" value={initial.interviewId} />}

      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field name="when" label="Date and time" type="datetime-local" required defaultValue={value('when')} errors={errors?.when} />
        <TimeZoneSelect zones={zones} value={state.values?.timeZone ?? initial.timeZone} errors={errors?.timeZone} />
        {/* A select ignores a new defaultValue, so remount it to show what was submitted. */}
        <SelectField key={value('kind')} name="kind" label="Round" options={INTERVIEW_KINDS} defaultValue={value('kind')} errors={errors?.kind} />
        <Field name="location" label="Location or link" defaultValue={value('location')} errors={errors?.location} />
      </div>

      <PeopleFields
        applicationId={applicationId}
        linked={linked}
        initialPicked={initialPicked}
        initialAttendees={initial.attendeeIds}
        initialPrimary={initial.primary}
        suggestions={suggestions}
        blankRow={!initial.interviewId}
        values={state.values}
        errors={errors}
      />

      <div className="rounded-lg border border-accent-soft bg-accent-soft/50 px-4 pt-3">
        <Field
          name="impression"
          label="What impressed you most?"
          hint="In your own words: the team, the work, something they said. This one line makes the thank-you letter personal."
          multiline
          rows={3}
          defaultValue={value('impression')}
          errors={errors?.impression}
        />
      </div>
      <Field
        name="notes"
        label="Notes"
        hint="Questions they asked, next steps, anything to remember. Only you see these."
        multiline
        rows={4}
        defaultValue={value('notes')}
        errors={errors?.notes}
      />

      <FormMessage ok={state.ok} message={errors?.applicationId?.[0] ?? errors?.interviewId?.[0] ?? state.message} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
        <ButtonLink variant="ghost" href={`/applications/${applicationId}`}>
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
