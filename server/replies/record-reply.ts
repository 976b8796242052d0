import 'server-only';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { recordActivity } from '@/db/queries/activity';
import { getApplication } from '@/db/queries/applications';
import { recipientsOfLetter } from '@/db/queries/letter-events';
import { settleReceivedEmail } from '@/db/queries/received-emails';
import { insertReply } from '@/db/queries/replies';
import {
  contactWithAddress,
  letterForMessageIds,
  letterForReplyAddress,
  letterForSender,
  type MatchedLetter,
  ownAddresses,
} from '@/db/queries/reply-matching';
import { isAutoReply } from '@/lib/replies/auto-reply';
import type { ReplyKind, ReplyMatch } from '@/lib/replies/kinds';
import { suggestNextStep } from '@/lib/replies/next-step';
import { trimQuotedHistory } from '@/lib/replies/quoted-history';
import { MAX_TEXT_CHARS, parentMessageIds, type ReceivedContent, type ReceivedEvent, readMailbox } from '@/lib/replies/received-email';
import { letterIdFromRecipients } from '@/lib/replies/reply-address';
import { markRepliedIn } from '@/server/contacts/follow-up-decisions';

/** A reply matched by its sender alone counts only if a letter went to that address this recently. */
const SENDER_MATCH_DAYS = 180;

export type RecordedReply =
  | { outcome: 'recorded'; replyId: string; userId: string; kind: ReplyKind }
  | { outcome: 'unmatched' | 'duplicate' };

type Keys = { replyKey: Uint8Array; inboundDomain?: string };

/** The letter an email answers, by the strongest evidence it carries. */
async function findLetter(tx: Executor, event: ReceivedEvent, content: ReceivedContent, keys: Keys, now: Date) {
  const tokenLetterId = letterIdFromRecipients([...event.receivedFor, ...event.to, ...event.cc], keys.replyKey, keys.inboundDomain);
  // A verified address for a letter deleted since falls through to the weaker matches.
  const byToken = tokenLetterId ? await letterForReplyAddress(tx, tokenLetterId) : null;
  if (byToken) return { letter: byToken, match: 'token' as ReplyMatch };
  const byThread = await letterForMessageIds(tx, parentMessageIds(content.headers));
  if (byThread) return { letter: byThread, match: 'thread' as ReplyMatch };
  const since = new Date(now.getTime() - SENDER_MATCH_DAYS * 86_400_000);
  const bySender = await letterForSender(tx, readMailbox(event.from).email, since);
  return bySender ? { letter: bySender, match: 'sender' as ReplyMatch } : null;
}

function receivedAtOf(event: ReceivedEvent, now: Date): Date {
  const at = new Date(event.createdAt);
  return Number.isNaN(at.getTime()) || at > now ? now : at;
}

/**
 * Records one received email, once: matched to a letter and its person, kept
 * as a reply (or an automatic one, or the person writing to themselves), and,
 * for a real reply, the follow-ups to whoever answered stop as if "They
 * replied" had been pressed, and the timeline says so. One transaction, which
 * begins by settling the received email, so a second reader records nothing.
 */
export async function recordReply(event: ReceivedEvent, content: ReceivedContent, keys: Keys, now = new Date()): Promise<RecordedReply> {
  return db.transaction(async (tx) => {
    const found = await findLetter(tx, event, content, keys, now);
    if (!(await settleReceivedEmail(tx, event.emailId, found ? 'recorded' : 'unmatched'))) return { outcome: 'duplicate' };
    if (!found) return { outcome: 'unmatched' };
    const { letter, match } = found;
    const replyId = await writeReply(tx, letter, match, event, content, now);
    return replyId ? { outcome: 'recorded', ...replyId } : { outcome: 'duplicate' };
  });
}

async function writeReply(tx: Executor, letter: MatchedLetter, match: ReplyMatch, event: ReceivedEvent, content: ReceivedContent, now: Date) {
  const { userId } = letter;
  const sender = readMailbox(event.from);
  const own = await ownAddresses(tx, userId);
  const recipients = await recipientsOfLetter(tx, userId, letter.id);
  const contact = await contactWithAddress(tx, userId, sender.email);
  const application = letter.applicationId ? await getApplication(userId, letter.applicationId, tx) : null;
  const kind: ReplyKind = own.includes(sender.email)
    ? 'self'
    : isAutoReply({ headers: content.headers, subject: event.subject, from: event.from })
      ? 'auto_reply'
      : 'reply';
  const text = trimQuotedHistory(content.text).slice(0, MAX_TEXT_CHARS);
  const fromSomeoneNew = kind === 'reply' && !recipients.some((r) => r.email.toLowerCase() === sender.email);
  const receivedAt = receivedAtOf(event, now);
  const replyId = await insertReply(tx, {
    userId,
    emailId: event.emailId,
    letterId: letter.id,
    applicationId: letter.applicationId,
    contactId: contact?.id ?? null,
    kind,
    match,
    fromSomeoneNew,
    fromName: sender.name,
    fromEmail: sender.email,
    subject: event.subject.slice(0, 300),
    text,
    html: content.html,
    attachments: content.attachments,
    nextStep: kind === 'reply' && application ? suggestNextStep({ subject: event.subject, text, stage: application.stage }) : 'mark_read',
    receivedAt,
  });
  if (!replyId) return null;
  if (kind === 'reply') {
    // Whoever answered; for a forward answered by someone new, the people the letter was to.
    const answered = contact ? [contact.id] : [];
    if (fromSomeoneNew) answered.push(...recipients.filter((r) => r.role === 'to' && r.contactId).map((r) => r.contactId!));
    for (const contactId of new Set(answered)) await markRepliedIn(tx, userId, contactId, receivedAt);
    await recordActivity(tx, userId, {
      kind: 'reply_received',
      applicationId: letter.applicationId,
      contactId: contact?.id ?? null,
      detail: { replyId, letterId: letter.id, from: sender.name ?? sender.email },
      occurredAt: receivedAt,
    });
  }
  return { replyId, userId, kind };
}
