import { and, desc, eq, inArray, notInArray } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { markReplied } from '@/db/queries/due/follow-ups';
import { refreshLastLetters } from '@/db/queries/last-letter';
import { contacts, letterRecipients, letters } from '@/db/schema';
import { deleteApplication } from '@/server/applications/delete-application';
import { mergeContacts } from '@/server/contacts/merge-contacts';
import { deleteInterview } from '@/server/interviews/delete-interview';
import { logInterview } from '@/server/interviews/log-interview';
import { decideLetter } from '@/server/letters/decide-letter';
import { deliverLetter } from '@/server/letters/deliver-letter';
import { reportLetterStatus } from '@/server/letters/report-letter-status';
import { resetPacer } from '@/server/mail/pacer';
import { restoreEnv, useOutboxMode } from '../helpers/mail-mode';
import { interviewInput, seedApplication, seedContact } from '../interviews/support';
import { handOverWithoutAnswer, makeLate, queueThanks as queueLettersFor, type Seeded, seedInterviewWithThree } from '../letters/support';
import { setupTestDatabase } from '../support/database';

setupTestDatabase();

let seeded: Seeded;
beforeEach(async () => {
  useOutboxMode();
  await resetPacer();
  seeded = await seedInterviewWithThree();
  return restoreEnv;
});

const queueThanks = (test = false) => queueLettersFor(seeded, { test });

const lastLetterOf = async (contactId: string) => {
  const [row] = await db
    .select({ id: contacts.lastLetterId, at: contacts.lastLetterAt, dueAt: contacts.followUpDueAt })
    .from(contacts)
    .where(eq(contacts.id, contactId));
  return row;
};

/** What the last letter must be, worked out from every letter: what the stored one is checked against. */
async function expectedLastLetter(contactId: string) {
  const [row] = await db
    .select({ id: letterRecipients.letterId })
    .from(letterRecipients)
    .innerJoin(letters, eq(letters.id, letterRecipients.letterId))
    .where(
      and(
        eq(letterRecipients.contactId, contactId),
        eq(letters.isTest, false),
        notInArray(letters.status, ['bounced', 'complained', 'failed', 'suppressed', 'needs_decision']),
      ),
    )
    .orderBy(desc(letterRecipients.createdAt), desc(letterRecipients.id))
    .limit(1);
  return row?.id ?? null;
}

async function expectTrueFor(...contactIds: string[]) {
  for (const contactId of contactIds) expect((await lastLetterOf(contactId)).id).toBe(await expectedLastLetter(contactId));
}

