'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/state';
import { mergeContactsAction } from '../../../actions';

export function MergeForm({ survivorId, duplicateId, cancelHref }: { survivorId: string; duplicateId: string; cancelHref: string }) {
  const [state, formAction] = useActionState<ActionState, FormData>(mergeContactsAction, { ok: false });
  const refusal = state.fieldErrors?.survivorId?.[0] ?? state.fieldErrors?.duplicateId?.[0];
  return (
    <form action={formAction} className="mt-8 space-y-2">
      <input type="hidden" name="survivorId" value={survivorId} />
      <input type="hidden" name="duplicateId" value={duplicateId} />
      <FormMessage ok={state.ok} message={refusal ?? state.message} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingLabel="Merging…">Merge contacts</SubmitButton>
        <Link href={cancelHref} className={buttonClass('secondary')}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
