import { z } from 'zod';
import { emailAddress } from '@/lib/mail/address';

export const signInSchema = z.object({
  email: emailAddress,
  callbackUrl: z.string().max(2000).optional(),
});

export const oauthSignInSchema = z.object({
  provider: z.enum(['github', 'google']),
  callbackUrl: z.string().max(2000).optional(),
});
