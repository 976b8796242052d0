import { z } from 'zod';
import { timeToMinute } from '@/lib/digest/schedule';
import { MAX_UNDO_SECONDS } from '@/lib/letters/undo';
import { emailAddress } from '@/lib/mail/address';
import { isValidTimeZone } from '@/lib/time/zoned-time';

const optionalText = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} can be at most ${max} characters.`)
    .transform((v) => v.trim() || null);

export const settingsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter your name: it signs your letters and names you in the From line.')
    .max(100, { message: 'Your name can be at most 100 characters.', abort: true })
    .refine((v) => !/[\r\n<>"]/.test(v), 'Your name cannot contain line breaks, quotes or angle brackets.'),
  signature: optionalText(1000, 'The closing'),
  replyTo: z
    .string()
    .trim()
    .transform((v) => v || undefined)
    .pipe(emailAddress.optional())
    .transform((v) => v ?? null),
  // The time settings below are left as they are when a form does not carry them.
  timeZone: z
    .string()
    .max(64, { message: 'Choose a time zone from the list.', abort: true })
    .refine(isValidTimeZone, 'Choose a time zone from the list.')
    .optional(),
  undoSeconds: z
    .string()
    .max(10, { message: `Enter a number of seconds from 0 to ${MAX_UNDO_SECONDS}.`, abort: true })
    .trim()
    .regex(/^\d+$/, `Enter a number of seconds from 0 to ${MAX_UNDO_SECONDS}.`)
    .transform(Number)
    .refine((v) => v <= MAX_UNDO_SECONDS, `At most ${MAX_UNDO_SECONDS} seconds.`)
    .optional(),
  // A checkbox after a hidden "off" of the same name: the last value wins, so unticked reads "off".
  digestEnabled: z
    .enum(['on', 'off'], { error: 'Choose whether the digest comes.' })
    .transform((v) => v === 'on')
    .optional(),
  digestTime: z
    .string()
    .max(10, { message: 'Enter a time such as 08:00.', abort: true })
    .transform((v, ctx) => {
      const minute = timeToMinute(v);
      if (minute === null) {
        ctx.addIssue({ code: 'custom', message: 'Enter a time such as 08:00.' });
        return z.NEVER;
      }
      return minute;
    })
    .optional(),
});

/** The token of a reply-to confirmation link: far shorter than this, so anything longer is refused unread. */
export const confirmReplyToSchema = z.object({
  token: z.string().max(200, { message: 'This link is not one Afterword made.', abort: true }).trim().min(1, 'This link is incomplete.'),
});

/** "Resend link" carries nothing: the pending address is the person's own. */
export const resendReplyToSchema = z.object({});

export type SettingsFields = keyof z.input<typeof settingsSchema>;

/** Deleting the account: the person types its address to say they mean it. */
export const deleteAccountSchema = z.object({
  email: z
    .string()
    .max(254, { message: 'That is longer than any email address.', abort: true })
    .trim()
    .min(1, 'Type your account’s email address to confirm.'),
});
