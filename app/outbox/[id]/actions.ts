'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/action';
import { emailAddress } from '@/lib/mail/address';
import { id } from '@/lib/validation/fields';
import { simulateReply } from '@/server/replies/simulate-reply';

const simulateSchema = z.object({
  messageId: id,
  from: emailAddress,
  text: z.string().trim().min(1, 'Write what they answer.').max(5000, 'Keep it under 5,000 characters.'),
});

const SAID = {
  recorded: 'Received and matched: it is on the dashboard and the letter’s page.',
  unmatched: 'Received, but it matched no letter, so it is not shown anywhere.',
  duplicate: 'That reply was already recorded.',
} as const;

/** Outbox mode's "Simulate a reply": the same path a reply Resend received takes. */
export const simulateReplyAction = authedAction('simulate reply', simulateSchema, async ({ messageId, ...reply }, user) => {
  const result = await simulateReply(user.id, messageId, reply);
  revalidatePath('/dashboard');
  if (result.outcome in SAID) return { ok: true, message: SAID[result.outcome as keyof typeof SAID] };
  return { ok: false, message: 'It could not be read; try again.' };
});
