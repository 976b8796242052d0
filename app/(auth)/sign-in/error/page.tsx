import type { Metadata } from 'next';
import { signInRefusalMessage } from '@/auth';
import { ButtonLink } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Sign-in problem' };

const messages: Record<string, { title: string; body: string }> = {
  Verification: {
    title: 'This sign-in link can’t be used',
    body: 'It has expired, has already been used, or was sent to a different address. Links work once, for 15 minutes. Ask for a new one below.',
  },
  AccessDenied: { title: 'Sign-in was refused', body: 'This account cannot sign in. If that seems wrong, ask for a new link.' },
  OAuthAccountNotLinked: {
    title: 'Use the method you signed up with',
    body: 'This address already has an account. Sign in with the method you used before.',
  },
  OAuthEmailNotVerified: {
    title: 'That address isn’t verified there',
    body: 'GitHub or Google has not confirmed the email address of that account, so it cannot sign you in here. Verify the address with them and try again, or sign in with an email link.',
  },
  CrossSite: {
    title: 'Sign in from your own link',
    body: 'That sign-in did not start on Afterword’s confirm page, so nobody was signed in. Open the link in your sign-in mail and press Sign in there.',
  },
  EmailSignin: { title: 'We could not send the mail', body: 'Sending the sign-in mail failed. Try again in a minute.' },
};
const fallback = { title: 'Sign-in didn’t work', body: 'Something went wrong while signing you in. Please try again.' };

type Params = { error?: string | string[]; limit?: string | string[]; wait?: string | string[] };

/** The page for a refused sign-in, with its words; a limit's words name how long to wait. */
function problemOf({ error, limit, wait }: Params): { title: string; body: string } {
  if (error === 'RateLimited') {
    const query = new URLSearchParams({ error, limit: typeof limit === 'string' ? limit : '', wait: typeof wait === 'string' ? wait : '' });
    return { title: 'Too many sign-in requests', body: signInRefusalMessage(`/?${query}`)! };
  }
  return (typeof error === 'string' && messages[error]) || fallback;
}

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<Params> }) {
  const { title, body } = problemOf(await searchParams);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-stone-900">{title}</h1>
      <p className="mt-3 text-stone-700" role="alert">
        {body}
      </p>
      <ButtonLink href="/sign-in" className="mt-6">
        Get a new sign-in link
      </ButtonLink>
    </>
  );
}
