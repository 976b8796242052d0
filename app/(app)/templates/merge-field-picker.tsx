'use client';

import { MERGE_FIELDS, type MergeField } from '@/lib/letters/merge-fields';

const fields = Object.entries(MERGE_FIELDS) as [MergeField, (typeof MERGE_FIELDS)[MergeField]][];

/**
 * The facts a template can use, as buttons: each puts its {{field}} where the
 * cursor was in the subject or the letter. Plain buttons, so a keyboard
 * reaches them with Tab and presses them with Enter or Space.
 */
export function MergeFieldPicker({ onInsert }: { onInsert: (field: MergeField) => void }) {
  return (
    <fieldset className="rounded-md border border-stone-200 bg-stone-50 p-3">
      <legend className="px-1 text-sm font-medium text-stone-800">Insert a merge field</legend>
      <p className="text-sm text-stone-600">Goes in at the cursor, in the subject or the letter, whichever you were in last.</p>
      <ul className="mt-2 grid grid-cols-2 gap-1">
        {fields.map(([field, { label }]) => (
          <li key={field}>
            <button
              type="button"
              onClick={() => onInsert(field)}
              className="flex h-full min-h-10 w-full flex-col items-start rounded-md border border-stone-300 bg-white px-2 py-1 text-left hover:bg-stone-100"
            >
              <code className="text-xs font-semibold break-all text-stone-900">{`{{${field}}}`}</code>
              <span className="text-xs text-stone-600">{label}</span>
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
