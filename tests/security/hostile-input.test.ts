import { describe, expect, it } from 'vitest';
import { interviewSchema } from '@/app/(app)/applications/[id]/interviews/schema';
import { applicationPlanSchema } from '@/app/(app)/applications/[id]/plan-schema';
import { stageDateSchema } from '@/app/(app)/applications/[id]/schema';
import { bulkSchema, newApplicationSchema } from '@/app/(app)/applications/schema';
import { parseTableQuery } from '@/app/(app)/applications/table/search-params';
import { contactSchema } from '@/app/(app)/contacts/schema';
import { templateText } from '@/app/(app)/letters/schema';
import { planSettingsSchema } from '@/app/(app)/settings/follow-up-plans-schema';
import { confirmReplyToSchema, deleteAccountSchema, settingsSchema } from '@/app/(app)/settings/schema';
import { customTemplateSchema, previewTemplateSchema } from '@/app/(app)/templates/schema';
import { signInSchema } from '@/app/(auth)/sign-in/schema';
import { parseLetterListQuery } from '@/components/letters/list-query';
import { workDomain } from '@/db/queries/contact-list';
import { guessMapping } from '@/lib/csv/columns';
import { detectDateOrder, parseDate } from '@/lib/csv/dates';
import { planImport } from '@/lib/csv/import-plan';
import { neutraliseCell, toCsv, unneutraliseCell } from '@/lib/csv/neutralise';
import { readCsv } from '@/lib/csv/read-csv';
import { stageFromWord } from '@/lib/csv/stage-words';
import type { LetterContext } from '@/lib/letters/context';
import { fillLetter, letterWords, paragraphsOf } from '@/lib/letters/fill';
import { factsFor } from '@/lib/letters/plan';
import { addressesToFlag, readResendEvent } from '@/lib/letters/resend-event';
import { hasPlaceholder, parseTemplate } from '@/lib/letters/template';
import { emailAddress, formatMailbox } from '@/lib/mail/address';
import { outgoingMail } from '@/lib/mail/outgoing';
import { safeCallbackPath, safeRedirect } from '@/lib/safe-redirect';
import { clientNetwork } from '@/lib/security/client-network';
import { isValidTimeZone, wallTimeToInstant } from '@/lib/time/zoned-time';
import { isHttpUrl, optionalLine, optionalPastDate, optionalText, optionalUrl, requiredLine, requiredText } from '@/lib/validation/fields';
import { HOSTILE_SIZES, millisecondsFor, repeated } from './timing';

/**
 * Every rule, parser and pattern that reads text a person (or a file, or a
 * webhook) sent, against text built to make a pattern backtrack: long runs
 * of what a pattern repeats, ending in what makes it fail. Anything new that
 * reads such text belongs in this table.
 */
const HOSTILE_TEXTS: Record<string, (size: number) => string> = {
  spaces: (size) => repeated(' ', size),
  'spaces, then a letter': (size) => repeated(' ', size, 'x'),
  'tabs, then a letter': (size) => repeated('\t', size, 'x'),
  'no-break spaces, then a letter': (size) => repeated('\u00a0', size, 'x'),
  'line breaks': (size) => repeated('\n', size),
  'line breaks and spaces, then a letter': (size) => repeated(' \n', size, 'x'),
  'CRLF line ends': (size) => repeated('\r\n', size),
  'line separators, then a letter': (size) => repeated('\u2028', size, 'x'),
  'control characters': (size) => repeated('\u0001', size),
  'full stops, then a letter': (size) => repeated('.', size, 'x'),
  'exclamation marks, then a letter': (size) => repeated('!', size, 'x'),
  'hyphens, then a mark': (size) => repeated('-', size, '!'),
  'letters, then a mark': (size) => repeated('a', size, '!'),
  'a domain of hyphenated labels, then a mark': (size) => repeated('a-', size, '!'),
  'a domain of many labels, then a hyphen': (size) => repeated('a.', size, '-'),
  'digits, then a letter': (size) => repeated('1', size, 'x'),
  'digits and spaces, then a letter': (size) => repeated('1 ', size, 'x'),
  'digits and slashes, then a letter': (size) => repeated('1/', size, 'x'),
  '`{{` and then spaces': (size) => `{{${repeated(' ', size)}`,
  'opening braces': (size) => repeated('{', size),
  '`{{ a` over and over': (size) => repeated('{{ a', size),
  'placeholders never closed': (size) => repeated('{{ x }', size),
  'angle brackets': (size) => repeated('<', size),
  'angle brackets and letters': (size) => repeated('<a', size),
  'quotes': (size) => repeated('"', size),
  'quotes and letters': (size) => repeated('"a', size),
  'quotes and commas': (size) => repeated('",', size),
  'a quote, then lines': (size) => `"${repeated('a\n', size)}`,
  'at signs': (size) => repeated('@', size),
  'letters and at signs, then a mark': (size) => repeated('a@', size, '!'),
  'commas and spaces, then a letter': (size) => repeated(', ', size, 'x'),
  'semicolons and pipes': (size) => repeated(';|', size),
  'formula starts': (size) => repeated("'=", size),
  slashes: (size) => repeated('/', size),
  'a web address that goes on, then a space': (size) => `http://${repeated('a', size, ' x')}`,
  'a date-time with endless fractions': (size) => `2026-01-01T10:00:00.${repeated('1', size, 'x')}`,
  'a day, then spaces': (size) => `1 ${repeated(' ', size, 'x')}`,
  'a month, then spaces': (size) => `Jan ${repeated(' ', size, 'x')}`,
  'an attendee field name that goes on': (size) => `attendee.${repeated('a', size, '\nx')}`,
  'a bit of everything': (size) => repeated('{{ a\n. -<"@,', size),
};

