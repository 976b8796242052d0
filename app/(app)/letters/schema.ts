import { z } from 'zod';
import { parseTemplate } from '@/lib/letters/template';

/**
 * Edits made on the compose page; fields are allowed and filled per person,
 * unknown ones refused. The length check aborts, so text too long is never
 * parsed.
 */
export const templateText = (label: string, max: number) =>
  z
    .string()
    .max(max, { message: `Keep the ${label} under ${max.toLocaleString('en-US')} characters.`, abort: true })
    .optional()
    .superRefine((value, ctx) => {
      if (value === undefined) return;
      const parsed = parseTemplate(value);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
    });
