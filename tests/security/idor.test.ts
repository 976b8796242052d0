import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { ReactElement } from 'react';
import { prerender } from 'react-dom/static';
import ts from 'typescript';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { findOrCreateContact } from '@/db/queries/contacts';
import * as schema from '@/db/schema';
import type { ActionState } from '@/lib/actions/state';
import { personTables } from '../architecture/user-scope';
import { restoreEnv, useOutboxMode } from '../helpers/mail-mode';
import { csvFile, previewForm, previewIn, uploadForm } from '../import/import-helpers';
import { seedLetter } from '../letter-pages/seed';
import { setupTestDatabase } from '../support/database';
import { entryPoints } from './support/entry-points';
import { seedPerson, seedWholeAccount, type Person } from './support/whole-account';

/*
 * Mallory is signed in and names Ada's rows by their ids, in every page,
 * route handler and server action. Each must behave exactly as it does for
 * an id that exists nowhere, change none of Ada's rows, and show nothing of
 * hers; and with Mallory's own ids it must do something else, so the case
 * is known to reach the check it means to test. The table below names every
 * way in, found on disk; a new one fails here until it has a case or a
 * reason it needs none.
 */

const session = vi.hoisted(() => ({ user: null as { id: string; email: string; name: string } | null }));
vi.mock('@/lib/auth/user', async () => {
  const { redirect } = await import('next/navigation');
  return {
    getUser: async () => session.user,
    requireUser: async () => session.user ?? redirect('/sign-in'),
  };
});
vi.mock('@/auth', () => ({ signOut: vi.fn(), oauthProviders: () => [] }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

setupTestDatabase();

beforeAll(() => useOutboxMode());
afterAll(() => restoreEnv());

const root = path.resolve(import.meta.dirname, '../..');

/** The rows a form or a URL can name, one of each per person. */
type Keys = {
  application: string;
  other: string;
  contact: string;
  twin: string;
  interview: string;
  template: string;
  sentLetter: string;
  undecidedLetter: string;
  reply: string;
  stageChange: string;
  email: string;
  contactEmail: string;
};
type Fields = Record<string, string>;
/** A form or a URL, given Mallory's own keys and the keys under test (Mallory's, Ada's or missing ones). */
type Naming<T> = (own: Keys, target: Keys) => T;
type Visit = { params?: Fields; searchParams?: Fields };

type Case<T> =
  /** Takes ids: every form naming the target's rows; refused unless `refused` is false (a key that is free to reuse). */
  | { names: Naming<T>[]; refused?: false }
  /**
   * Takes no id (or only keys the person owns by definition): run as Mallory,
   * with Ada's names where a name could collide. A page shows Mallory's own
   * rows, so it is known to read some, unless it is a blank form.
   */
  | { ownRowsOnly: Naming<T>; blankForm?: true }
  | { exempt: string };

const application = (t: Keys) => ({ applicationId: t.application });
const template = { kind: 'interview_thanks', subject: 'Thank you, {{contact.firstName}}', body: 'Dear {{contact.firstName}},\nThanks.' };
const interviewForm = (applicationId: string, more: Fields = {}) => ({
  applicationId,
  when: '2026-03-01T10:00',
  timeZone: 'UTC',
  kind: 'video',
  ...more,
});
const sendForm = (more: Fields) => ({ requestId: crypto.randomUUID(), ...more });

const ACTIONS: Record<string, Case<Fields>> = {
  'app/(app)/actions.ts#signOutAction': { exempt: 'takes no id: ends the caller’s own session' },
  'app/(app)/applications/[id]/actions.ts#moveStage': { names: [(_, t) => ({ ...application(t), stage: 'offer' })] },
  'app/(app)/applications/[id]/plan-actions.ts#applicationPlanAction': {
    names: [
      (_, t) => ({ ...application(t), plan: 'after_applying', intent: 'stop' }),
      (_, t) => ({ ...application(t), plan: 'after_thanks', intent: 'resume' }),
      (_, t) => ({ ...application(t), plan: 'after_rejection', intent: 'mode', mode: 'automatic' }),
    ],
  },
  'app/(app)/applications/[id]/actions.ts#archiveApplication': { names: [(_, t) => ({ ...application(t), archived: 'true' })] },
  'app/(app)/applications/[id]/actions.ts#removeApplication': { names: [(_, t) => application(t)] },
  'app/(app)/applications/[id]/actions.ts#correctStageDate': {
    names: [
      (_, t) => ({ ...application(t), stageChangeId: t.stageChange, changedAt: '2026-01-20T10:00', timeZone: 'UTC' }),
      (own, t) => ({ ...application(own), stageChangeId: t.stageChange, changedAt: '2026-01-20T10:00', timeZone: 'UTC' }),
    ],
  },
  'app/(app)/applications/[id]/contacts/actions.ts#changeContactRole': {
    names: [
      (_, t) => ({ ...application(t), contactId: t.contact, role: 'recruiter' }),
      (own, t) => ({ ...application(own), contactId: t.contact, role: 'recruiter' }),
    ],
  },
  'app/(app)/applications/[id]/contacts/actions.ts#makePrimaryContact': {
    names: [(_, t) => ({ ...application(t), contactId: t.contact }), (own, t) => ({ ...application(own), contactId: t.contact })],
  },
  'app/(app)/applications/[id]/contacts/actions.ts#removeContactLink': {
    names: [(_, t) => ({ ...application(t), contactId: t.contact }), (own, t) => ({ ...application(own), contactId: t.contact })],
  },
  'app/(app)/applications/[id]/contacts/actions.ts#addExistingContact': {
    names: [
      (_, t) => ({ applicationId: t.application, contactId: t.twin, role: 'recruiter' }),
      (own, t) => ({ applicationId: own.application, contactId: t.twin, role: 'recruiter' }),
      (own, t) => ({ applicationId: t.application, contactId: own.twin, role: 'recruiter' }),
    ],
  },
  'app/(app)/applications/[id]/contacts/actions.ts#addNewContact': {
    names: [(_, t) => ({ ...application(t), name: 'Someone New', email: 'someone.new@acme.example', role: 'recruiter' })],
  },
  'app/(app)/applications/[id]/edit/actions.ts#saveApplication': {
    names: [(_, t) => ({ ...application(t), company: 'Mallory Spies', position: 'Spy' })],
  },
  'app/(app)/applications/[id]/interviews/actions.ts#saveNewInterview': {
    names: [
      (_, t) => interviewForm(t.application),
      (own, t) => interviewForm(own.application, { [`attendee.${t.twin}`]: 'on', primary: `contact:${t.twin}` }),
    ],
  },
  'app/(app)/applications/[id]/interviews/[interviewId]/impression/actions.ts#saveImpressionAction': {
    names: [
      (_, t) => ({ applicationId: t.application, interviewId: t.interview, impression: 'Mallory was here' }),
      (own, t) => ({ applicationId: own.application, interviewId: t.interview, impression: 'Mallory was here' }),
    ],
  },
  'app/(app)/applications/[id]/interviews/actions.ts#saveInterview': {
    names: [
      (_, t) => interviewForm(t.application, { interviewId: t.interview }),
      (own, t) => interviewForm(own.application, { interviewId: t.interview }),
      (own, t) => interviewForm(own.application, { interviewId: own.interview, [`attendee.${t.twin}`]: 'on', primary: `contact:${t.twin}` }),
    ],
  },
  'app/(app)/applications/[id]/interviews/actions.ts#removeInterview': {
    names: [(_, t) => ({ ...application(t), interviewId: t.interview }), (own, t) => ({ ...application(own), interviewId: t.interview })],
  },
  'app/(app)/applications/actions.ts#addApplication': {
    ownRowsOnly: () => ({ company: 'augusta Rockets', position: 'Flight Engineer', stage: 'applied' }),
  },
  'app/(app)/applications/actions.ts#moveApplication': { names: [(_, t) => ({ ...application(t), stage: 'offer' })] },
  'app/(app)/applications/actions.ts#loadMoreCards': {
    exempt:
      'the id is only a cursor (where a column goes on) and the answer is the signed-in person’s own cards; tests/applications/board-actions.test.ts gives Bob Ada’s card as his cursor and gets nothing of hers',
  },
  'app/(app)/applications/actions.ts#updateSelectedApplications': {
    names: [
      (own, t) => ({ ids: `${own.other},${t.application}`, intent: 'archive' }),
      // Mallory's own application is already there, so each run finds it as the last one left it.
      (own, t) => ({ ids: `${own.application},${t.application}`, intent: 'move', stage: 'interviewing' }),
      (_, t) => ({ ids: `${t.application},${t.other}`, intent: 'unarchive' }),
    ],
  },
  'app/(app)/contacts/actions.ts#createContactAction': {
    // Email addresses are unique within one person's contacts: Ada's address is free for Mallory, and nothing says whose it is.
    names: [(_, t) => ({ name: 'Somebody', email: t.contactEmail })],
    refused: false,
  },
  'app/(app)/contacts/actions.ts#updateContactAction': { names: [(_, t) => ({ id: t.contact, name: 'Renamed by Mallory' })] },
  'app/(app)/contacts/actions.ts#deleteContactAction': { names: [(_, t) => ({ id: t.contact })] },
  'app/(app)/contacts/actions.ts#mergeContactsAction': {
    names: [
      (own, t) => ({ survivorId: own.contact, duplicateId: t.twin }),
      (own, t) => ({ survivorId: t.contact, duplicateId: own.twin }),
      (_, t) => ({ survivorId: t.contact, duplicateId: t.twin }),
    ],
  },
  // A button under a row names what to do and to which row in its value (app/(app)/dashboard/actions.ts).
  'app/(app)/dashboard/actions.ts#dueRowAction': {
    names: [
      (_, t) => ({ row: `dismiss:quiet_application:${t.application}` }),
      (_, t) => ({ row: `dismiss:interview_thanks:${t.interview}` }),
      (_, t) => ({ row: `dismiss:rejection_thanks:${t.application}` }),
      (_, t) => ({ row: `dismiss:follow_up:${t.contact}` }),
      (_, t) => ({ row: `dismiss:letter:${t.undecidedLetter}` }),
      (_, t) => ({ row: `dismiss:plan_follow_up:${t.application}` }),
      (_, t) => ({ row: `snooze:${t.contact}` }),
      (_, t) => ({ row: `stop:${t.contact}` }),
      (_, t) => ({ row: `replied:${t.contact}` }),
      (_, t) => ({ row: `ghosted:${t.application}` }),
    ],
  },
  'app/(app)/letters/actions.ts#sendLetterAction': {
    names: [
      (_, t) => sendForm({ occasion: 'interview_thanks', interviewId: t.interview }),
      (_, t) => sendForm({ occasion: 'rejection_thanks', applicationId: t.application }),
      (_, t) => sendForm({ occasion: 'follow_up', applicationId: t.application, contactId: t.contact }),
      (own, t) => sendForm({ occasion: 'follow_up', applicationId: own.application, contactId: t.contact }),
      (own, t) => sendForm({ occasion: 'interview_thanks', interviewId: own.interview, templateId: t.template }),
      (_, t) => sendForm({ occasion: 'feedback_request', applicationId: t.application }),
      (_, t) => sendForm({ occasion: 'follow_up', applicationId: t.application }),
    ],
  },
  'app/(app)/letters/actions.ts#decideLetterAction': {
    names: [(_, t) => ({ letterId: t.undecidedLetter, choice: 'discard' }), (_, t) => ({ letterId: t.undecidedLetter, choice: 'send_again' })],
  },
  'app/(app)/letters/actions.ts#previewLetterAction': {
    names: [
      (_, t) => ({ occasion: 'interview_thanks', interviewId: t.interview }),
      (_, t) => ({ occasion: 'rejection_thanks', applicationId: t.application }),
      (_, t) => ({ occasion: 'follow_up', applicationId: t.application, contactId: t.contact }),
      (own, t) => ({ occasion: 'follow_up', applicationId: own.application, contactId: t.contact }),
      (_, t) => ({ occasion: 'feedback_request', applicationId: t.application }),
      (_, t) => ({ occasion: 'follow_up', applicationId: t.application, followUpPlan: 'after_thanks' }),
    ],
  },
  'app/(app)/letters/actions.ts#clearAddressFlagAction': { names: [(_, t) => ({ contactId: t.contact })] },
  'app/(app)/letters/actions.ts#cancelLetterAction': {
    names: [(_, t) => ({ letterIds: t.undecidedLetter }), (own, t) => ({ letterIds: `${own.undecidedLetter},${t.undecidedLetter}` })],
  },
  'app/(app)/letters/actions.ts#rescheduleLetterAction': {
    names: [
      (_, t) => ({ letterId: t.undecidedLetter, when: 'tomorrow_morning' }),
      (_, t) => ({ letterId: t.undecidedLetter, when: 'at', sendAt: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 16), sendAtZone: 'UTC' }),
    ],
  },
  'app/(app)/letters/actions.ts#rewriteLetterAction': {
    names: [(_, t) => ({ letterId: t.undecidedLetter, subject: 'Changed by Mallory', body: 'Hello' })],
  },
  'app/(app)/settings/actions.ts#saveSettings': {
    ownRowsOnly: (_, ada) => ({ name: 'Mallory', signature: 'M.', replyTo: ada.email }),
  },
  'app/(app)/settings/follow-up-plans-actions.ts#savePlanSettingsAction': {
    // The defaults are the caller's own rows: no id names anyone else's.
    ownRowsOnly: () =>
      Object.fromEntries(
        ['after_applying', 'after_thanks', 'after_rejection'].flatMap((plan) => [
          [`${plan}.mode`, 'automatic'],
          [`${plan}.firstWaitDays`, '3'],
          [`${plan}.repeatEveryDays`, '30'],
          [`${plan}.maxLetters`, '2'],
        ]),
      ),
  },
  'app/(app)/settings/actions.ts#resendReplyToLinkAction': { exempt: 'takes no id: mails the caller’s own waiting address again' },
  'app/(app)/settings/actions.ts#confirmReplyToAction': {
    exempt: 'takes no id, only a link’s secret token, matched against the caller’s own waiting address; the reply-to tests refuse another account’s token',
  },
  'app/(app)/digest/actions.ts#sendFromDigestAction': {
    exempt: 'takes no id, only a digest link’s secret token, found only with the caller’s own user id; tests/digest/links.test.ts refuses another person’s link like a missing one',
  },
  'app/(app)/settings/actions.ts#deleteMyAccount': {
    // The address typed to confirm is the one key: Ada's deletes nothing, as a stranger's does not.
    names: [(_, t) => ({ email: t.email })],
  },
  'app/(app)/templates/actions.ts#saveBuiltinTemplateAction': { ownRowsOnly: () => template },
  'app/(app)/replies/actions.ts#replyStepAction': {
    names: [(_, t) => ({ replyId: t.reply, step: 'mark_read' }), (_, t) => ({ replyId: t.reply, step: 'move_to_rejected' })],
  },
  'app/(app)/replies/actions.ts#addReplyContactAction': { names: [(_, t) => ({ replyId: t.reply })] },
  'app/outbox/[id]/actions.ts#simulateReplyAction': {
    exempt: 'the outbox of a development machine (refused unless mail stays local); a reply is simulated only to the caller’s own letter (tests/replies/reply-steps.test.ts)',
  },
  'app/(app)/templates/actions.ts#resetBuiltinTemplateAction': { ownRowsOnly: () => ({ kind: 'interview_thanks' }) },
  'app/(app)/templates/actions.ts#createTemplateAction': { ownRowsOnly: () => ({ ...template, name: 'augusta thanks' }) },
  'app/(app)/templates/actions.ts#updateTemplateAction': { names: [(_, t) => ({ ...template, id: t.template, name: 'Mallory’s now' })] },
  'app/(app)/templates/actions.ts#deleteTemplateAction': { names: [(_, t) => ({ id: t.template })] },
  'app/(app)/templates/actions.ts#previewTemplateAction': {
    names: [(_, t) => ({ kind: 'interview_thanks', subject: template.subject, body: '{{ company }} {{ position }}', applicationId: t.application })],
  },
  'app/(auth)/sign-in/actions.ts#requestSignInLink': { exempt: 'public: asks for a sign-in link to the address typed, and reads no one’s rows' },
  'app/(auth)/sign-in/actions.ts#signInWithProvider': { exempt: 'public: starts an OAuth sign-in, and reads no one’s rows' },
};

const PAGES: Record<string, Case<Visit>> = {
  'app/(app)/applications/[id]/contacts/new/page.tsx': { names: [(_, t) => ({ params: { id: t.application } })] },
  'app/(app)/applications/[id]/edit/page.tsx': { names: [(_, t) => ({ params: { id: t.application } })] },
  'app/(app)/applications/[id]/interviews/[interviewId]/impression/page.tsx': {
    names: [
      (_, t) => ({ params: { id: t.application, interviewId: t.interview } }),
      (own, t) => ({ params: { id: own.application, interviewId: t.interview } }),
    ],
  },
  'app/(app)/applications/[id]/interviews/[interviewId]/edit/page.tsx': {
    names: [
      (_, t) => ({ params: { id: t.application, interviewId: t.interview } }),
      (own, t) => ({ params: { id: own.application, interviewId: t.interview } }),
    ],
  },
  'app/(app)/applications/[id]/interviews/new/page.tsx': { names: [(_, t) => ({ params: { id: t.application } })] },
  'app/(app)/applications/[id]/page.tsx': { names: [(_, t) => ({ params: { id: t.application } })] },
  'app/(app)/applications/import/page.tsx': { exempt: 'takes no id and shows no rows: the upload form, which posts to its route' },
  'app/(app)/applications/new/page.tsx': { ownRowsOnly: () => ({}) },
  'app/(app)/applications/page.tsx': { ownRowsOnly: () => ({ searchParams: { show: 'all' } }) },
  'app/(app)/applications/table/page.tsx': { ownRowsOnly: () => ({ searchParams: { q: 'Rockets' } }) },
  'app/(app)/contacts/[id]/edit/page.tsx': { names: [(_, t) => ({ params: { id: t.contact } })] },
  'app/(app)/contacts/[id]/merge/[duplicateId]/page.tsx': {
    names: [
      (own, t) => ({ params: { id: own.contact, duplicateId: t.twin } }),
      (own, t) => ({ params: { id: t.contact, duplicateId: own.twin } }),
    ],
  },
  'app/(app)/contacts/[id]/merge/page.tsx': {
    names: [(_, t) => ({ params: { id: t.contact } })],
  },
  'app/(app)/contacts/[id]/page.tsx': { names: [(_, t) => ({ params: { id: t.contact } })] },
  'app/(app)/contacts/new/page.tsx': { ownRowsOnly: () => ({}), blankForm: true },
  'app/(app)/contacts/page.tsx': { ownRowsOnly: () => ({ searchParams: { q: 'Contact' } }) },
  'app/(app)/dashboard/page.tsx': { ownRowsOnly: () => ({ searchParams: { more: '1' } }) },
  'app/(app)/letters/[id]/page.tsx': { names: [(_, t) => ({ params: { id: t.sentLetter } })] },
  'app/(app)/letters/new/page.tsx': {
    names: [
      (_, t) => ({ searchParams: { occasion: 'interview_thanks', interviewId: t.interview } }),
      (_, t) => ({ searchParams: { occasion: 'rejection_thanks', applicationId: t.application } }),
      (_, t) => ({ searchParams: { occasion: 'follow_up', applicationId: t.application, contactId: t.contact } }),
      (own, t) => ({ searchParams: { occasion: 'follow_up', applicationId: own.application, contactId: t.contact } }),
      (own, t) => ({ searchParams: { occasion: 'interview_thanks', interviewId: own.interview, templateId: t.template } }),
    ],
  },
  'app/(app)/letters/page.tsx': { names: [(_, t) => ({ searchParams: { contact: t.contact } })] },
  'app/(app)/settings/delete-account/page.tsx': { ownRowsOnly: () => ({}) },
  'app/(app)/settings/page.tsx': { ownRowsOnly: () => ({}) },
  'app/(app)/templates/[key]/edit/page.tsx': { names: [(_, t) => ({ params: { key: t.template } })] },
  'app/(app)/templates/new/page.tsx': { names: [(_, t) => ({ searchParams: { from: t.template } })] },
  'app/(app)/templates/page.tsx': { ownRowsOnly: () => ({}) },
  'app/(app)/digest/send/[token]/page.tsx': {
    exempt: 'takes no id, only a digest link’s secret token, found only with the caller’s own user id (tests/digest/links.test.ts); sends only through its button',
  },
  'app/(app)/settings/reply-to/page.tsx': { exempt: 'takes no id, only a link’s secret token, and spends it only through its Confirm button' },
  'app/(auth)/sign-in/check-email/page.tsx': { exempt: 'public: says a link was sent, names no one' },
  'app/(auth)/sign-in/confirm/page.tsx': { exempt: 'public: a button that spends the link’s own secret token' },
  'app/(auth)/sign-in/error/page.tsx': { exempt: 'public: explains a sign-in error by its code' },
  'app/(auth)/sign-in/page.tsx': { exempt: 'public: the sign-in form' },
  'app/outbox/[id]/page.tsx': { exempt: 'the local outbox of a development machine, which has no owner; not found unless mail mode is the outbox' },
  'app/outbox/page.tsx': { exempt: 'the local outbox of a development machine, which has no owner; not found unless mail mode is the outbox' },
  'app/page.tsx': { exempt: 'public: the landing page' },
};

type RouteCheck = { check: () => Promise<void> } | { exempt: string };

// Route handlers answer with data rather than pages, so each has its own check below.
const ROUTES: Record<string, RouteCheck> = {
  'app/(app)/applications/[id]/interviews/people/route.ts': { check: () => checkPeopleRoute() },
  'app/(app)/applications/export/route.ts': { check: () => checkExport('app/(app)/applications/export/route.ts', 'mallory Rockets') },
  'app/(app)/settings/export/route.ts': { check: () => checkExport('app/(app)/settings/export/route.ts', 'mallory.contact@acme.example') },
  'app/api/applications/import/route.ts': { check: () => checkImportRoute() },
  'app/api/auth/[...nextauth]/route.ts': { exempt: 'Auth.js: sign-in links and sessions are found by their secret tokens, never by an id' },
  'app/api/digest/unsubscribe/route.ts': {
    exempt: 'no session (RFC 8058 one-click): the signed token names the person, and only turns their own digest off (tests/digest/unsubscribe-route.test.ts)',
  },
  'app/api/health/route.ts': { exempt: 'takes nothing and says only whether the database answers and when a worker was last heard from' },
  'app/api/ready/route.ts': { exempt: 'takes nothing and says only whether this process has started and no migration is running' },
  'app/api/replies/[id]/html/route.ts': { check: () => checkReplyHtmlRoute() },
  'app/api/webhooks/resend/route.ts': { exempt: 'no session: Resend’s events are verified by signature and find letters by Resend’s own ids' },
};

describe('the table names every way in', () => {
  const found = entryPoints(root);
  const tables = { pages: PAGES, routes: ROUTES, actions: ACTIONS };

  it('finds what it should, so the test cannot pass on an empty list', () => {
    expect(found.pages).toContain('app/(app)/applications/[id]/page.tsx');
    expect(found.routes).toContain('app/(app)/settings/export/route.ts');
    expect(found.actions).toContain('app/(app)/letters/actions.ts#sendLetterAction');
    expect(found.actions).not.toContainEqual(expect.stringMatching(/#(?:checkbox|sendSchema|describe)$/));
  });

  for (const kind of ['pages', 'routes', 'actions'] as const) {
    it(`gives every one of the ${kind} a case or a reason`, () => {
      const missing = found[kind].filter((name) => !(name in tables[kind]));
      expect(missing, `add these ${kind} to the table in this file`).toEqual([]);
    });
    it(`names no ${kind} that no longer exist`, () => {
      const gone = Object.keys(tables[kind]).filter((name) => !found[kind].includes(name));
      expect(gone, `remove these ${kind} from the table in this file`).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------------------

const schemaPath = path.join(root, 'db/schema.ts');
const personTablesList = personTables(ts.createSourceFile(schemaPath, fs.readFileSync(schemaPath, 'utf8'), ts.ScriptTarget.Latest, true));
type AnyTable = typeof schema.letters;

/** Every row of Ada's, in every table with a user_id column, and her own row. */
async function everythingOf(person: Person) {
  const rows: Record<string, unknown[]> = {};
  for (const { name } of personTablesList) {
    const table = (schema as unknown as Record<string, AnyTable>)[name];
    const column = name === 'users' ? (table as unknown as typeof schema.users).id : table.userId;
    rows[name] = await db.select().from(table).where(eq(column, person.id));
  }
  return rows;
}

/** What seedWholeAccount gives a person, and the few rows more these cases need. */
async function seedKeys(person: Person): Promise<Keys> {
  const seeded = await seedWholeAccount(person);
  const label = person.name;
  const { contact: twin } = await findOrCreateContact(db, person.id, {
    name: `${label} Twin`,
    email: `${label}.twin@acme.example`,
    title: null,
    phone: null,
    linkedinUrl: null,
    notes: null,
  });
  const undecidedLetter = await seedLetter(person.id, {
    applicationId: seeded.application.id,
    subject: `${label} undecided`,
    status: 'needs_decision',
    recipients: [{ email: `${label}.contact@acme.example`, contactId: seeded.contact.id }],
  });
  // A bounce on the contact's address, before the contact was last saved.
  await db.insert(schema.flaggedAddresses).values({
    userId: person.id,
    email: `${label}.contact@acme.example`,
    reason: 'bounced',
    letterId: seeded.sentLetter,
    createdAt: new Date('2020-01-01T00:00:00Z'),
  });
  const [stageChange] = await db
    .select({ id: schema.stageChanges.id })
    .from(schema.stageChanges)
    .where(and(eq(schema.stageChanges.userId, person.id), eq(schema.stageChanges.applicationId, seeded.application.id)));
  return {
    application: seeded.application.id,
    other: seeded.other.id,
    contact: seeded.contact.id,
    twin: twin.id,
    interview: seeded.interview.id,
    template: seeded.template.id,
    sentLetter: seeded.sentLetter,
    undecidedLetter,
    reply: seeded.reply,
    stageChange: stageChange.id,
    email: person.email,
    contactEmail: `${label}.contact@acme.example`,
  };
}

/** Keys that name nothing: fresh ids and addresses nobody has. */
function missingKeys(): Keys {
  const fresh = () => crypto.randomUUID();
  return {
    application: fresh(),
    other: fresh(),
    contact: fresh(),
    twin: fresh(),
    interview: fresh(),
    template: fresh(),
    sentLetter: fresh(),
    undecidedLetter: fresh(),
    reply: fresh(),
    stageChange: fresh(),
    email: `nobody.${fresh().slice(0, 8)}@nowhere.example`,
    contactEmail: `nobody.${fresh().slice(0, 8)}@nowhere.example`,
  };
}

let ada: Person;
let mallory: Person;
let adas: Keys;
let mallorys: Keys;

beforeEach(async () => {
  // Ada is seeded as "augusta": the sample letter and the letter seeds already say "Ada", about no one.
  ada = await seedPerson('augusta');
  mallory = await seedPerson('mallory');
  adas = await seedKeys(ada);
  mallorys = await seedKeys(mallory);
  session.user = mallory;
});

const NOT_FOUND = 'NEXT_HTTP_ERROR_FALLBACK;404';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g;

/**
 * An outcome as text, with the keys the caller named written as their
 * names, so one outcome can be compared with another made with other keys.
 * Whatever else is left of Ada's (her label, an id of hers the caller did
 * not name) fails the test.
 */
function comparable(outcome: unknown, keys: Keys, named: string[]): string {
  let text = JSON.stringify(outcome);
  const entries = (Object.entries(keys) as [keyof Keys, string][]).filter(([, value]) => named.some((n) => n.includes(value)));
  for (const [name, value] of entries.sort(([, a], [, b]) => b.length - a.length)) text = text.split(value).join(`{${name}}`);
  expectNothingOfAdas(text);
  return text.replace(UUID, '<id>').replace(TIME, '<time>');
}

function expectNothingOfAdas(text: string) {
  expect(text, 'shows Ada’s words').not.toMatch(/augusta/i);
  for (const [name, value] of Object.entries(adas)) expect(text, `shows Ada’s ${name}`).not.toContain(value);
}

function thrown(error: unknown) {
  const digest = (error as { digest?: unknown })?.digest;
  return { threw: typeof digest === 'string' ? digest : String(error) };
}

/** Runs with the keys under test, checking Ada's rows stay as they were; the outcome made comparable. */
async function attempt<T>(naming: Naming<T>, target: Keys, run: (input: T) => Promise<unknown>, named: (input: T) => string[]) {
  const before = await everythingOf(ada);
  const input = naming(mallorys, target);
  const outcome = await run(input).catch(thrown);
  expect(await everythingOf(ada), 'changed Ada’s rows').toEqual(before);
  return comparable(outcome, target, named(input));
}

/** Ada's keys behave as missing ones; Mallory's own do something else. */
async function expectLikeMissing<T>(naming: Naming<T>, run: (input: T) => Promise<unknown>, named: (input: T) => string[]) {
  const withAdas = await attempt(naming, adas, run, named);
  const withMissing = await attempt(naming, missingKeys(), run, named);
  expect(withAdas, 'Ada’s rows answer differently from missing ones').toEqual(withMissing);
  const withOwn = await attempt(naming, mallorys, run, named);
  expect(withOwn, 'Mallory’s own rows answer as missing ones: the case does not reach its check').not.toEqual(withMissing);
  return withAdas;
}

const modules = new Map<string, Promise<Record<string, unknown>>>();
const load = (file: string) => {
  if (!modules.has(file)) modules.set(file, import(/* @vite-ignore */ path.join(root, file)));
  return modules.get(file)!;
};

type Action = (previous: ActionState, form: FormData) => Promise<ActionState>;
async function runAction(name: string, fields: Fields) {
  const [file, exported] = name.split('#');
  const action = (await load(file))[exported] as Action;
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  // The form's own values come back to refill it: they say nothing about whose rows exist.
  const state: Partial<ActionState> = await action({ ok: false }, form);
  delete state.values;
  return state;
}

type Page = (props: { params: Promise<Fields>; searchParams: Promise<Fields> }) => Promise<ReactElement>;
async function renderPage(file: string, visit: Visit) {
  const page = (await load(file)).default as Page;
  const element = await page({ params: Promise.resolve(visit.params ?? {}), searchParams: Promise.resolve(visit.searchParams ?? {}) });
  // Rendered to the end, every streamed section included, as a browser receives it; a
  // throw anywhere in the tree (notFound, another person's id) fails the render as a whole.
  let thrownInTree: unknown = null;
  const { prelude } = await prerender(element, { onError: (error) => void (thrownInTree ??= error) });
  const html = await new Response(prelude).text();
  if (thrownInTree) throw thrownInTree;
  return { html };
}

const formValues = (fields: Fields) => [...Object.keys(fields), ...Object.values(fields)];
const visitValues = (visit: Visit) => [...Object.values(visit.params ?? {}), ...Object.values(visit.searchParams ?? {})];

describe('server actions: Ada’s ids are refused as missing ones', () => {
  for (const [name, entry] of Object.entries(ACTIONS)) {
    if ('names' in entry) {
      entry.names.forEach((naming, i) => {
        it(`${name} (${i + 1})`, async () => {
          const outcome = await expectLikeMissing(naming, (fields) => runAction(name, fields), formValues);
          // A partly done bulk change is not refused as a whole, but says what could not be found.
          if (entry.refused !== false) expect(outcome).toMatch(/^\{"ok":false|could not be found/);
        });
      });
    }
    if ('ownRowsOnly' in entry) {
      it(`${name} writes only Mallory’s rows`, async () => {
        const before = await everythingOf(ada);
        const fields = entry.ownRowsOnly(mallorys, adas);
        const outcome = await runAction(name, fields).catch(thrown);
        expect(await everythingOf(ada)).toEqual(before);
        expect(JSON.stringify(outcome)).not.toMatch(/Something went wrong|Please correct/);
        comparable(outcome, adas, formValues(fields));
      });
    }
  }
});

describe('pages: Ada’s ids are not found, as missing ones', () => {
  for (const [file, entry] of Object.entries(PAGES)) {
    if ('names' in entry) {
      entry.names.forEach((naming, i) => {
        it(`${file} (${i + 1})`, async () => {
          const outcome = await expectLikeMissing(naming, (visit) => renderPage(file, visit), visitValues);
          // An id in the path is not found; one in the query may only narrow or prefill, so the page still shows.
          if (naming(mallorys, adas).params) expect(outcome).toBe(JSON.stringify({ threw: NOT_FOUND }));
        });
      });
    }
    if ('ownRowsOnly' in entry) {
      it(`${file} shows only Mallory’s rows`, async () => {
        const { html } = await renderPage(file, entry.ownRowsOnly(mallorys, adas));
        if (!entry.blankForm) expect(html).toMatch(/mallory/);
        expectNothingOfAdas(html);
      });
    }
  }
});

describe('route handlers answer with the signed-in person’s data only', () => {
  for (const [file, entry] of Object.entries(ROUTES)) {
    if ('check' in entry) it(file, () => entry.check());
  }
});

async function checkPeopleRoute() {
  const { GET } = (await load('app/(app)/applications/[id]/interviews/people/route.ts')) as {
    GET: (request: NextRequest, context: { params: Promise<Fields> }) => Promise<Response>;
  };
  const ask = async (applicationId: string, q = '') => {
    const response = await GET(new NextRequest(`http://localhost:3000/applications/${applicationId}/interviews/people?q=${q}`), {
      params: Promise.resolve({ id: applicationId }),
    });
    return { status: response.status, body: await response.json() };
  };
  await expectLikeMissing((_, t) => t.application, (id) => ask(id), (id) => [id]);
  // Searching Mallory's own application finds her contacts only, whatever she types.
  const own = await ask(mallorys.application, 'augusta');
  expect(own).toEqual({ status: 200, body: { contacts: [] } });
  expect((await ask(mallorys.other, 'twin')).body.contacts).toEqual([{ id: mallorys.twin, name: 'mallory Twin', email: 'mallory.twin@acme.example' }]);
}

async function checkReplyHtmlRoute() {
  const { GET } = (await load('app/api/replies/[id]/html/route.ts')) as {
    GET: (request: Request, context: { params: Promise<Fields> }) => Promise<Response>;
  };
  const ask = async (replyId: string) => {
    const response = await GET(new Request(`http://localhost:3000/api/replies/${replyId}/html`), { params: Promise.resolve({ id: replyId }) });
    return { status: response.status, body: await response.text() };
  };
  await expectLikeMissing((_, t) => t.reply, (id) => ask(id), (id) => [id]);
  expect((await ask(mallorys.reply)).body).toBe('<p>mallory is glad you wrote.</p>');
}

async function checkExport(file: string, mine: string) {
  const { GET } = (await load(file)) as { GET: () => Promise<Response> };
  const response = await GET();
  expect(response.status).toBe(200);
  const text = await response.text();
  expect(text).toContain(mine);
  expectNothingOfAdas(text);
}

async function checkImportRoute() {
  const { POST } = (await load('app/api/applications/import/route.ts')) as { POST: (request: Request) => Promise<Response> };
  const post = async (form: FormData) => {
    const response = await POST(
      new Request('http://localhost:3000/api/applications/import', { method: 'POST', body: form, headers: { origin: 'http://localhost:3000', host: 'localhost:3000' } }),
    );
    return (await response.json()) as ActionState<string, never>;
  };
  const before = await everythingOf(ada);
  // Ada's company by name: Mallory gets a company of her own by that name.
  const preview = previewIn(await post(uploadForm(csvFile('Company,Position\naugusta Rockets,Flight Engineer\n'))));
  expect(await post(previewForm(preview, 'import'))).toMatchObject({ ok: true, redirectTo: '/applications/table?imported=1' });
  expect(await everythingOf(ada)).toEqual(before);
  const companies = await db.select().from(schema.companies).where(eq(schema.companies.name, 'augusta Rockets'));
  expect(companies.map((c) => c.userId).sort()).toEqual([ada.id, mallory.id].sort());
}