describe('a contact’s last letter', () => {
  it('is set for everyone a letter goes to, To and CC, with the follow-up due 6 weeks later; a test letter changes nothing', async () => {
    await queueThanks(true);
    expect((await lastLetterOf(seeded.grace)).id).toBeNull();

    const letterId = await queueThanks();
    for (const person of [seeded.grace, seeded.alan, seeded.katherine]) {
      const last = await lastLetterOf(person);
      expect(last.id).toBe(letterId);
      expect(last.dueAt!.getTime() - last.at!.getTime()).toBe(6 * 7 * 24 * 60 * 60 * 1000);
    }
  });

  it('falls back to the letter before when the latest bounces, and to none when there is none', async () => {
    const first = await queueThanks();
    await db.update(letterRecipients).set({ dedupeKey: null }).where(eq(letterRecipients.letterId, first));
    const second = await queueThanks();
    expect((await lastLetterOf(seeded.grace)).id).toBe(second);

    await db.transaction((tx) => reportLetterStatus(tx, seeded.ada.id, second, 'bounced'));
    expect((await lastLetterOf(seeded.grace)).id).toBe(first);
    await db.transaction((tx) => reportLetterStatus(tx, seeded.ada.id, first, 'failed'));
    expect(await lastLetterOf(seeded.grace)).toEqual({ id: null, at: null, dueAt: null });
    await expectTrueFor(seeded.grace, seeded.alan, seeded.katherine);
  });

  it('leaves a letter waiting on a decision out, and takes it back when it is sent again', async () => {
    const letterId = await queueThanks();
    await handOverWithoutAnswer(letterId);
    await makeLate(letterId);
    expect(await deliverLetter(letterId)).toEqual({ outcome: 'needs_decision' });
    expect((await lastLetterOf(seeded.grace)).id).toBeNull();

    expect(await decideLetter(seeded.ada.id, letterId, 'send_again')).toBe(true);
    expect((await lastLetterOf(seeded.grace)).id).toBe(letterId);
    await expectTrueFor(seeded.grace, seeded.alan);
  });

  it('goes with the interview or application whose letters are deleted', async () => {
    await queueThanks();
    expect(await deleteInterview(seeded.ada.id, seeded.applicationId, seeded.interviewId)).toBe(true);
    expect((await lastLetterOf(seeded.grace)).id).toBeNull();

    seeded = await seedAgain();
    await queueThanks();
    expect(await deleteApplication(seeded.ada.id, seeded.applicationId)).toBe(true);
    expect((await lastLetterOf(seeded.grace)).id).toBeNull();
    await expectTrueFor(seeded.grace, seeded.alan, seeded.katherine);
  });

  it('after a merge, is the later of the two people’s letters, and their letters are the survivor’s', async () => {
    const letterId = await queueThanks();
    const graceAgain = await seedContact(seeded.ada.id, 'Grace B. Hopper', 'grace.hopper@acme.example');
    expect((await lastLetterOf(graceAgain)).id).toBeNull();

    expect(await mergeContacts(seeded.ada.id, graceAgain, seeded.grace)).not.toBeNull();
    expect((await lastLetterOf(graceAgain)).id).toBe(letterId);
    const moved = await db
      .select({ contactId: letterRecipients.contactId })
      .from(letterRecipients)
      .where(and(eq(letterRecipients.letterId, letterId), inArray(letterRecipients.contactId, [graceAgain, seeded.grace])));
    expect(moved).toEqual([{ contactId: graceAgain }]);
  });

  it('has no follow-up due once they replied after it, or when follow-ups are off', async () => {
    await queueThanks();
    expect((await lastLetterOf(seeded.grace)).dueAt).not.toBeNull();
    await markReplied(seeded.ada.id, seeded.grace);
    expect((await lastLetterOf(seeded.grace)).dueAt).toBeNull();

    await db.update(contacts).set({ followUpWeeks: 0 }).where(eq(contacts.id, seeded.alan));
    expect((await lastLetterOf(seeded.alan)).dueAt).toBeNull();
    await db.update(contacts).set({ followUpWeeks: 2 }).where(eq(contacts.id, seeded.alan));
    const alan = await lastLetterOf(seeded.alan);
    expect(alan.dueAt!.getTime() - alan.at!.getTime()).toBe(2 * 7 * 24 * 60 * 60 * 1000);
  });

  it('is never changed by, or taken from, another person', async () => {
    const letterId = await queueThanks();
    expect(await db.transaction((tx) => reportLetterStatus(tx, seeded.mallory.id, letterId, 'bounced'))).toBeNull();
    expect((await lastLetterOf(seeded.grace)).id).toBe(letterId);

    await db.update(contacts).set({ lastLetterId: null, lastLetterAt: null }).where(eq(contacts.id, seeded.grace));
    await refreshLastLetters(db, seeded.mallory.id, { contactIds: [seeded.grace] });
    expect((await lastLetterOf(seeded.grace)).id).toBeNull();
    await refreshLastLetters(db, seeded.ada.id, { contactIds: [seeded.grace] });
    expect((await lastLetterOf(seeded.grace)).id).toBe(letterId);
  });
});

/** A second interview with the same three people, at another company, for a test that needs one after deleting the first. */
async function seedAgain(): Promise<Seeded> {
  const applicationId = await seedApplication(seeded.ada.id, 'interviewing', 'Beta Rockets');
  const interview = await logInterview(
    seeded.ada.id,
    applicationId,
    interviewInput({
      scheduledAt: new Date(Date.now() - 24 * 60 * 60 * 1000),
      kind: 'onsite',
      impression: 'the care in every review',
      attendeeIds: [seeded.grace, seeded.alan, seeded.katherine],
      primary: { contactId: seeded.grace },
    }),
  );
  return { ...seeded, applicationId, interviewId: interview!.interviewId };
}
