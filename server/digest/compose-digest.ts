import 'server-only';
import { letterBodies, lettersScheduledBetween } from '@/db/queries/digest';
import { lettersNeedingAttention } from '@/db/queries/due/attention';
import { followUpsDue } from '@/db/queries/due/follow-ups';
import { duePlanSteps } from '@/db/queries/follow-up-plan-facts';
import { impressionsMissing } from '@/db/queries/due/impressions';
import { rejectionThanksOwed, thankYouOwed } from '@/db/queries/due/thank-you';
import { applicationLetterContext, interviewLetterContext } from '@/db/queries/letter-context';
import { effectiveTemplate } from '@/db/queries/letter-templates';
import { SHOWN_MORE } from '@/lib/dashboard/due-rules';
import {
  aboutLine,
  type DigestContent,
  type DigestLetter,
  firstLinesOf,
  leavesNote,
  thankYouNote,
} from '@/lib/digest/content';
import { dayBounds } from '@/lib/digest/schedule';
import { withoutPlanContacts } from '@/lib/follow-ups/one-follow-up';
import type { FollowUpPlanKind } from '@/lib/follow-ups/plans';
import type { LetterContext } from '@/lib/letters/context';
import type { LetterKind } from '@/lib/letters/kinds';
import type { Occasion } from '@/lib/letters/occasion';
import { occasionQuery } from '@/lib/letters/occasion-query';
import { planLetters } from '@/lib/letters/plan';

/** How many of each list one digest shows at most: a morning's reading, not an archive. */
const PER_LIST = 10;

const KIND_TITLE: Record<LetterKind, string> = {
  interview_thanks: 'Thank-you',
  rejection_thanks: 'Thank-you after the rejection',
  follow_up: 'Follow-up',
  feedback_request: 'Asking for feedback',
};

/**
 * A due occasion's letter, already written: planned from its facts with the
 * person's own template for it, exactly as Send would write it (the same
 * planner; the renderer makes HTML of these same words). When a fact is
 * missing, what is missing instead, and no Send.
 */