const letterContext = (text: string): LetterContext => ({
  kind: 'interview_thanks',
  applicationId: 'application',
  stage: 'interviewing',
  company: text,
  position: text,
  interview: { id: 'interview', scheduledAt: new Date(), timeZone: 'UTC', kind: 'video', impression: text },
  people: [],
  me: { name: text, signature: text, email: 'ada@example.com', replyTo: null, dailyRecipientCap: 50, timeZone: 'UTC' },
});
const person = (text: string) => ({ contactId: 'contact', name: text, email: text, isPrimary: true, flagged: null });
const csvCell = (text: string) => `"${text.replaceAll('"', '""')}"`;

const READERS: Record<string, (text: string) => unknown> = {
  // Letters and templates
  'the template parser': parseTemplate,
  'the leftover-placeholder check': hasPlaceholder,
  'filling a letter': (text) => fillLetter({ subject: text, body: text }, {}),
  'a letter’s facts': (text) => factsFor(letterContext(text), person(text)),
  'a letter as approved': (text) => letterWords.safeParse({ subject: text, body: text }),
  'a letter’s paragraphs': paragraphsOf,
  'a template as saved': (text) => customTemplateSchema.safeParse({ name: text, kind: 'follow_up', subject: text, body: text }),
  'a template’s live preview': (text) => previewTemplateSchema.safeParse({ kind: 'follow_up', subject: text, body: text }),
  'words edited before sending': (text) => templateText('letter', 20_000).safeParse(text),
  'a Resend event': (text) =>
    readResendEvent({ type: 'email.bounced', created_at: text, data: { email_id: text, to: [text], tags: { letter_id: text }, bounce: { message: text }, click: { link: text } } }),
  'the addresses a bounce names': (text) => addressesToFlag({ detail: { to: text } }, [{ role: 'to', email: 'grace@acme.example' }]),
  'the address a bounce message names': (text) =>
    addressesToFlag({ detail: { reason: text } }, [{ role: 'to', email: 'grace@acme.example' }, { role: 'cc', email: 'linus@acme.example' }]),
  // Addresses and mail
  'an email address': (text) => emailAddress.safeParse(text),
  'an email address’s domain': (text) => emailAddress.safeParse(`a@${text.slice(0, 250)}`),
  'an email address’s local part': (text) => emailAddress.safeParse(`${text.slice(0, 240)}@example.com`),
  'a mailbox’s display name': (text) => formatMailbox(text, 'ada@example.com'),
  'an outgoing message': (text) =>
    outgoingMail.safeParse({ fromName: text, to: [text], subject: text, html: text, text, tags: [{ name: text, value: text }], idempotencyKey: text }),
  'a work domain': workDomain,
  // Field rules and forms
  'a required text': (text) => requiredText('Notes').safeParse(text),
  'a required line': (text) => requiredLine('Company').safeParse(text),
  'an optional text': (text) => optionalText('Notes').safeParse(text),
  'an optional line': (text) => optionalLine('Location').safeParse(text),
  'a web address field': (text) => optionalUrl('Job link').safeParse(text),
  'a web address': isHttpUrl,
  'a past date': (text) => optionalPastDate('Applied date').safeParse(text),
  'a new application': (text) =>
    newApplicationSchema.safeParse({ company: text, position: text, jobUrl: text, location: text, source: text, appliedOn: text, notes: text }),
  'a bulk selection': (text) => bulkSchema.safeParse({ ids: text, intent: 'archive' }),
  'a contact': (text) => contactSchema.safeParse({ name: text, email: text, title: text, company: text, phone: text, linkedinUrl: text, notes: text, followUpWeeks: text }),
  'an interview': (text) =>
    interviewSchema.safeParse({ applicationId: text, when: text, timeZone: text, kind: 'video', location: text, notes: text, impression: text, primary: text, [text]: 'on', [`attendee.${text}`]: 'on', 'newName.1': text, 'newEmail.1': text }),
  'a stage’s corrected date': (text) => stageDateSchema.safeParse({ applicationId: text, stageChangeId: text, changedAt: text, timeZone: text }),
  'the settings': (text) => settingsSchema.safeParse({ name: text, signature: text, replyTo: text }),
  'the follow-up plans in Settings': (text) =>
    planSettingsSchema.safeParse({ 'after_applying.mode': text, 'after_applying.firstWaitDays': text, 'after_thanks.maxLetters': text }),
  'an application’s follow-up plan': (text) => applicationPlanSchema.safeParse({ intent: 'mode', applicationId: text, plan: text, mode: text }),
  'the address typed to delete an account': (text) => deleteAccountSchema.safeParse({ email: text }),
  'a reply-to confirmation link': (text) => confirmReplyToSchema.safeParse({ token: text }),
  'a sign-in request': (text) => signInSchema.safeParse({ email: text, callbackUrl: text }),
  'a wall-clock time': (text) => wallTimeToInstant(text, 'UTC'),
  'a time zone': isValidTimeZone,
  // Addresses in the browser's bar
  'a redirect after sign-in': (text) => safeRedirect(text, 'http://localhost:3000'),
  'the network a sign-in request comes from': (text) => clientNetwork(text),
  'the same, after a proxy’s entry': (text) => clientNetwork(`${text}, ${text}`),
  'a callback path': safeCallbackPath,
  'the table’s query': (text) => parseTableQuery({ q: text, stage: text, archived: text, sort: text, dir: text, page: text }),
  'the letters list’s query': (text) => parseLetterListQuery({ status: text, template: text, contact: text, page: text }),
  // CSV
  'a CSV file': readCsv,
  'a CSV file’s import plan': (text) => planImport(`Company,Position,Date,URL\n${text}`),
  'a CSV row’s import plan': (text) => {
    const cell = csvCell(text.slice(0, Math.ceil(text.length / 5)));
    return planImport(`Company,Position,Date Applied,URL,Stage\n${[cell, cell, cell, cell, cell].join(',')}\n`);
  },
  'a CSV header': (text) => planImport(`${csvCell(text)},Company\nx,y\n`),
  'a date in a file': (text) => parseDate(text, 'month-first'),
  'a file’s date order': (text) => detectDateOrder([text, text]),
  'a stage in a file': stageFromWord,
  'a column’s header': (text) => guessMapping([text]),
  'a cell made safe for spreadsheets': neutraliseCell,
  'a cell read back': unneutraliseCell,
  'rows written as CSV': (text) => toCsv([text], [[text]]),
};

const BOUND_MS = 100;

describe('everything that reads text from outside, against hostile text of up to 100 KB', () => {
  for (const [reader, read] of Object.entries(READERS)) {
    it(`${reader}: under ${BOUND_MS} ms for each`, () => {
      const slow: string[] = [];
      for (const [shape, make] of Object.entries(HOSTILE_TEXTS)) {
        for (const size of HOSTILE_SIZES) {
          const text = make(size);
          const ms = millisecondsFor(() => read(text), BOUND_MS);
          if (ms >= BOUND_MS) {
            slow.push(`${shape}, ${size} characters: ${Math.round(ms)} ms`);
            break;
          }
        }
      }
      expect(slow).toEqual([]);
    }, 120_000);
  }
});
