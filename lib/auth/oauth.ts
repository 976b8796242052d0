import type { Profile } from 'next-auth';

/**
 * Sign-in with GitHub and Google joins the account an earlier magic link made
 * for the same address. That is only safe for an address the provider itself
 * has verified: otherwise anyone could put a victim's address on a GitHub
 * account and be signed in as the victim. It is the same for a new account:
 * made with an address nobody verified, it would be joined by the address's
 * real owner at their first magic link, with a stranger's login attached.
 */

/** An address as GitHub lists it for the signed-in account (`GET /user/emails`). */
export type GitHubEmail = { email: string; primary: boolean; verified: boolean };

/**
 * The address a GitHub sign-in brings, and whether GitHub has verified it.
 * GitHub's profile carries no such flag, so it is read from the account's
 * list of addresses: the public address if there is one, else the primary
 * (the one Auth.js would pick), verified only when the list says so.
 */
export function githubEmail(
  publicEmail: string | null | undefined,
  emails: readonly GitHubEmail[],
): { email: string | null; email_verified: boolean } {
  const email = publicEmail || emails.find((e) => e.primary)?.email || null;
  const listed = email ? emails.find((e) => e.email.toLowerCase() === email.toLowerCase()) : undefined;
  return { email, email_verified: listed?.verified === true };
}

/**
 * Whether an OAuth sign-in may go ahead: when the provider vouches for the
 * address (`email_verified`, which Google's ID token carries and our GitHub
 * profile adds), or when this provider account is already linked, which
 * joins nothing by address.
 */
export function mayUseOAuthSignIn({
  alreadyLinked,
  profile,
}: {
  alreadyLinked: boolean;
  profile: Profile | null | undefined;
}): boolean {
  return alreadyLinked || profile?.email_verified === true;
}

/**
 * GitHub's profile with `email` and `email_verified` from the account's
 * addresses. Auth.js asks for the `user:email` scope already; if the list
 * cannot be read, the address counts as unverified.
 */
export async function fetchGitHubProfile({
  tokens,
  provider,
}: {
  tokens: { access_token?: string };
  provider: { userinfo?: { url?: URL | string } };
}): Promise<Profile> {
  const userUrl = provider.userinfo?.url ?? 'https://api.github.com/user';
  const headers = { Authorization: `Bearer ${tokens.access_token}`, 'User-Agent': 'afterword', Accept: 'application/vnd.github+json' };
  const profile = (await (await fetch(userUrl, { headers })).json()) as Profile & { email?: string | null };
  // Beside the profile's own URL: .../user → .../user/emails.
  const emailsResponse = await fetch(new URL('user/emails', userUrl), { headers });
  const emails = emailsResponse.ok ? ((await emailsResponse.json()) as GitHubEmail[]) : [];
  return { ...profile, ...githubEmail(profile.email, Array.isArray(emails) ? emails : []) };
}
