import { z } from 'zod';
import { DAY_MS } from '@/lib/time/days';

/**
 * Field rules shared by every form and by CSV import, so a value is judged
 * the same way wherever it comes from. Empty optional fields become null.
 *
 * Text is stored composed (Unicode NFC): "é" arrives as one code point from
 * one keyboard and as "e" plus a combining accent from another (or from a
 * file written on a Mac), and the two must read, search and match as the
 * same text.
 *
 * Every length check aborts: a value that is too long gets that one message
 * and no later check runs on it, so what validation costs is bounded by the
 * limit, not by what was sent.
 */

const noControl = (v: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v);

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `Enter ${label.toLowerCase()}.` })
    .trim()
    .normalize('NFC')
    .min(1, `Enter ${label.toLowerCase()}.`)
    .max(max, { message: `${label} can be at most ${max} characters.`, abort: true })
    .refine(noControl, `${label} contains characters that cannot be stored.`);

/** Single-line: names, positions, companies. Line breaks would break mail headers and CSV. */
export const requiredLine = (label: string, max = 200) =>
  requiredText(label, max).refine((v) => !/[\r\n]/.test(v), `${label} must be on one line.`);

export const optionalText = (label: string, max = 5000) =>
  z
    .string()
    .max(max, { message: `${label} can be at most ${max} characters.`, abort: true })
    .refine(noControl, `${label} contains characters that cannot be stored.`)
    .optional()
    .transform((v) => v?.trim().normalize('NFC') || null);

export const optionalLine = (label: string, max = 200) =>
  optionalText(label, max).refine((v) => v === null || !/[\r\n]/.test(v), `${label} must be on one line.`);

/** Longer than any job posting's address, with its tracking parameters. */
const MAX_URL_LENGTH = 2000;

export const optionalUrl = (label: string) =>
  z
    .string()
    .max(MAX_URL_LENGTH, { message: `${label} can be at most ${MAX_URL_LENGTH} characters.`, abort: true })
    .optional()
    .transform((v) => v?.trim() || null)
    .refine((v) => v === null || isHttpUrl(v), `${label} must be a web address starting with http:// or https://.`);

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && Boolean(url.hostname);
  } catch {
    return false;
  }
}

/** True for a real YYYY-MM-DD day: Date.parse alone accepts 2026-02-31, which Postgres refuses. */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** A date as typed, with room for spaces around it: anything longer is no date. */
const MAX_DATE_LENGTH = 40;

/** A calendar date (YYYY-MM-DD) that is not after today; "today" is generous by a day for time zones. */
export const optionalPastDate = (label: string) =>
  z
    .string()
    .max(MAX_DATE_LENGTH, { message: `${label} must be a date like 2026-03-14.`, abort: true })
    .optional()
    .transform((v) => v?.trim() || null)
    // abort: a value that is not a date gets that one message, not "in the future" as well.
    .refine((v) => v === null || isCalendarDate(v), { message: `${label} must be a date like 2026-03-14.`, abort: true })
    .refine((v) => v === null || Date.parse(`${v}T00:00:00Z`) <= Date.now() + DAY_MS, `${label} cannot be in the future.`)
    .refine((v) => v === null || v >= '1990-01-01', `${label} is too far in the past.`);

/** Form ids arrive as strings; anything that is not a uuid behaves like a missing row. */
export const id = z.uuid({ error: 'That item could not be found.' });

/** An id that may be left out: an empty field or query parameter (`?templateId=`) means none. */
export const optionalId = z.preprocess((v) => (v === '' ? undefined : v), id.optional());
