'use server';

import { z } from 'zod';
import { signOut } from '@/auth';
import { authedAction } from '@/lib/auth/action';

export const signOutAction = authedAction('signOut', z.object({}), async () => {
  // Deletes the session row and cookie, then redirects (the wrapper lets the redirect through).
  await signOut({ redirectTo: '/' });
});
