'use client';

import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormAction } from '@/lib/actions/state';

export function SignOutButton({ action }: { action: FormAction }) {
  const [, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction}>
      <SubmitButton variant="ghost" pendingLabel="Signing out…">
        Sign out
      </SubmitButton>
    </form>
  );
}
