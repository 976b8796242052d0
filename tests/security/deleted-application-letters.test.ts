import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { letterOutcomes } from '@/db/queries/outcomes/letters';
import { outcomeScope } from '@/db/queries/outcomes/scope';
import { letterEvents, letterRecipients, letters } from '@/db/schema';
import { LETTER_BEING_SENT } from '@/lib/errors';
import { deleteApplication } from '@/server/applications/delete-application';
import { deleteInterview } from '@/server/interviews/delete-interview';
import { seedLetter } from '../letter-pages/seed';
import { setupTestDatabase } from '../support/database';
import { seedPerson, seedWholeAccount, type Person } from './support/whole-account';

const session = vi.hoisted(() => ({ user: null as Person | null }));
vi.mock('@/lib/auth/user', () => ({
  getUser: async () => session.user,
  requireUser: async () => session.user,
}));

const { default: LetterPage } = await import('@/app/(app)/letters/[id]/page');
const { default: LettersPage } = await import('@/app/(app)/letters/page');

setupTestDatabase();

let ada: Person;
let seeded: Awaited<ReturnType<typeof seedWholeAccount>>;

beforeEach(async () => {
  ada = await seedPerson('ada');
  seeded = await seedWholeAccount(ada);
  session.user = ada;
});

const html = async (page: Promise<ReactElement>) => renderToStaticMarkup(await page);

const letterRow = async (id: string) => (await db.select().from(letters).where(eq(letters.id, id)))[0];
const recipientsOf = (id: string) => db.select().from(letterRecipients).where(eq(letterRecipients.letterId, id)).orderBy(letterRecipients.email);
const eventsOf = (id: string) => db.select().from(letterEvents).where(eq(letterEvents.letterId, id)).orderBy(letterEvents.occurredAt);
const outcomes = () => letterOutcomes(outcomeScope(ada.id, 'all'));

describe('deleting an application keeps the letters already sent', () => {
  it('keeps the sent letter, detached, with its recipients and events, and the outcomes count the same', async () => {
    const before = { letter: await letterRow(seeded.sentLetter), recipients: await recipientsOf(seeded.sentLetter), events: await eventsOf(seeded.sentLetter) };
    const counted = await outcomes();
    expect(counted.total.delivered).toBe(1);

    expect(await deleteApplication(ada.id, seeded.application.id)).toBe(true);

    expect(await letterRow(seeded.sentLetter)).toEqual({ ...before.letter, applicationId: null, interviewId: null });
    expect(await recipientsOf(seeded.sentLetter)).toEqual(before.recipients);
    expect(await eventsOf(seeded.sentLetter)).toEqual(before.events);
    expect(await outcomes()).toEqual(counted);
  });

  it('shows the kept letter, in the list and on its page, as about an application deleted', async () => {
    await deleteApplication(ada.id, seeded.application.id);
    const page = await html(LetterPage({ params: Promise.resolve({ id: seeded.sentLetter }) }));
    expect(page).toContain('ada thanks you');
    expect(page).toContain('Application deleted');
    expect(page).toContain('ada.cc@acme.example');
    const list = await html(LettersPage({ searchParams: Promise.resolve({}) }));
    expect(list).toContain('ada thanks you');
    expect(list).toContain('Application deleted');
  });

  it('deletes the letters never sent with it, as before', async () => {
    const failed = await seedLetter(ada.id, { applicationId: seeded.application.id, status: 'failed', lastError: 'Resend refused it' });
    const queued = await seedLetter(ada.id, { applicationId: seeded.application.id, interviewId: seeded.interview.id });
    await deleteApplication(ada.id, seeded.application.id);
    expect(await letterRow(failed)).toBeUndefined();
    expect(await letterRow(queued)).toBeUndefined();
    expect(await recipientsOf(queued)).toEqual([]);
  });

  it('is refused while one of its letters is with a sender, and nothing is deleted', async () => {
    const beingSent = await seedLetter(ada.id, { applicationId: seeded.application.id, claimedUntil: new Date(Date.now() + 60_000), attempts: 1 });
    await expect(deleteApplication(ada.id, seeded.application.id)).rejects.toThrow(LETTER_BEING_SENT);
    expect((await letterRow(beingSent)).applicationId).toBe(seeded.application.id);
    expect((await letterRow(seeded.sentLetter)).applicationId).toBe(seeded.application.id);
  });

  it('goes ahead once a dead sender’s lease has run out', async () => {
    const stale = await seedLetter(ada.id, { applicationId: seeded.application.id, claimedUntil: new Date(Date.now() - 1000), attempts: 1 });
    expect(await deleteApplication(ada.id, seeded.application.id)).toBe(true);
    expect(await letterRow(stale)).toBeUndefined();
  });
});

describe('deleting an interview keeps its letters already sent', () => {
  it('keeps the sent letter on the application, without the interview', async () => {
    const counted = await outcomes();
    const unsent = await seedLetter(ada.id, { applicationId: seeded.application.id, interviewId: seeded.interview.id, status: 'failed' });
    expect(await deleteInterview(ada.id, seeded.application.id, seeded.interview.id)).toBe(true);
    expect(await letterRow(seeded.sentLetter)).toMatchObject({ applicationId: seeded.application.id, interviewId: null });
    expect(await recipientsOf(seeded.sentLetter)).toHaveLength(2);
    expect(await letterRow(unsent)).toBeUndefined();
    expect((await outcomes()).total.delivered).toBe(counted.total.delivered);
  });

  it('changes nothing when the interview is not that application’s', async () => {
    expect(await deleteInterview(ada.id, seeded.other.id, seeded.interview.id)).toBe(false);
    expect(await letterRow(seeded.sentLetter)).toMatchObject({ applicationId: seeded.application.id, interviewId: seeded.interview.id });
  });
});