async function writtenLetter(
  userId: string,
  context: LetterContext | null,
  occasion: Occasion,
  separate: boolean,
  note: string | null,
): Promise<DigestLetter | null> {
  if (!context) return null;
  const template = await effectiveTemplate(userId, context.kind);
  if (!template) return null;
  const plan = planLetters(context, template, { separate });
  const about = aboutLine(context.company, context.position);
  const openPath = `/letters/new?${occasionQuery(occasion)}`;
  if (!plan.ok) {
    const title = `${KIND_TITLE[context.kind]} (not ready yet)`;
    return { title, about, note, firstLines: null, problem: plan.problems.map((p) => p.message).join(' '), send: null, openPath };
  }
  const [first, ...others] = plan.letters;
  const to = others.length ? `${first.to.name} and ${others.length} more, one letter each` : first.to.name;
  const copies = first.cc.length ? `, copy to ${first.cc.map((p) => p.name).join(', ')}` : '';
  const send = Object.fromEntries(
    Object.entries({ ...occasion, separate: String(separate) }).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  return {
    title: `${KIND_TITLE[context.kind]} to ${to}${copies}`,
    about,
    note,
    firstLines: firstLinesOf(first.body),
    problem: null,
    send,
    openPath,
  };
}

/** Why a plan's letter is due, in the words of its plan. */
const PLAN_NOTE: Record<FollowUpPlanKind, string> = {
  after_applying: 'No answer since you applied.',
  after_thanks: 'No news since your thank-you.',
  after_rejection: 'Keeping in touch after the rejection.',
};

const present = <T,>(items: (T | null)[]) => items.filter((i): i is T => i !== null);

/**
 * What the person's digest of `day` holds at `now`: the dashboard's own
 * lists of what is due (thank-yous owed, follow-ups due, letters waiting on
 * a decision), the letters scheduled to leave that day, and the interviews
 * still missing "What impressed you most?".
 */
export async function composeDigest(userId: string, day: string, zone: string, now: Date): Promise<DigestContent> {
  const { start, end } = dayBounds(day, zone);
  const [thanks, rejections, cadence, plans, attention, scheduled, questions] = await Promise.all([
    thankYouOwed(userId, now, PER_LIST),
    rejectionThanksOwed(userId, now, PER_LIST),
    followUpsDue(userId, now, PER_LIST),
    // Plans in Ask mode: the same rows as the dashboard's "Follow-up plans". Automatic ones are in "Leaving today".
    duePlanSteps(userId, { mode: 'ask', before: now, now, limit: PER_LIST, countCap: PER_LIST }),
    lettersNeedingAttention(userId, now, SHOWN_MORE),
    lettersScheduledBetween(userId, start, end),
    impressionsMissing(userId, now, PER_LIST),
  ]);
  const waitingInterviews = new Set(questions.rows.map((q) => q.interviewId));

  const thankYous = present([
    // An interview without its impression is asked as a question below, not as a letter that cannot be written.
    ...(await Promise.all(
      thanks.rows
        .filter((row) => !waitingInterviews.has(row.interviewId))
        .map(async (row) =>
          writtenLetter(
            userId,
            await interviewLetterContext(userId, row.interviewId),
            { occasion: 'interview_thanks', interviewId: row.interviewId },
            false,
            thankYouNote(row.scheduledAt, now),
          ),
        ),
    )),
    ...(await Promise.all(
      rejections.rows.map(async (row) =>
        writtenLetter(
          userId,
          await applicationLetterContext(userId, row.applicationId, 'rejection_thanks'),
          { occasion: 'rejection_thanks', applicationId: row.applicationId },
          true,
          null,
        ),
      ),
    )),
  ]);

  const followUps = withoutPlanContacts(cadence, plans.rows);
  const followUpLetters = present([
    ...(await Promise.all(
      plans.rows.map(async (row) =>
        writtenLetter(
          userId,
          await applicationLetterContext(userId, row.applicationId, 'follow_up', row.facts.contactId ?? undefined),
          // Send names the plan: the server works out its step again, so the letter is written once.
          { occasion: 'follow_up', applicationId: row.applicationId, contactId: row.facts.contactId ?? undefined, followUpPlan: row.plan },
          false,
          PLAN_NOTE[row.plan],
        ),
      ),
    )),
    ...(await Promise.all(
      followUps.rows.map(async (row) =>
        writtenLetter(
          userId,
          await applicationLetterContext(userId, row.applicationId, 'follow_up', row.contactId),
          { occasion: 'follow_up', applicationId: row.applicationId, contactId: row.contactId },
          true,
          null,
        ),
      ),
    )),
  ]);

  const undecided = attention.rows.filter((row) => row.status === 'needs_decision').slice(0, PER_LIST);
  const bodies = await letterBodies(userId, undecided.map((row) => row.letterId));
  const decisions: DigestLetter[] = undecided.map((row) => ({
    title: `${KIND_TITLE[row.kind]} to ${row.toName ?? row.toEmail ?? 'your contact'}`,
    about: aboutLine(row.company, null),
    note: 'It could not be sent in time. Send it again, or open it to discard it.',
    firstLines: firstLinesOf(bodies.get(row.letterId) ?? ''),
    problem: null,
    send: { letterId: row.letterId },
    openPath: `/letters/${row.letterId}`,
  }));

  const today: DigestLetter[] = scheduled.slice(0, PER_LIST).map((row) => ({
    title: `${KIND_TITLE[row.kind]} to ${row.toName ?? row.toEmail ?? 'your contact'}`,
    about: aboutLine(row.company, null),
    note: leavesNote(row.leavesAt, zone, row.automatic),
    firstLines: firstLinesOf(row.body),
    problem: null,
    // It leaves by itself: the mail only offers to open (and stop) it.
    send: null,
    openPath: `/letters/${row.letterId}`,
  }));

  return {
    sections: [
      { key: 'thank-yous', title: 'Thank-yous owed', letters: thankYous },
      { key: 'follow-ups', title: 'Follow-ups due', letters: followUpLetters },
      { key: 'scheduled', title: 'Leaving today', letters: today },
      { key: 'decisions', title: 'Letters that need your decision', letters: decisions },
    ],
    questions: questions.rows.map((row) => ({
      interviewId: row.interviewId,
      title: 'What impressed you most?',
      about: aboutLine(row.company, row.position),
      answerPath: `/applications/${row.applicationId}/interviews/${row.interviewId}/impression`,
    })),
  };
}
