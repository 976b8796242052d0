import type { SessionUser } from '@/lib/auth/user';

/**
 * Stands in for '@/lib/auth/user' in tests: `vi.mock('@/lib/auth/user', () =>
 * import('./support/session'))`, then `signInAs(user)` picks who is signed in.
 */
let current: SessionUser | null = null;

export function signInAs(user: SessionUser | null) {
  current = user;
}

export async function getUser() {
  return current;
}

export async function requireUser() {
  if (!current) throw new Error('requireUser called while signed out');
  return current;
}
