import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from '@/auth';

export type SessionUser = { id: string; email: string; name: string | null };

/** The signed-in person, or null. Cached per request: layouts and pages share one lookup. */
export const getUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? null };
});

/**
 * The check every page behind sign-in makes on the server. The proxy may
 * redirect earlier for convenience, but this is the one that counts.
 */
export async function requireUser(): Promise<SessionUser> {
  const user = await getUser();
  if (!user) redirect('/sign-in');
  return user;
}
