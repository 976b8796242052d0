import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { flaggedAddresses, letterRecipients, letters } from '@/db/schema';
import { readResendEvent } from '@/lib/letters/resend-event';
import { matchPendingEvents } from '@/server/letters/record-resend-event';
import { setupTestDatabase } from '../support/database';
import { allEvents, deliver, emailEvent, eventFor, seedLetter, seedPerson, statusOf, useWebhookSecret } from './webhook-support';

setupTestDatabase();
const secret = useWebhookSecret();

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe('events that arrive before their letter is committed', () => {
  it('are kept unmatched, then applied when the send worker records the letter', async () => {
    const ada = await seedPerson('ada@example.com', 'Ada Lovelace');
    const letterId = randomUUID();

    const early = await deliver(emailEvent('email.delivered', { letterId, emailId: 'em_early' }), secret());

    expect(early.response.status).toBe(200);
    expect(early.body.outcome).toBe('unmatched');
    expect(await allEvents()).toMatchObject([{ letterId: null, userId: null, tagLetterId: letterId }]);

    await seedLetter(ada.id, { id: letterId, resendId: 'em_early' });
    expect(await matchPendingEvents(ada.id, letterId, 'em_early')).toBe(1);

    expect(await statusOf(letterId)).toMatchObject({ status: 'delivered' });
    expect(await allEvents()).toMatchObject([{ letterId, userId: ada.id }]);
    // Matching again finds nothing left to attach.
    expect(await matchPendingEvents(ada.id, letterId, 'em_early')).toBe(0);
  });

  it('are matched by Resend’s email id when they carry no tag', async () => {
    const ada = await seedPerson('ada@example.com', 'Ada Lovelace');
    await deliver(emailEvent('email.opened', { emailId: 'em_untagged' }), secret());
    const letter = await seedLetter(ada.id, { resendId: null });

    expect(await matchPendingEvents(ada.id, letter.id, null)).toBe(0);
    expect(await matchPendingEvents(ada.id, letter.id, 'em_untagged')).toBe(1);
    expect(await statusOf(letter.id)).toMatchObject({ status: 'opened' });
  });

  it('are applied in the order they happened, not the order they arrived', async () => {
    const ada = await seedPerson('ada@example.com', 'Ada Lovelace');
    const letterId = randomUUID();
    // Only the first final status counts, so the order they are applied in decides the outcome.
    await deliver(emailEvent('email.complained', { letterId, at: minutesAgo(1) }), secret());
    const bouncedAt = minutesAgo(2);
    await deliver(emailEvent('email.bounced', { letterId, at: bouncedAt }), secret());
    await deliver(emailEvent('email.sent', { letterId, at: minutesAgo(3) }), secret());

    await seedLetter(ada.id, { id: letterId, status: 'queued' });
    expect(await matchPendingEvents(ada.id, letterId, null)).toBe(3);

    const [letter] = await db.select().from(letters).where(eq(letters.id, letterId));
    expect(letter.status).toBe('bounced');
    expect(letter.statusChangedAt.toISOString()).toBe(bouncedAt.toISOString());
  });

  it('ignore letters of no one: matching another person’s letter id does nothing for them', async () => {
    const ada = await seedPerson('ada@example.com', 'Ada Lovelace');
    const mallory = await seedPerson('mallory@example.com', 'Mallory');
    const adasLetter = await seedLetter(ada.id);
    await deliver(eventFor(adasLetter, 'email.bounced', { letterId: randomUUID(), emailId: 'em_other' }), secret());

    // Mallory naming Ada's letter finds no letter of hers: nothing attached, nothing changed.
    expect(await matchPendingEvents(mallory.id, adasLetter.id, 'em_other')).toBe(0);
    expect(await statusOf(adasLetter.id)).toMatchObject({ status: 'sent' });
    expect(await allEvents()).toMatchObject([{ letterId: null, userId: null }]);
  });
});

describe('matching by tag', () => {
  it('a tag naming one person’s letter only ever affects that letter, and the event belongs to its owner', async () => {
    const ada = await seedPerson('ada@example.com', 'Ada Lovelace');
    const mallory = await seedPerson('mallory@example.com', 'Mallory');
    const adasLetter = await seedLetter(ada.id, { resendId: 'em_shared' });
    const mallorysLetter = await seedLetter(mallory.id, { resendId: 'em_mallory' });

    // The tag comes first: even an email id that is Ada's cannot pull the event onto her letter.
    await deliver(emailEvent('email.bounced', { letterId: mallorysLetter.id, emailId: 'em_shared' }), secret());

    expect(await statusOf(mallorysLetter.id)).toMatchObject({ status: 'bounced' });
    expect(await statusOf(adasLetter.id)).toMatchObject({ status: 'sent' });
    expect(await allEvents()).toMatchObject([{ letterId: mallorysLetter.id, userId: mallory.id }]);
    expect(await db.select({ userId: flaggedAddresses.userId }).from(flaggedAddresses)).toEqual([{ userId: mallory.id }]);
  });

  it('accepts tags as a list of {name, value}, as the send API takes them', async () => {
    const ada = await seedPerson('ada@example.com', 'Ada Lovelace');
    const letter = await seedLetter(ada.id, { resendId: null });

    await deliver(emailEvent('email.delivered', { emailId: null, data: { tags: [{ name: 'letter_id', value: letter.id }] } }), secret());

    expect(await statusOf(letter.id)).toMatchObject({ status: 'delivered' });
  });

  it('falls back to the email id when the tag names no letter', async () => {
    const ada = await seedPerson('ada@example.com', 'Ada Lovelace');
    const letter = await seedLetter(ada.id);

    const { body } = await deliver(emailEvent('email.delivered', { letterId: 'not-a-uuid', emailId: letter.resendId }), secret());

    expect(body.outcome).toBe('matched');
    expect(await statusOf(letter.id)).toMatchObject({ status: 'delivered' });
  });
});

