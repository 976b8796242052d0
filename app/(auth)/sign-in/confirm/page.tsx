import Link from 'next/link';
import type { Metadata } from 'next';
import { safeCallbackPath } from '@/lib/safe-redirect';
import { ConfirmSignIn } from './confirm-button';

// Same-origin, not no-referrer: the token goes to no other site either way,
// and the Sign in post must say which site it comes from.
export const metadata: Metadata = { title: 'Confirm sign-in', referrer: 'same-origin' };

type Params = { token?: string | string[]; email?: string | string[]; callbackUrl?: string | string[] };
const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '');

export default async function ConfirmPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const token = one(params.token);
  const email = one(params.email);
  if (!token || !email) {
    return (
      <>
        <h1 className="text-2xl font-semibold tracking-tight text-stone-900">This link is incomplete</h1>
        <p className="mt-3 text-stone-700">
          Open the link exactly as it is in the email, or{' '}
          <Link href="/sign-in" className="underline">
            ask for a new one
          </Link>
          .
        </p>
      </>
    );
  }
  const query = new URLSearchParams({ token, email, callbackUrl: safeCallbackPath(one(params.callbackUrl)) ?? '/dashboard' });

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-stone-900">Sign in to Afterword</h1>
      <p className="mt-3 text-stone-700">
        You are signing in as <strong className="break-all">{email}</strong>.
      </p>
      <div className="mt-6">
        <ConfirmSignIn action={`/api/auth/callback/email?${query}`} />
      </div>
      <p className="mt-4 text-sm text-stone-600">Not you, or didn’t ask? Close this page; nothing happens.</p>
    </>
  );
}
