'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';

/**
 * A plain form post to Auth.js's callback: only this request spends the
 * token, so a mail scanner that opens the link signs nobody in.
 */
export function ConfirmSignIn({ action }: { action: string }) {
  const [pending, setPending] = useState(false);
  return (
    <form method="post" action={action} onSubmit={() => setPending(true)}>
      <Button type="submit" className="w-full" disabled={pending} aria-disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
