import 'server-only';
import { randomUUID } from 'node:crypto';
import { sendingStatuses } from '@/db/queries/letters';
import { getOutboxMessage } from '@/db/queries/outbox';
import { env } from '@/env';
import { UserError } from '@/lib/errors';
import { LETTER_TAG } from '@/lib/letters/resend-event';
import type { ReceivedEvent } from '@/lib/replies/received-email';
import { readReceivedEmail, receiveEmail } from './read-received-email';

export type SimulatedReply = { from: string; text: string };

/** The simulated answer quotes the letter as a mail client would, so trimming the history is part of the try. */
function quoted(original: string, from: string, at: Date): string {
  const lines = original.split('\n').slice(0, 200).map((line) => `> ${line}`);
  return `\n\nOn ${at.toUTCString()}, ${from} wrote:\n${lines.join('\n')}`;
}

/**
 * Outbox mode's "Simulate a reply": an email from `from` answering a letter
 * in the outbox, as Resend would report it: addressed to the letter's
 * Reply-To addresses and naming its Message-ID. It then goes the way a
 * received email goes (kept, read, matched, recorded), read at once here so
 * the page can say what came of it. `userId` is the signed-in person, whose letter it must be.
 */
export async function simulateReply(userId: string, outboxMessageId: string, reply: SimulatedReply) {
  if (env().mailMode !== 'outbox') throw new UserError('Replies can only be simulated while mail stays in the local outbox.');
  const message = await getOutboxMessage(outboxMessageId);
  const letterId = message?.tags.find((tag) => tag.name === LETTER_TAG)?.value;
  if (!message || !letterId) throw new UserError('Only a letter can be answered.');
  // The outbox shows everyone's mail on this machine; a reply is simulated only to one's own letter.
  if ((await sendingStatuses(userId, [letterId])).length === 0) throw new UserError('Only your own letters can be answered here.');
  const now = new Date();
  const replyTo = (message.replyTo ?? '').split(', ').filter(Boolean);
  const letterMessageId = message.headers['Message-ID'] ?? '';
  const event: ReceivedEvent = {
    emailId: `simulated-${randomUUID()}`,
    from: reply.from,
    to: replyTo,
    cc: [],
    receivedFor: replyTo,
    messageId: `<simulated-${randomUUID()}@afterword.local>`,
    subject: message.subject.startsWith('Re:') ? message.subject : `Re: ${message.subject}`,
    createdAt: now.toISOString(),
    simulated: {
      text: reply.text + quoted(message.text, message.from, message.createdAt),
      html: null,
      headers: letterMessageId ? { 'in-reply-to': letterMessageId, references: letterMessageId } : {},
    },
  };
  await receiveEmail(event);
  return readReceivedEmail(event.emailId, { now });
}
