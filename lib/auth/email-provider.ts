import 'server-only';
import type { EmailConfig } from 'next-auth/providers/email';
import { normalizeEmailAddress } from '@/lib/mail/address';
import { sendSignInLink, SIGN_IN_LINK_MINUTES } from '@/server/auth/send-sign-in-link';

/**
 * The magic-link provider. Auth.js makes, hashes, stores and consumes the
 * token (once); this module only decides where the link points and sends it
 * through the one mail path.
 */
export function emailProvider(): EmailConfig {
  return {
    id: 'email',
    type: 'email',
    name: 'Email',
    maxAge: SIGN_IN_LINK_MINUTES * 60,
    normalizeIdentifier: normalizeEmailAddress,
    sendVerificationRequest: ({ identifier, url, token }) => sendSignInLink({ email: identifier, url, token }),
    options: {},
  };
}
