import Link from 'next/link';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { env } from '@/env';
import { SIGN_IN_LINK_MINUTES } from '@/server/auth/send-sign-in-link';

export const metadata: Metadata = { title: 'Check your email' };

export default async function CheckEmailPage() {
  // Mail mode is run-time configuration: never bake it in at build time.
  await connection();
  const outbox = env().mailMode === 'outbox';
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-stone-900">Check your email</h1>
      <p className="mt-3 text-stone-700">
        If the address can receive mail, a sign-in link is on its way. It works once, for {SIGN_IN_LINK_MINUTES}{' '}
        minutes. Nothing arrived? Check spam, or ask again in a minute.
      </p>
      {outbox && (
        <p className="mt-4 rounded-md bg-accent-soft p-3 text-sm text-stone-800">
          Mail is kept locally in this copy of Afterword, not sent.{' '}
          <Link href="/outbox" className="font-medium underline">
            Open the outbox
          </Link>{' '}
          to find your sign-in mail; the server log prints the link too.
        </p>
      )}
      <p className="mt-6 text-sm">
        <Link href="/sign-in" className="underline">
          Use a different address
        </Link>
      </p>
    </>
  );
}
