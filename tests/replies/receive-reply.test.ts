import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { activities, letters } from '@/db/schema';
import { restoreEnv, useResendTestServer } from '../helpers/mail-mode';
import { setupTestDatabase } from '../support/database';
import { useWebhookSecret } from '../letters/webhook-support';
import { answer, ledgerRow, receive, repliedAt, repliesOf, seedSentThankYou, useInboundDomain } from './support';

setupTestDatabase();

describe('a reply that comes back', () => {
  const mail = useResendTestServer();
  const secret = useWebhookSecret();
  beforeEach(() => useInboundDomain());
  afterEach(restoreEnv);

  it('is matched by its reply address, kept once, stops the follow-up and reaches the timeline', async () => {
    const { ada, ana, ben, letterId, applicationId, replyTo } = await seedSentThankYou();
    const before = await repliedAt(ada.id, ana.id);
    expect(before.dueAt).not.toBeNull();

    const { delivered, read } = await receive(mail.server, secret(), answer(`Ana Lima <${ana.email}>`, replyTo, 'Lovely to meet you too. Are you available for a second interview next week?'));
    expect(delivered.response.status).toBe(200);
    expect(delivered.body.outcome).toBe('accepted');
    expect(read.outcome).toBe('recorded');

    const [reply] = await repliesOf(ada.id);
    expect(reply).toMatchObject({ letterId, applicationId, contactId: ana.id, kind: 'reply', match: 'token', fromSomeoneNew: false, fromName: 'Ana Lima' });
    // The quoted letter is trimmed; the reply's own words stay.
    expect(reply.text).toBe('Lovely to meet you too. Are you available for a second interview next week?');
    expect(reply.nextStep).toBe('log_interview');

    // As if "They replied" had been pressed for Ana, and only for Ana.
    const after = await repliedAt(ada.id, ana.id);
    expect(after.repliedAt).toEqual(reply.receivedAt);
    expect(after.dueAt).toBeNull();
    expect((await repliedAt(ada.id, ben.id)).repliedAt).toBeNull();

    const timeline = await db.select().from(activities).where(eq(activities.applicationId, applicationId));
    expect(timeline.filter((a) => a.kind === 'reply_received')).toEqual([
      expect.objectContaining({ contactId: ana.id, detail: expect.objectContaining({ replyId: reply.id, letterId, from: 'Ana Lima' }) }),
    ]);
  });

  it('delivered twice, or read twice, is one reply', async () => {
    const { ada, ana, replyTo } = await seedSentThankYou();
    const { id, event, read } = await receive(mail.server, secret(), answer(ana.email, replyTo, 'Thanks!'));
    expect(read.outcome).toBe('recorded');
    const { deliver } = await import('../letters/webhook-support');
    const again = await deliver(event, secret());
    expect(again.body.outcome).toBe('duplicate');
    const { readReceivedEmail } = await import('@/server/replies/read-received-email');
    expect((await readReceivedEmail(id)).outcome).toBe('gone');
    expect(await repliesOf(ada.id)).toHaveLength(1);
  });

  it('is matched by the thread when the reply address is gone, and by the sender last, marked as weaker', async () => {
    const { ada, ana, letterId } = await seedSentThankYou();
    const [{ messageId }] = await db.select({ messageId: letters.messageId }).from(letters).where(eq(letters.id, letterId));
    const threaded = await receive(mail.server, secret(), answer(ana.email, 'ada@elsewhere.example', 'By thread', { headers: { 'In-Reply-To': messageId! } }));
    expect(threaded.read.outcome).toBe('recorded');
    const bySender = await receive(mail.server, secret(), answer(ana.email, 'ada@elsewhere.example', 'A new mail from Ana'));
    expect(bySender.read.outcome).toBe('recorded');
    const matches = (await repliesOf(ada.id)).map((r) => [r.text, r.match, r.letterId]);
    expect(matches).toEqual(
      expect.arrayContaining([
        ['By thread', 'thread', letterId],
        ['A new mail from Ana', 'sender', letterId],
      ]),
    );
  });

  it('a reply address with one character changed is not trusted, and a stranger to no letter is matched to no one', async () => {
    const { ada, replyTo } = await seedSentThankYou();
    const at = replyTo.indexOf('@') - 1;
    const forged = `${replyTo.slice(0, at)}${replyTo[at] === '0' ? '1' : '0'}${replyTo.slice(at + 1)}`;
    const { id, read } = await receive(mail.server, secret(), answer('mallory@evil.example', forged, 'Let me in'));
    expect(read.outcome).toBe('unmatched');
    expect(await repliesOf(ada.id)).toEqual([]);
    expect(await ledgerRow(id)).toMatchObject({ outcome: 'unmatched' });
  });

  it("a token for another person's letter records the reply for that person only", async () => {
    const first = await seedSentThankYou();
    const second = await seedSentThankYou();
    // Ana of the first search answers through the second search's letter address.
    const { read } = await receive(mail.server, secret(), answer(first.ana.email, second.replyTo, 'Crossed wires'));
    expect(read).toMatchObject({ outcome: 'recorded', userId: second.ada.id });
    expect(await repliesOf(first.ada.id)).toEqual([]);
    const [reply] = await repliesOf(second.ada.id);
    // Not one of the second letter's recipients, and not the second person's contact.
    expect(reply).toMatchObject({ letterId: second.letterId, contactId: null, fromSomeoneNew: true });
    expect((await repliedAt(first.ada.id, first.ana.id)).repliedAt).toBeNull();
  });

  it('an answer from a colleague the letter was not to is kept as from someone new, and stops the letter’s follow-up', async () => {
    const { ada, ana, replyTo } = await seedSentThankYou();
    await receive(mail.server, secret(), answer('Chris Park <chris@acme.example>', replyTo, 'Ana forwarded me your note; unfortunately we went with another candidate.'));
    const [reply] = await repliesOf(ada.id);
    expect(reply).toMatchObject({ fromSomeoneNew: true, contactId: null, fromEmail: 'chris@acme.example', nextStep: 'move_to_rejected' });
    expect((await repliedAt(ada.id, ana.id)).dueAt).toBeNull();
  });

  it('an out-of-office and the person writing to themselves are kept but are not replies', async () => {
    const { ada, ana, replyTo } = await seedSentThankYou();
    await receive(mail.server, secret(), answer(ana.email, replyTo, 'I am away until Monday.', { subject: 'Automatic reply: Thank you', headers: { 'Auto-Submitted': 'auto-replied' } }));
    await receive(mail.server, secret(), answer(ada.email, replyTo, 'Note to self'));
    const kinds = (await repliesOf(ada.id)).map((r) => r.kind).sort();
    expect(kinds).toEqual(['auto_reply', 'self']);
    expect((await repliedAt(ada.id, ana.id)).repliedAt).toBeNull();
    const timeline = await db.select().from(activities).where(eq(activities.userId, ada.id));
    expect(timeline.some((a) => a.kind === 'reply_received')).toBe(false);
  });

  it('a reply to a letter deleted since falls back to the thread, then the sender, and is dropped when nothing is left', async () => {
    const { ada, ana, letterId, replyTo } = await seedSentThankYou();
    await db.delete(letters).where(eq(letters.id, letterId));
    const { read } = await receive(mail.server, secret(), answer(ana.email, replyTo, 'Too late'));
    expect(read.outcome).toBe('unmatched');
    expect(await repliesOf(ada.id)).toEqual([]);
  });
});
