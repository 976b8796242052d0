import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { applicationContacts, applications, letters, outboxMessages } from '@/db/schema';
import { UserError } from '@/lib/errors';
import { deliverLetter } from '@/server/letters/deliver-letter';
import { addReplySenderAsContact, takeReplyStep } from '@/server/replies/act-on-reply';
import { simulateReply } from '@/server/replies/simulate-reply';
import { restoreEnv, useOutboxMode, useResendTestServer } from '../helpers/mail-mode';
import { setupTestDatabase } from '../support/database';
import { INBOUND, repliesOf, repliedAt, seedSentThankYou, useInboundDomain } from './support';

setupTestDatabase();

/** The seeded thank-you, queued again so the send path writes its body: Reply-To, Message-ID and all. */
async function requeue(letterId: string) {
  await db.update(letters).set({ status: 'queued', sentAt: null, messageId: null, nextAttemptAt: new Date(0) }).where(eq(letters.id, letterId));
}

describe('what a letter says about replies', () => {
  const mail = useResendTestServer();
  afterEach(restoreEnv);

  it('with INBOUND_DOMAIN: Reply-To is the person’s address, then the signed reply address; the Message-ID is kept', async () => {
    useInboundDomain();
    const { ada, letterId, replyTo } = await seedSentThankYou();
    await requeue(letterId);
    expect(await deliverLetter(letterId)).toEqual({ outcome: 'sent' });
    const [sent] = mail.server.emails();
    expect(sent.replyTo).toEqual([ada.email, replyTo]);
    expect(replyTo.endsWith(`@${INBOUND}`)).toBe(true);
    const [row] = await db.select({ messageId: letters.messageId }).from(letters).where(eq(letters.id, letterId));
    expect(row.messageId).toBe(`<letter-${letterId}@afterword.test>`);
    expect(sent.headers['Message-ID']).toBe(row.messageId);
  });

  it('without it: only the person’s own address, as before', async () => {
    const { ada, letterId } = await seedSentThankYou();
    await requeue(letterId);
    await deliverLetter(letterId);
    expect(mail.server.emails()[0].replyTo).toEqual([ada.email]);
  });
});

describe('a reply’s one-click steps', () => {
  beforeEach(() => {
    useOutboxMode();
    useInboundDomain();
  });
  afterEach(restoreEnv);

  async function simulated(text: string, from?: string) {
    const seeded = await seedSentThankYou();
    await requeue(seeded.letterId);
    await deliverLetter(seeded.letterId);
    const [message] = await db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, `afterword-letter-${seeded.letterId}`));
    const read = await simulateReply(seeded.ada.id, message.id, { from: from ?? seeded.ana.email, text });
    const [reply] = await repliesOf(seeded.ada.id);
    return { ...seeded, message, read, reply };
  }

  it('Simulate a reply goes the received path: matched by its address, trimmed, stopping the follow-up', async () => {
    const { ada, ana, letterId, read, reply } = await simulated('Happy to hear from you. Could we schedule a call next week?');
    expect(read).toMatchObject({ outcome: 'recorded', userId: ada.id });
    expect(reply).toMatchObject({ letterId, match: 'token', kind: 'reply', nextStep: 'log_interview', text: 'Happy to hear from you. Could we schedule a call next week?' });
    expect((await repliedAt(ada.id, ana.id)).dueAt).toBeNull();
  });

  it('only the person whose letter it is may simulate its reply', async () => {
    const { message } = await simulated('First');
    const other = await seedSentThankYou();
    await expect(simulateReply(other.ada.id, message.id, { from: 'x@acme.example', text: 'Hi' })).rejects.toThrow(UserError);
  });

  it('Move to Rejected moves the application and leaves the reply handled; Mark as read only marks it', async () => {
    const { ada, applicationId, reply } = await simulated('Unfortunately, we have decided not to move forward with your application.');
    expect(reply.nextStep).toBe('move_to_rejected');
    expect(await takeReplyStep(ada.id, reply.id, 'move_to_rejected')).toEqual({ message: 'Moved to Rejected.', next: `/applications/${applicationId}` });
    const [application] = await db.select({ stage: applications.stage }).from(applications).where(eq(applications.id, applicationId));
    expect(application.stage).toBe('rejected');
    expect((await repliesOf(ada.id))[0].handledAt).toBeInstanceOf(Date);

    const second = await simulated('Thanks, great to meet you too.');
    expect(second.reply.nextStep).toBe('mark_read');
    expect(await takeReplyStep(second.ada.id, second.reply.id, 'mark_read')).toEqual({ message: 'Marked as read.', next: null });
    const [untouched] = await db.select({ stage: applications.stage }).from(applications).where(eq(applications.id, second.applicationId));
    expect(untouched.stage).toBe('applied');
  });

  it('Move to Interviewing and log the interview moves an applied application and goes to the interview form', async () => {
    const { ada, applicationId, reply } = await simulated('We would like to invite you to an interview. Are you available on Tuesday?');
    expect(await takeReplyStep(ada.id, reply.id, 'log_interview')).toEqual({
      message: 'Moved to Interviewing: log the interview.',
      next: `/applications/${applicationId}/interviews/new`,
    });
    const [application] = await db.select({ stage: applications.stage }).from(applications).where(eq(applications.id, applicationId));
    expect(application.stage).toBe('interviewing');
  });

  it('someone new who answered can be added as a contact of the application, once', async () => {
    const { ada, applicationId, reply } = await simulated('Ana forwarded me your note.', 'Chris Park <chris@acme.example>');
    expect(reply).toMatchObject({ fromSomeoneNew: true, contactId: null, fromName: 'Chris Park' });
    expect(await addReplySenderAsContact(ada.id, reply.id)).toBe('Chris Park');
    const [after] = await repliesOf(ada.id);
    expect(after.contactId).not.toBeNull();
    const links = await db.select().from(applicationContacts).where(eq(applicationContacts.applicationId, applicationId));
    expect(links.map((l) => l.contactId)).toContain(after.contactId);
    await expect(addReplySenderAsContact(ada.id, reply.id)).rejects.toThrow('already one of your contacts');
  });

  it("another person's reply id is not found, for every step", async () => {
    const { ada, reply } = await simulated('Thanks!');
    const mallory = await seedSentThankYou();
    for (const step of ['mark_read', 'move_to_rejected', 'log_interview'] as const) {
      await expect(takeReplyStep(mallory.ada.id, reply.id, step)).rejects.toThrow('That reply could not be found');
    }
    await expect(addReplySenderAsContact(mallory.ada.id, reply.id)).rejects.toThrow('That reply could not be found');
    expect((await repliesOf(ada.id))[0].handledAt).toBeNull();
  });
});
