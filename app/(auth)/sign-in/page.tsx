import Link from 'next/link';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { oauthProviders } from '@/auth';
import { env } from '@/env';
import { getUser } from '@/lib/auth/user';
import { safeCallbackPath } from '@/lib/safe-redirect';
import { OAuthButton } from './oauth-buttons';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; account?: string | string[] }>;
}) {
  const { callbackUrl: raw, account } = await searchParams;
  const callbackUrl = safeCallbackPath(typeof raw === 'string' ? raw : null) ?? undefined;
  if (await getUser()) redirect(callbackUrl ?? '/dashboard');
  const providers = oauthProviders();

  return (
    <>
      {account === 'deleted' && (
        <p role="status" className="mb-6 rounded-md bg-accent-soft p-3 text-sm text-stone-800">
          Your account has been deleted, with everything in it, and you are signed out everywhere.
        </p>
      )}
      <h1 className="text-2xl font-semibold tracking-tight text-stone-900">Sign in to Afterword</h1>
      <p className="mt-2 text-sm text-stone-600">
        No password: we email you a link that signs you in. New here? The same link creates your account.
      </p>
      <div className="mt-6">
        <SignInForm callbackUrl={callbackUrl} />
      </div>
      {providers.length > 0 && (
        <div className="mt-6 space-y-2 border-t border-stone-200 pt-6">
          {providers.map((p) => (
            <OAuthButton key={p.id} provider={p.id} name={p.name} callbackUrl={callbackUrl} />
          ))}
        </div>
      )}
      {env().mailMode === 'outbox' && (
        <p className="mt-6 rounded-md bg-accent-soft p-3 text-sm text-stone-800">
          This copy of Afterword keeps mail locally instead of sending it. Your sign-in link will be in
          the <Link href="/outbox" className="font-medium underline">outbox</Link> and in the server log.
        </p>
      )}
    </>
  );
}
