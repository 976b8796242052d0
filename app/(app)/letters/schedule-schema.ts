import { z } from 'zod';
import { checkSendAt } from '@/lib/letters/schedule';

/**
 * When a letter leaves: now (after the undo window), tomorrow morning the
 * recipient's time, or a date and time in a zone the person picks. A time
 * that is past, more than a year ahead or skipped by the clocks is refused
 * next to its field.
 */
export const laterFields = {
  when: z.enum(['now', 'tomorrow_morning', 'at'], { error: 'Choose when it should leave.' }).default('now'),
  sendAt: z.string().max(40, { message: 'Enter a date and a time.', abort: true }).optional(),
  sendAtZone: z.string().max(64, { message: 'Choose a time zone from the list.', abort: true }).optional(),
};

type Later = { when: 'now' | 'tomorrow_morning' | 'at'; sendAt?: string; sendAtZone?: string };

/** The form's choice as the send takes it; a bad date and time is an issue on `sendAt`. */
export function withSendAt<T extends Later>(input: T, ctx: z.RefinementCtx): Omit<T, 'sendAt'> & { sendAt: Date | 'tomorrow_morning' | null } {
  const { sendAt, ...rest } = input;
  if (input.when === 'now') return { ...rest, sendAt: null };
  if (input.when === 'tomorrow_morning') return { ...rest, sendAt: 'tomorrow_morning' };
  const checked = checkSendAt(sendAt ?? '', input.sendAtZone ?? '', new Date());
  if (!checked.ok) {
    ctx.addIssue({ code: 'custom', path: [checked.message.startsWith('Choose a time zone') ? 'sendAtZone' : 'sendAt'], message: checked.message });
    return z.NEVER;
  }
  return { ...rest, sendAt: checked.at };
}
