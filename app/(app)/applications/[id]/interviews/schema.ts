import { z } from 'zod';
import { emailAddress } from '@/lib/mail/address';
import type { InterviewInput } from '@/lib/pipeline/interview-input';
import { INTERVIEW_KINDS, type InterviewKind } from '@/lib/pipeline/labels';
import { DAY_MS } from '@/lib/time/days';
import { isValidTimeZone, wallTimeToInstant } from '@/lib/time/zoned-time';
import { id, optionalLine, optionalText, requiredLine } from '@/lib/validation/fields';

/**
 * The log-an-interview form. Besides its fixed fields it carries one field
 * per person (the form wrapper keeps one value per name):
 *   attendee.<contactId> = "on"       an existing contact who was there
 *   newName.<n>, newEmail.<n>         a person typed in, row n
 *   primary = "contact:<id>" | "new:<n>"
 */
export const MAX_NEW_PEOPLE = 20;

const KIND_IDS = INTERVIEW_KINDS.map((k) => k.id) as [InterviewKind, ...InterviewKind[]];
const personName = requiredLine('Name', 200);
const ATTENDEE = /^attendee\.(.*)$/;
const NEW_PERSON = /^new(?:Name|Email)\.(\d{1,4})$/;
const EARLIEST = Date.UTC(1990, 0, 1);
const FIVE_YEARS = 5 * 365 * DAY_MS;

const fields = z.object({
  applicationId: id,
  interviewId: id.optional(),
  when: z.string().optional(),
  timeZone: z.string().optional(),
  kind: z.enum(KIND_IDS, { error: 'Choose the round.' }),
  location: optionalLine('Location or link', 500),
  notes: optionalText('Notes', 5000),
  impression: optionalText('What impressed you most', 2000),
  primary: z.string().optional(),
});

type Issue = (field: string, message: string) => void;

function scheduledAt(when: string | undefined, zone: string | undefined, issue: Issue) {
  if (!zone || !isValidTimeZone(zone)) issue('timeZone', 'Choose a time zone from the list.');
  if (!when?.trim()) return issue('when', 'Enter the date and time of the interview.');
  const instant = zone && isValidTimeZone(zone) ? wallTimeToInstant(when.trim(), zone) : null;
  if (zone && isValidTimeZone(zone) && !instant) return issue('when', 'Enter a date and time like 2026-03-14 14:30.');
  if (instant && instant.getTime() < EARLIEST) return issue('when', 'That date is too far in the past.');
  if (instant && instant.getTime() > Date.now() + FIVE_YEARS) return issue('when', 'That date is too far in the future.');
  return instant ?? undefined;
}

/** The people typed in, in row order; blank rows are skipped. `rows` maps a row number to its place in the list. */
function newPeople(form: Record<string, string | undefined>, issue: Issue) {
  const numbers = [...new Set(Object.keys(form).flatMap((key) => NEW_PERSON.exec(key)?.[1] ?? []))].map(Number).sort((a, b) => a - b);
  const people: { name: string; email: string }[] = [];
  const rows = new Map<number, number>();
  for (const n of numbers) {
    const rawName = form[`newName.${n}`]?.trim() ?? '';
    const rawEmail = form[`newEmail.${n}`]?.trim() ?? '';
    if (!rawName && !rawEmail) continue;
    const name = personName.safeParse(rawName);
    const email = emailAddress.safeParse(rawEmail);
    if (!name.success) issue(`newName.${n}`, rawName ? name.error.issues[0].message : 'Enter their name.');
    if (!rawEmail) issue(`newEmail.${n}`, 'Enter their email: the thank-you letter goes there.');
    else if (!email.success) issue(`newEmail.${n}`, email.error.issues[0].message);
    if (name.success && email.success) {
      rows.set(n, people.length);
      people.push({ name: name.data, email: email.data });
    }
  }
  if (people.length > MAX_NEW_PEOPLE) issue('people', `Add at most ${MAX_NEW_PEOPLE} new people at once.`);
  return { people, rows, typed: new Set(numbers.filter((n) => form[`newName.${n}`]?.trim() || form[`newEmail.${n}`]?.trim())) };
}

function attendeeIds(form: Record<string, string | undefined>, issue: Issue) {
  const ids: string[] = [];
  for (const [key, value] of Object.entries(form)) {
    const contactId = ATTENDEE.exec(key)?.[1];
    if (contactId === undefined || value !== 'on') continue;
    if (id.safeParse(contactId).success) ids.push(contactId);
    else issue('people', 'Someone you picked could not be found. Reload the page and choose again.');
  }
  return ids;
}

function primaryChoice(value: string | undefined, rows: Map<number, number>, typed: Set<number>, issue: Issue): InterviewInput['primary'] {
  if (!value) return null;
  const [kind, ref = ''] = value.split(':');
  if (kind === 'contact' && id.safeParse(ref).success) return { contactId: ref };
  if (kind === 'new' && /^\d{1,4}$/.test(ref)) {
    const place = rows.get(Number(ref));
    if (place !== undefined) return { newPerson: place };
    // A typed row with an error already has its own message; an empty one needs this.
    if (!typed.has(Number(ref))) issue('primary', 'The person marked as primary has no name or email yet.');
    return null;
  }
  issue('primary', 'The primary contact could not be found. Reload the page and choose again.');
  return null;
}

/**
 * Checked as a whole, so every problem (a fixed field, a typed person, the
 * primary) is reported at once, each next to its field.
 */
export const interviewSchema = z.record(z.string(), z.string()).transform((form, ctx) => {
  let failed = false;
  const issue: Issue = (field, message) => {
    failed = true;
    ctx.addIssue({ code: 'custom', message, path: [field], input: form[field] });
  };
  const base = fields.safeParse(form);
  for (const problem of base.error?.issues ?? []) issue(String(problem.path[0] ?? 'form'), problem.message);
  const at = scheduledAt(form.when, form.timeZone, issue);
  const attendees = attendeeIds(form, issue);
  const { people, rows, typed } = newPeople(form, issue);
  const primary = primaryChoice(form.primary, rows, typed, issue);
  if (failed || !at || !base.success) return z.NEVER;
  const input: InterviewInput = {
    scheduledAt: at,
    timeZone: form.timeZone,
    kind: base.data.kind,
    location: base.data.location,
    notes: base.data.notes,
    impression: base.data.impression,
    attendeeIds: attendees,
    newPeople: people,
    primary,
  };
  return { applicationId: base.data.applicationId, interviewId: base.data.interviewId, input };
});

export const interviewRefSchema = z.object({ applicationId: id, interviewId: id });
