import 'server-only';
import { z } from 'zod';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { liveDigestLink, spendDigestLink } from '@/db/queries/digest';
import { occasionLetterContext } from '@/db/queries/letter-context';
import { getLetter } from '@/db/queries/letter-list';
import { effectiveTemplate } from '@/db/queries/letter-templates';
import { hashLinkToken, MAX_LINK_TOKEN_LENGTH } from '@/lib/digest/links';
import { type LetterProblem, planLetters } from '@/lib/letters/plan';
import { occasionFields } from '@/lib/letters/occasion';
import { decideLetter } from '@/server/letters/decide-letter';
import { sendFormLetters } from '@/server/follow-ups/send-plan-step';

/** What a digest link names: an occasion to write and send, or a letter waiting on a decision. */
const occasionTarget = z.object({ ...occasionFields, separate: z.enum(['true', 'false']) });
const letterTarget = z.object({ letterId: z.uuid() });

export type DigestLinkLetter = { to: string; cc: string[]; subject: string; body: string };
/** What the confirmation page shows: the letters Send would send, or what stops them. */
export type DigestLinkView =
  | { kind: 'occasion'; letters: DigestLinkLetter[]; problems: LetterProblem[] }
  | { kind: 'decision'; letterId: string; letters: DigestLinkLetter[]; problems: LetterProblem[] };

export type DigestSendOutcome =
  | { outcome: 'not_found' }
  | { outcome: 'problems'; problems: LetterProblem[] }
  | { outcome: 'sent'; letterIds: string[]; applicationId: string | null };

const tokenHashOf = (token: string) => (token.length > 0 && token.length <= MAX_LINK_TOKEN_LENGTH ? hashLinkToken(token) : null);

/**
 * What a digest link would send, for its confirmation page. Opening it
 * spends nothing and sends nothing (a mail scanner fetches links too); null
 * when the link is not this person's, was used, expired, or never existed.
 */
export async function viewDigestLink(userId: string, token: string, now = new Date()): Promise<DigestLinkView | null> {
  const hash = tokenHashOf(token);
  const target = hash ? await liveDigestLink(userId, hash, now) : null;
  if (!target) return null;
  const decision = letterTarget.safeParse(target);
  if (decision.success) {
    const letter = await getLetter(userId, decision.data.letterId);
    if (!letter) return null;
    const problems = letter.status === 'needs_decision' ? [] : [{ message: 'This letter no longer waits on a decision.', href: `/letters/${letter.id}` }];
    const to = letter.recipients.filter((r) => r.role === 'to').map((r) => r.name ?? r.email);
    const cc = letter.recipients.filter((r) => r.role === 'cc').map((r) => r.name ?? r.email);
    return { kind: 'decision', letterId: letter.id, letters: [{ to: to.join(', '), cc, subject: letter.subject, body: letter.text }], problems };
  }
  const occasion = occasionTarget.safeParse(target);
  if (!occasion.success) return null;
  const context = await occasionLetterContext(userId, occasion.data);
  const template = context ? await effectiveTemplate(userId, context.kind) : null;
  if (!context || !template) return null;
  // The same planner as the send: the page shows exactly the words Send writes.
  const plan = planLetters(context, template, { separate: occasion.data.separate === 'true' });
  if (!plan.ok) return { kind: 'occasion', letters: [], problems: plan.problems };
  return {
    kind: 'occasion',
    letters: plan.letters.map((l) => ({ to: l.to.name, cc: l.cc.map((p) => p.name), subject: l.subject, body: l.body })),
    problems: [],
  };
}

class LinkGone extends Error {}

/**
 * Send, pressed on a digest link's page: spends the link in the transaction
 * that writes the letter (or decides to send the waiting one again), so it
 * works once, and a send refused for a missing fact leaves it usable.
 */
export async function sendFromDigest(userId: string, token: string, now = new Date()): Promise<DigestSendOutcome> {
  const hash = tokenHashOf(token);
  const target = hash ? await liveDigestLink(userId, hash, now) : null;
  if (!hash || !target) return { outcome: 'not_found' };
  const spend = async (tx: Executor) => {
    if (!(await spendDigestLink(tx, userId, hash, now))) throw new LinkGone();
  };

  try {
    const decision = letterTarget.safeParse(target);
    if (decision.success) {
      const decided = await decideLetter(userId, decision.data.letterId, 'send_again', { inTransaction: spend });
      return decided ? { outcome: 'sent', letterIds: [decision.data.letterId], applicationId: null } : { outcome: 'not_found' };
    }
    const occasion = occasionTarget.safeParse(target);
    if (!occasion.success) return { outcome: 'not_found' };
    const { separate, ...fields } = occasion.data;
    // A follow-up plan's letter is its next step, worked out again now (sendFormLetters), never taken from the link.
    const result = await sendFormLetters(userId, {
      ...fields,
      separate: separate === 'true',
      test: false,
      // A replayed press is the same request: it writes no second letter.
      requestId: hash,
      inTransaction: spend,
    });
    if (!result.ok) return { outcome: 'problems', problems: result.problems };
    // Written before (by another tab, or the dashboard): the link is spent all the same.
    if (result.alreadySent) await db.transaction((tx) => spendDigestLink(tx, userId, hash, now));
    return { outcome: 'sent', letterIds: result.letters.map((l) => l.id), applicationId: result.applicationId };
  } catch (error) {
    if (error instanceof LinkGone) return { outcome: 'not_found' };
    throw error;
  }
}
