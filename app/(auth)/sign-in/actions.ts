'use server';

import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { oauthProviders, signIn, signInRefusalMessage } from '@/auth';
import { publicAction } from '@/lib/auth/action';
import { UserError } from '@/lib/errors';
import { safeCallbackPath } from '@/lib/safe-redirect';
import { oauthSignInSchema, signInSchema } from './schema';

export const requestSignInLink = publicAction('requestSignInLink', signInSchema, async ({ email, callbackUrl }) => {
  let next: string;
  try {
    next = await signIn('email', { email, redirect: false, redirectTo: safeCallbackPath(callbackUrl) ?? '/dashboard' });
  } catch (error) {
    if (error instanceof AuthError) {
      throw new UserError('We could not send the sign-in mail just now. Please try again in a minute.');
    }
    throw error;
  }
  const refusal = signInRefusalMessage(next);
  if (refusal) return { ok: false, message: refusal, fieldErrors: { email: [refusal] } };
  redirect('/sign-in/check-email');
});

export const signInWithProvider = publicAction('signInWithProvider', oauthSignInSchema, async ({ provider, callbackUrl }) => {
  if (!oauthProviders().some((p) => p.id === provider)) throw new UserError('That sign-in method is not set up here.');
  // Throws the redirect to the provider; the wrapper lets it through.
  await signIn(provider, { redirectTo: safeCallbackPath(callbackUrl) ?? '/dashboard' });
});
