'use client';

import { createContext, use, useActionState, useEffect, useRef, useState, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { StageOptions } from '@/components/applications/stage-options';
import { buttonClass } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { updateSelectedApplications } from '../actions';

type Selection = {
  isSelected: (id: string) => boolean;
  toggle: (id: string, on: boolean) => void;
  all: boolean;
  some: boolean;
  setAll: (on: boolean) => void;
};

const SelectionContext = createContext<Selection | null>(null);

function useSelection() {
  const selection = use(SelectionContext);
  if (!selection) throw new Error('Selection checkboxes belong inside <BulkActions>');
  return selection;
}

/** A submit button of the bulk form that says it is working when it is the one that was pressed. */
function IntentButton({
  intent,
  children,
  pendingLabel,
  primary,
}: {
  intent: string;
  children: ReactNode;
  pendingLabel: string;
  primary?: boolean;
}) {
  const { pending, data } = useFormStatus();
  const mine = pending && data?.get('intent') === intent;
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      disabled={pending}
      className={buttonClass(primary ? 'primary' : 'secondary')}
    >
      {mine ? pendingLabel : children}
    </button>
  );
}

/**
 * The form around the table: the rows' checkboxes choose applications on
 * this page, and the toolbar moves, archives or unarchives them in one
 * action. The selection is sent as one comma-separated field.
 */
export function BulkActions({ pageIds, children }: { pageIds: string[]; children: ReactNode }) {
  const [state, formAction] = useActionState(updateSelectedApplications, { ok: false });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [seenState, setSeenState] = useState(state);
  // A finished action clears the selection (the rows it touched may have left the page).
  if (seenState !== state) {
    setSeenState(state);
    if (state.ok) setSelected(new Set());
  }
  const chosen = pageIds.filter((id) => selected.has(id));

  const selection: Selection = {
    isSelected: (id) => selected.has(id),
    toggle: (id, on) =>
      setSelected((current) => {
        const next = new Set(current);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    all: pageIds.length > 0 && chosen.length === pageIds.length,
    some: chosen.length > 0,
    setAll: (on) => setSelected(new Set(on ? pageIds : [])),
  };

  const stageError = state.fieldErrors?.stage;
  const idsError = state.fieldErrors?.ids;
  return (
    <SelectionContext value={selection}>
      <form action={formAction} aria-label="Selected applications" noValidate>
        <input type="hidden" name="ids" value={chosen.join(',')} />
        {pageIds.length > 0 && (
          <div className="mb-3 flex flex-wrap items-end gap-2 rounded-lg border border-stone-200 bg-white p-3">
            <p className="w-full text-sm font-medium text-stone-800 sm:w-auto sm:self-center" aria-live="polite">
              {chosen.length === 0 ? 'Select applications below to change them together.' : `${chosen.length} selected`}
            </p>
            <div className="sm:ml-auto">
              <label htmlFor="bulk-stage" className="block text-sm font-medium text-stone-800">
                Move selected to
              </label>
              <select
                id="bulk-stage"
                name="stage"
                defaultValue={state.values?.stage ?? ''}
                aria-invalid={stageError ? true : undefined}
                aria-describedby={stageError ? 'bulk-stage-error' : undefined}
                className={`mt-1 block rounded-md border bg-white px-3 py-2 text-base shadow-sm sm:text-sm ${stageError ? 'border-red-600' : 'border-stone-300'}`}
              >
                <StageOptions empty="Choose a stage…" />
              </select>
            </div>
            <IntentButton intent="move" pendingLabel="Moving…" primary>
              Move
            </IntentButton>
            <IntentButton intent="archive" pendingLabel="Archiving…">
              Archive
            </IntentButton>
            <IntentButton intent="unarchive" pendingLabel="Unarchiving…">
              Unarchive
            </IntentButton>
            <p id="bulk-stage-error" aria-live="polite" className="w-full text-sm text-red-700 empty:hidden">
              {[...(idsError ?? []), ...(stageError ?? [])].join(' ')}
            </p>
          </div>
        )}
        <FormMessage ok={state.ok} message={state.message} />
        {children}
      </form>
    </SelectionContext>
  );
}

export function SelectAllCheckbox() {
  const { all, some, setAll } = useSelection();
  const box = useRef<HTMLInputElement>(null);
  // "Some but not all" has no HTML attribute; it is a DOM property.
  useEffect(() => {
    if (box.current) box.current.indeterminate = some && !all;
  }, [some, all]);
  return (
    <>
      <input
        ref={box}
        id="select-all"
        type="checkbox"
        checked={all}
        onChange={(e) => setAll(e.target.checked)}
        className="size-5 accent-stone-900"
      />
      <label htmlFor="select-all" className="sr-only">
        Select all on this page
      </label>
    </>
  );
}

export function RowCheckbox({ id, name }: { id: string; name: string }) {
  const { isSelected, toggle } = useSelection();
  return (
    <>
      <input
        id={`select-${id}`}
        type="checkbox"
        checked={isSelected(id)}
        onChange={(e) => toggle(id, e.target.checked)}
        className="size-5 accent-stone-900"
      />
      <label htmlFor={`select-${id}`} className="sr-only">
        Select {name}
      </label>
    </>
  );
}
