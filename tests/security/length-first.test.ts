import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { templateText } from '@/app/(app)/letters/schema';
import { confirmReplyToSchema, deleteAccountSchema, settingsSchema } from '@/app/(app)/settings/schema';
import { templateBody, templateSubject } from '@/app/(app)/templates/schema';
import { letterWords } from '@/lib/letters/fill';
import { hasPlaceholder, parseTemplate } from '@/lib/letters/template';
import { emailAddress } from '@/lib/mail/address';
import { optionalLine, optionalPastDate, optionalText, optionalUrl, requiredLine, requiredText } from '@/lib/validation/fields';
import { repeated } from './timing';

// Spies that still parse, to see whether a rule reached its template check at all.
vi.mock('@/lib/letters/template', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/letters/template')>();
  return { ...original, parseTemplate: vi.fn(original.parseTemplate), hasPlaceholder: vi.fn(original.hasPlaceholder) };
});

const MEGABYTE = 1024 * 1024;
const BOUND_MS = 50;

/**
 * Each rule gets a megabyte that every later check would also refuse (control
 * characters, line breaks, unknown merge fields, no address), so an answer
 * with the length message alone shows that nothing after the length ran.
 */
const RULES: [name: string, rule: z.ZodType, value: string, message: string][] = [
  ['a required text', requiredText('Notes', 200), repeated('\u0000', MEGABYTE), 'Notes can be at most 200 characters.'],
  ['a required line', requiredLine('Company'), repeated('a\n\u0000', MEGABYTE), 'Company can be at most 200 characters.'],
  ['an optional text', optionalText('Notes'), repeated('\u0000', MEGABYTE), 'Notes can be at most 5000 characters.'],
  ['an optional line', optionalLine('Location'), repeated('\n\u0000', MEGABYTE), 'Location can be at most 200 characters.'],
  ['a web address', optionalUrl('Job link'), `javascript:${repeated('a', MEGABYTE)}`, 'Job link can be at most 2000 characters.'],
  ['a past date', optionalPastDate('Applied date'), repeated('9', MEGABYTE), 'Applied date must be a date like 2026-03-14.'],
  ['an email address', emailAddress, repeated('a b,<', MEGABYTE), 'That address is too long.'],
  ['a letter’s subject', letterWords.shape.subject, repeated('{{x}}\n', MEGABYTE), 'Keep the subject under 200 characters.'],
  ['a letter’s words', letterWords.shape.body, repeated('{{x}}', MEGABYTE), 'Keep the letter under 20,000 characters.'],
  ['a template’s subject', templateSubject, repeated('{{nope}}\n', MEGABYTE), 'Keep the subject under 200 characters.'],
  ['a template’s words', templateBody, repeated('{{nope}}', MEGABYTE), 'Keep the letter under 20,000 characters.'],
  ['words edited before sending', templateText('letter', 20_000), repeated('{{nope}}', MEGABYTE), 'Keep the letter under 20,000 characters.'],
  ['the name in Settings', settingsSchema.shape.name, repeated('<\n"', MEGABYTE), 'Your name can be at most 100 characters.'],
  ['the address typed to delete an account', deleteAccountSchema.shape.email, repeated(' ', MEGABYTE), 'That is longer than any email address.'],
  ['the token of a reply-to link', confirmReplyToSchema.shape.token, repeated(' ', MEGABYTE), 'This link is not one Afterword made.'],
];

beforeEach(() => {
  vi.mocked(parseTemplate).mockClear();
  vi.mocked(hasPlaceholder).mockClear();
});

describe('a value too long stops validation at its length', () => {
  for (const [name, rule, value, message] of RULES) {
    it(`${name}: a megabyte gets the length message alone, at once`, () => {
      const started = performance.now();
      const result = rule.safeParse(value);
      const ms = performance.now() - started;

      expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
      expect(parseTemplate).not.toHaveBeenCalled();
      expect(hasPlaceholder).not.toHaveBeenCalled();
      expect(ms).toBeLessThan(BOUND_MS);
    });
  }
});
