import { z } from 'zod';
import { STAGE_IDS } from '@/lib/pipeline/stages';
import { id, optionalLine, optionalPastDate, optionalText, optionalUrl, requiredLine } from '@/lib/validation/fields';

const stage = z.enum(STAGE_IDS, { error: 'Choose a stage from the list.' });

export const newApplicationSchema = z.object({
  company: requiredLine('Company'),
  position: requiredLine('Position'),
  jobUrl: optionalUrl('Job link'),
  location: optionalLine('Location'),
  source: optionalLine('Source'),
  stage: stage.default('wishlist'),
  appliedOn: optionalPastDate('Applied date'),
  notes: optionalText('Notes'),
});

export type NewApplicationFields = keyof z.input<typeof newApplicationSchema>;

export const moveSchema = z.object({ applicationId: id, stage });

/** "Show more" in a board column: the cards after the last one it shows. */
export const moreCardsSchema = z.object({
  stage,
  afterId: id,
  afterAt: z.iso.datetime({ offset: true, error: 'The last card’s time is not a valid time.' }).transform((value) => new Date(value)),
  archived: z.enum(['shown', 'hidden']).default('hidden'),
});

/** A page holds 25 rows; this leaves room without letting one request lock thousands. */
export const BULK_LIMIT = 100;

/**
 * The table's selection arrives as one comma-separated field. Ids that are
 * not uuids are kept apart rather than refused: they are reported like any
 * other application that could not be found.
 */
const selectedIds = z
  .string({ error: 'Select at least one application.' })
  .max(BULK_LIMIT * 40, `Select at most ${BULK_LIMIT} applications at a time.`)
  .transform((value, ctx) => {
    const all = [...new Set(value.split(',').map((v) => v.trim()).filter(Boolean))];
    if (all.length === 0) ctx.addIssue({ code: 'custom', message: 'Select at least one application.' });
    if (all.length > BULK_LIMIT) ctx.addIssue({ code: 'custom', message: `Select at most ${BULK_LIMIT} applications at a time.` });
    const valid = all.filter((v) => id.safeParse(v).success);
    return { valid, malformed: all.length - valid.length };
  });

export const bulkSchema = z
  .object({
    ids: selectedIds,
    intent: z.enum(['move', 'archive', 'unarchive'], { error: 'Choose what to do with the selected applications.' }),
    stage: z
      .union([stage, z.literal('')])
      .optional()
      .transform((v) => v || null),
  })
  .superRefine((input, ctx) => {
    if (input.intent === 'move' && !input.stage) {
      ctx.addIssue({ code: 'custom', path: ['stage'], message: 'Choose the stage to move them to.' });
    }
  });

export type BulkFields = keyof z.input<typeof bulkSchema>;
