import { z } from 'zod';
import { isValidTimeZone, wallTimeToInstant } from '@/lib/time/zoned-time';
import { id } from '@/lib/validation/fields';

export const archiveSchema = z.object({
  applicationId: id,
  archived: z.enum(['true', 'false'], { error: 'Choose archive or restore.' }).transform((v) => v === 'true'),
});

export const applicationIdSchema = z.object({ applicationId: id });

/** A correction of when a stage move happened: a real time, in the person's zone, not in the future. */
export const stageDateSchema = z
  .object({
    applicationId: id,
    stageChangeId: id,
    changedAt: z.string({ error: 'Enter the date and time of the move.' }).trim().min(1, 'Enter the date and time of the move.'),
    timeZone: z.string().optional(),
  })
  .transform((form, ctx) => {
    const zone = form.timeZone && isValidTimeZone(form.timeZone) ? form.timeZone : 'UTC';
    const changedAt = wallTimeToInstant(form.changedAt, zone);
    const problem = !changedAt
      ? 'Enter a date and time like 2026-03-14 09:30.'
      : changedAt.getTime() > Date.now() + 60_000
        ? 'A move cannot be dated in the future.'
        : changedAt.getUTCFullYear() < 1990
          ? 'That date is too far in the past.'
          : null;
    if (problem || !changedAt) {
      ctx.addIssue({ code: 'custom', message: problem ?? '', path: ['changedAt'], input: form.changedAt });
      return z.NEVER;
    }
    return { applicationId: form.applicationId, stageChangeId: form.stageChangeId, changedAt };
  });
