'use client';

import { useState } from 'react';
import { flushSync } from 'react-dom';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { type ContactRole, contactRoleLabel } from '@/lib/pipeline/labels';
import { ContactPicker, type PickableContact } from './contact-picker';

export type LinkedPerson = PickableContact & { role: ContactRole; isPrimary: boolean };

type Values = Partial<Record<string, string>>;
type Errors = Partial<Record<string, string[]>>;

/** Row numbers of people typed in before, so a form that failed shows them again. */
function typedRows(values: Values | undefined): number[] {
  const rows = Object.keys(values ?? {}).flatMap((key) => /^newName\.(\d+)$/.exec(key)?.[1] ?? []);
  return rows.map(Number).sort((a, b) => a - b);
}

function PrimaryRadio({ value, name, checked }: { value: string; name: string; checked: boolean }) {
  return (
    <label className="inline-flex min-h-10 items-center gap-2 text-sm text-stone-800">
      <input type="radio" name="primary" value={value} defaultChecked={checked} className="size-4" />
      <span>
        Primary<span className="sr-only"> contact: {name}</span>
      </span>
    </label>
  );
}

/**
 * Who was at the interview: people already on the application (ticked when
 * they were there), people picked from the contacts, and new people typed in
 * with their email, with a radio across all of them for the primary contact.
 */
export function PeopleFields({
  applicationId,
  linked,
  initialPicked,
  initialAttendees,
  initialPrimary,
  suggestions,
  blankRow,
  values,
  errors,
}: {
  applicationId: string;
  linked: LinkedPerson[];
  initialPicked: PickableContact[];
  initialAttendees: string[];
  initialPrimary: string | null;
  suggestions: PickableContact[];
  blankRow: boolean;
  values?: Values;
  errors?: Errors;
}) {
  const [picked, setPicked] = useState(initialPicked);
  const [rows, setRows] = useState<number[]>(() => {
    const typed = typedRows(values);
    return typed.length > 0 ? typed : blankRow ? [0] : [];
  });
  const primary = values ? (values.primary ?? null) : initialPrimary;
  const attending = (contactId: string) => (values ? values[`attendee.${contactId}`] === 'on' : initialAttendees.includes(contactId));

  function addRow() {
    const next = rows.length ? Math.max(...rows) + 1 : 0;
    flushSync(() => setRows([...rows, next]));
    document.getElementById(`field-newName.${next}`)?.focus();
  }

  const exclude = new Set([...linked, ...picked].map((c) => c.id));
  const describedBy = ['people-hint', errors?.primary && 'primary-error', errors?.people && 'people-error'].filter(Boolean).join(' ');

  return (
    <fieldset aria-describedby={describedBy} className="space-y-4">
      <legend className="text-base font-semibold text-stone-900">Who was there</legend>
      <p id="people-hint" className="text-sm text-stone-600">
        Tick the people you met, or add them. Mark one as primary: the thank-you letter goes to them, with a copy to the others.
      </p>

      {linked.length + picked.length > 0 && (
        <ul className="divide-y divide-stone-200 rounded-md border border-stone-200 bg-white">
          {linked.map((person) => (
            <li key={person.id} className="flex flex-wrap items-center justify-between gap-x-4 px-3 py-1">
              <label className="flex min-h-10 min-w-0 items-center gap-2 text-sm">
                <input type="checkbox" name={`attendee.${person.id}`} defaultChecked={attending(person.id)} className="size-4" />
                <span className="min-w-0">
                  <span className="font-medium text-stone-900">{person.name}</span>
                  <span className="text-stone-600"> · {contactRoleLabel(person.role)}</span>
                  {person.email && <span className="block truncate text-stone-600">{person.email}</span>}
                </span>
              </label>
              <PrimaryRadio value={`contact:${person.id}`} name={person.name} checked={primary === `contact:${person.id}`} />
            </li>
          ))}
          {picked.map((person) => (
            <li key={person.id} className="flex flex-wrap items-center justify-between gap-x-4 px-3 py-1">
              <input type="hidden" name={`attendee.${person.id}`} value="on" />
              <span className="min-w-0 py-2 text-sm">
                <span className="font-medium text-stone-900">{person.name}</span>
                <span className="text-stone-600"> · from your contacts</span>
                {person.email && <span className="block truncate text-stone-600">{person.email}</span>}
              </span>
              <span className="flex items-center gap-2">
                <PrimaryRadio value={`contact:${person.id}`} name={person.name} checked={primary === `contact:${person.id}`} />
                <Button type="button" variant="ghost" onClick={() => setPicked(picked.filter((p) => p.id !== person.id))}>
                  Remove<span className="sr-only"> {person.name}</span>
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}

      {rows.map((row, index) => (
        <fieldset key={row} className="rounded-md border border-stone-200 bg-white px-3 pt-2">
          <legend className="px-1 text-sm font-medium text-stone-800">New person {index + 1}</legend>
          <div className="grid gap-x-3 sm:grid-cols-2">
            <Field name={`newName.${row}`} label="Name" autoComplete="off" defaultValue={values?.[`newName.${row}`] ?? ''} errors={errors?.[`newName.${row}`]} />
            <Field
              name={`newEmail.${row}`}
              label="Email"
              type="email"
              autoComplete="off"
              defaultValue={values?.[`newEmail.${row}`] ?? ''}
              errors={errors?.[`newEmail.${row}`]}
            />
          </div>
          <div className="flex items-center justify-between pb-1">
            <PrimaryRadio value={`new:${row}`} name={`new person ${index + 1}`} checked={primary === `new:${row}`} />
            <Button type="button" variant="ghost" onClick={() => setRows(rows.filter((r) => r !== row))}>
              Remove<span className="sr-only"> new person {index + 1}</span>
            </Button>
          </div>
        </fieldset>
      ))}
      <Button type="button" variant="secondary" onClick={addRow}>
        Add a new person
      </Button>

      <ContactPicker applicationId={applicationId} suggestions={suggestions} exclude={exclude} onPick={(c) => setPicked([...picked, c])} />

      <p id="primary-error" aria-live="polite" className="text-sm text-red-700">
        {errors?.primary?.join(' ')}
      </p>
      <p id="people-error" aria-live="polite" className="text-sm text-red-700">
        {errors?.people?.join(' ')}
      </p>
    </fieldset>
  );
}
