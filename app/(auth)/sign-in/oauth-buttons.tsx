'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { signInWithProvider } from './actions';

export function OAuthButton({ provider, name, callbackUrl }: { provider: string; name: string; callbackUrl?: string }) {
  const [state, formAction] = useActionState(signInWithProvider, { ok: false });
  return (
    <form action={formAction}>
      <input type="hidden" name="provider" value={provider} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <SubmitButton variant="secondary" pendingLabel={`Opening ${name}…`} className="w-full">
        Continue with {name}
      </SubmitButton>
      <FormMessage message={state.message} />
    </form>
  );
}
