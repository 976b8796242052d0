import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { followUpsDue } from '@/db/queries/due/follow-ups';
import { rejectionThanksOwed, thankYouOwed } from '@/db/queries/due/thank-you';
import { contacts } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import { resetPacer } from '@/server/mail/pacer';
import { signInAs } from '../contacts/support/session';
import { useResendTestServer } from '../helpers/mail-mode';
import { thrownDigest } from '../interviews/support';
import { setupTestDatabase } from '../support/database';
import { daysAgo, form, hoursAgo, seedApp, seedInterviewAt, seedLetter, seedPeople, seedPersonMet } from './due-seed';

vi.mock('@/lib/auth/user', () => import('../contacts/support/session'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { sendLetterAction } = await import('@/app/(app)/letters/actions');
const { updateContactAction } = await import('@/app/(app)/contacts/actions');

setupTestDatabase();
const mail = useResendTestServer();

let ada: SessionUser;
let applicationId: string;
let grace: string;
let alan: string;
beforeEach(async () => {
  ({ ada } = await seedPeople());
  applicationId = await seedApp(ada.id, { stageChangedAt: daysAgo(100) });
  grace = await seedPersonMet(ada.id, applicationId, 'Grace Hopper', { primary: true });
  alan = await seedPersonMet(ada.id, applicationId, 'Alan Turing');
  signInAs(ada);
  await resetPacer();
});

const send = (fields: Record<string, string>) =>
  sendLetterAction({ ok: false }, form({ requestId: crypto.randomUUID(), ...fields }));

describe('sending from "What is due"', () => {
  it('a thank-you sent with one click leaves the list', async () => {
    const interviewId = await seedInterviewAt(ada.id, applicationId, hoursAgo(20), { attendees: [grace, alan] });
    expect((await thankYouOwed(ada.id, new Date())).rows.map((r) => r.interviewId)).toEqual([interviewId]);
    expect(await send({ occasion: 'interview_thanks', interviewId })).toMatchObject({
      ok: true,
      message: 'Sent to grace@acme.example.',
    });
    expect(mail.server.emails()).toHaveLength(1);
    expect((await thankYouOwed(ada.id, new Date())).rows).toEqual([]);
  });

  it('a rejection thank-you goes to each person met, and leaves the list', async () => {
    const rejected = await seedApp(ada.id, { stage: 'rejected', stageChangedAt: daysAgo(2), company: 'Initech' });
    const bob = await seedPersonMet(ada.id, rejected, 'Bob Porter', { email: 'bob@initech.example' });
    await seedInterviewAt(ada.id, rejected, daysAgo(9), { attendees: [bob] });
    expect((await rejectionThanksOwed(ada.id, new Date())).total).toBe(1);
    expect(await send({ occasion: 'rejection_thanks', applicationId: rejected, separate: 'on' })).toMatchObject({ ok: true });
    expect(mail.server.emails().map((e) => e.to)).toEqual([['bob@initech.example']]);
    expect((await rejectionThanksOwed(ada.id, new Date())).total).toBe(0);
  });

  it('a follow-up to someone who is not the primary contact is sent, and the next comes due after the cadence', async () => {
    await seedInterviewAt(ada.id, applicationId, daysAgo(60), { attendees: [grace, alan] });
    await seedLetter(ada.id, { kind: 'interview_thanks', applicationId, to: alan, at: daysAgo(50) });
    expect((await followUpsDue(ada.id, new Date())).rows.map((r) => r.name)).toEqual(['Alan Turing']);
    expect(await send({ occasion: 'follow_up', applicationId, contactId: alan, separate: 'on' })).toMatchObject({
      ok: true,
      message: 'Sent to alan@acme.example.',
    });
    expect((await followUpsDue(ada.id, new Date())).rows).toEqual([]);
    const sixWeeksOn = new Date(Date.now() + 6 * 7 * 86_400_000 + 60_000);
    expect((await followUpsDue(ada.id, sixWeeksOn)).rows.map((r) => r.name)).toEqual(['Alan Turing']);
  });
});

describe('the follow-up cadence on the contact form', () => {
  const save = (fields: Record<string, string>) =>
    thrownDigest(
      updateContactAction({ ok: false }, form({ id: grace, name: 'Grace Hopper', email: 'grace@acme.example', ...fields })),
    );
  const cadence = async () => (await db.select().from(contacts).where(eq(contacts.id, grace)))[0].followUpWeeks;

  it('saves a cadence, the default, or off; a form without the field leaves it as it is', async () => {
    expect(await save({ followUpWeeks: '2' })).toContain(`;/contacts/${grace};`);
    expect(await cadence()).toBe(2);
    await save({});
    expect(await cadence()).toBe(2);
    await save({ followUpWeeks: '0' });
    expect(await cadence()).toBe(0);
    await save({ followUpWeeks: '' });
    expect(await cadence()).toBeNull();
  });

  it('refuses a cadence that is not a whole number of weeks up to a year, keeping what was typed', async () => {
    for (const value of ['60', '-1', '2.5', 'soon']) {
      const result = await updateContactAction({ ok: false }, form({ id: grace, name: 'Grace Hopper', followUpWeeks: value }));
      expect(result).toMatchObject({
        ok: false,
        fieldErrors: { followUpWeeks: ['Choose how often to follow up from the list.'] },
      });
      expect(result.values?.followUpWeeks).toBe(value);
    }
    expect(await cadence()).toBeNull();
  });
});
