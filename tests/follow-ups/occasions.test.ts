import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { applicationContacts, letterRecipients, letters } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import { resetPacer } from '@/server/mail/pacer';
import { moveApplications } from '@/server/applications/move-applications';
import { useResendTestServer } from '../helpers/mail-mode';
import { form } from '../interviews/support';
import { setupTestDatabase } from '../support/database';
import { seedPeople, seedPlanApp } from './support';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/user', () => ({ getUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { sendLetterAction } = await import('@/app/(app)/letters/actions');
const { NOT_DUE } = await import('@/server/follow-ups/send-plan-step');

setupTestDatabase();
const mail = useResendTestServer();

const send = (fields: Record<string, string>) => sendLetterAction({ ok: false }, form({ requestId: crypto.randomUUID(), ...fields }));

beforeEach(() => resetPacer());

describe('asking for feedback after a rejection', () => {
  it('writes one letter to the primary contact from the built-in template, once however often it is asked', async () => {
    const { ada, mallory } = await seedPeople();
    session.user = ada;
    const { applicationId, grace } = await seedPlanApp(ada.id, { stage: 'rejected', movedDaysAgo: 2 });
    const fields = { occasion: 'feedback_request', applicationId };
    expect(await send(fields)).toMatchObject({ ok: true });
    expect(await send(fields)).toMatchObject({ ok: true, message: expect.stringContaining('Already sent') });
    const emails = mail.server.emails();
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toBe('A quick question about the Flight Engineer role');
    expect(emails[0].text).toContain('Dear Grace,');
    const [recipient] = await db.select().from(letterRecipients).where(eq(letterRecipients.userId, ada.id));
    expect(recipient).toMatchObject({ contactId: grace, role: 'to', dedupeKey: `feedback_request:${applicationId}:${grace}` });
    const [letter] = await db.select({ kind: letters.kind }).from(letters);
    expect(letter.kind).toBe('feedback_request');

    // Another person's application is not found, like a missing one.
    session.user = mallory;
    expect(await send(fields)).toMatchObject({ ok: false, message: expect.stringMatching(/no longer exists/) });
    expect(mail.server.emails()).toHaveLength(1);
  });

  it('says who is missing when there is no primary contact', async () => {
    const { ada } = await seedPeople();
    session.user = ada;
    const { applicationId } = await seedPlanApp(ada.id, { stage: 'rejected', movedDaysAgo: 2, primary: false });
    const result = await send({ occasion: 'feedback_request', applicationId });
    expect(result).toMatchObject({ ok: false, data: { problems: [{ message: expect.stringMatching(/Nobody to write to/) }] } });
    expect(mail.server.emails()).toHaveLength(0);
  });
});

describe('a follow-up without an earlier letter', () => {
  it('goes to the application’s primary contact', async () => {
    const { ada } = await seedPeople();
    session.user = ada;
    const { applicationId } = await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 9 });
    expect(await send({ occasion: 'follow_up', applicationId })).toMatchObject({ ok: true });
    expect(mail.server.emails()).toHaveLength(1);
    expect(mail.server.emails()[0].text).toContain('Dear Grace,');
  });

  it('a plan’s step is sent only while it is due, to the plan’s contact', async () => {
    const { ada, mallory } = await seedPeople();
    session.user = ada;
    const due = await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 9, company: 'Due' });
    const early = await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 2, company: 'Early' });
    expect(await send({ occasion: 'follow_up', applicationId: early.applicationId, followUpPlan: 'after_applying' })).toMatchObject({
      ok: false,
      message: NOT_DUE,
    });
    session.user = mallory;
    expect(await send({ occasion: 'follow_up', applicationId: due.applicationId, followUpPlan: 'after_applying' })).toMatchObject({
      ok: false,
      message: NOT_DUE,
    });
    session.user = ada;
    expect(await send({ occasion: 'follow_up', applicationId: due.applicationId, followUpPlan: 'after_applying' })).toMatchObject({ ok: true });
    expect(mail.server.emails().map((e) => e.to)).toEqual([[expect.stringMatching(/^grace\./)]]);
    // Once it moves on, the step is not due any more.
    await moveApplications(ada.id, [due.applicationId], 'interviewing');
    await db.update(applicationContacts).set({ isPrimary: true }).where(eq(applicationContacts.applicationId, due.applicationId));
    expect(await send({ occasion: 'follow_up', applicationId: due.applicationId, followUpPlan: 'after_applying' })).toMatchObject({
      ok: false,
      message: NOT_DUE,
    });
  });
});