describe('what an outcome records', () => {
  it('a bounce flags the recipient Resend names, keeps the reason, and ends the letter', async () => {
    const ada = await seedPerson('ada@example.com', 'Ada Lovelace');
    const letter = await seedLetter(ada.id, { to: 'grace@acme.example', cc: ['Linus@Acme.example', 'ken@acme.example'] });
    const bounce = { type: 'Permanent', subType: 'General', message: 'Mailbox does not exist' };

    await deliver(eventFor(letter, 'email.bounced', { to: ['linus@acme.example'], data: { bounce } }), secret());

    expect(await statusOf(letter.id)).toEqual({ status: 'bounced', lastError: 'Mailbox does not exist' });
    expect(await db.select({ email: flaggedAddresses.email, reason: flaggedAddresses.reason }).from(flaggedAddresses)).toEqual([
      { email: 'linus@acme.example', reason: 'bounced' },
    ]);
    const [event] = await allEvents();
    expect(event.detail).toEqual({ to: 'linus@acme.example', bounceType: 'Permanent / General', reason: 'Mailbox does not exist' });
    // A final status frees the recipients, so the person may send again after fixing the address.
    const keys = await db.select({ key: letterRecipients.dedupeKey }).from(letterRecipients);
    expect(keys.every((row) => row.key === null)).toBe(true);
  });

  it('a bounce of a letter with CCs flags only the address the bounce message names, not the To Resend lists', async () => {
    const ada = await seedPerson('ada@example.com', 'Ada Lovelace');
    const letter = await seedLetter(ada.id, { to: 'grace@acme.example', cc: ['Linus@Acme.example', 'ken@acme.example', 'us@acme.example'] });
    const bounce = { type: 'Permanent', subType: 'General', message: "550 5.1.1 <linus@acme.example>: Recipient address rejected: User unknown in mail for pinus@acme.example." };

    // Resend's `to` is the email's To list, whichever recipient bounced.
    await deliver(eventFor(letter, 'email.bounced', { to: ['Grace <grace@acme.example>'], data: { bounce } }), secret());

    expect(await statusOf(letter.id)).toMatchObject({ status: 'bounced' });
    expect(await db.select({ email: flaggedAddresses.email }).from(flaggedAddresses)).toEqual([{ email: 'linus@acme.example' }]);
  });

  it('a complaint whose recipients cannot be told apart flags the letter’s To address', async () => {
    const ada = await seedPerson('ada@example.com', 'Ada Lovelace');
    const letter = await seedLetter(ada.id, { to: 'grace@acme.example', cc: ['linus@acme.example'] });

    await deliver(eventFor(letter, 'email.complained', { to: ['someone-else@elsewhere.example'] }), secret());

    expect(await statusOf(letter.id)).toMatchObject({ status: 'complained' });
    expect(await db.select({ email: flaggedAddresses.email }).from(flaggedAddresses)).toEqual([{ email: 'grace@acme.example' }]);
  });

  it('a failure keeps its reason for the person', async () => {
    const ada = await seedPerson('ada@example.com', 'Ada Lovelace');
    const letter = await seedLetter(ada.id);

    await deliver(eventFor(letter, 'email.failed', { data: { failed: { reason: 'Domain not verified' } } }), secret());

    expect(await statusOf(letter.id)).toEqual({ status: 'failed', lastError: 'Domain not verified' });
    expect(await db.select().from(flaggedAddresses)).toHaveLength(0);
  });

  it('a click keeps its link, but only an ordinary web address', () => {
    const click = (link: string) =>
      readResendEvent(emailEvent('email.clicked', { letterId: randomUUID(), data: { click: { link, ipAddress: '1.2.3.4' } } }));

    expect(click('https://acme.example/careers')).toMatchObject({ kind: 'event', event: { detail: { link: 'https://acme.example/careers' } } });
    expect(click('javascript:alert(1)')).toMatchObject({ kind: 'event', event: { detail: { link: null } } });
  });

  it('an email event that names no email is ignored', () => {
    expect(readResendEvent(emailEvent('email.delivered', { emailId: null }))).toMatchObject({ kind: 'ignored' });
  });
});
