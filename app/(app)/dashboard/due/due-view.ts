import 'server-only';
import { recipientsInWords } from '@/components/letters/recipients-in-words';
import type { DuePlanStep } from '@/db/queries/follow-up-plan-facts';
import { THANK_YOU_HOURS_ADVISED, type DueListKey } from '@/lib/dashboard/due-rules';
import { PLAN_WORDS } from '@/lib/follow-ups/words';
import type { LetterPerson } from '@/lib/letters/context';
import { STATUS_LABELS } from '@/lib/letters/status';
import { stageLabel } from '@/lib/pipeline/stages';
import { hoursSince, timeFromNow } from '../time-from-now';
import type { ListView } from './due-list';
import type { RowLetter } from './due-send-letter';
import type { Readiness, WhatIsDue } from './load-due';

/** Which list, if any, is opened up to show more rows, and the link that opens or closes one. */
export type ShowMore = { open?: DueListKey; href: (list: DueListKey, open: boolean) => string };

/** A letter owed as its row offers it: who it goes to (and whether sending separately is a choice), or what stops it. */
function offer(ready: Readiness | null, recipients: (people: LetterPerson[]) => string, choice: boolean): RowLetter | null {
  if (!ready) return null;
  if (ready.problems.length > 0) return { problems: ready.problems.map(({ message, href }) => ({ message, href })) };
  // A fresh id for this render's click; a replayed click carries the same one.
  return { recipients: recipients(ready.people), manyPeople: choice && ready.people.length > 1, requestId: crypto.randomUUID() };
}

/** Why a plan's row is here, from when its plan began. */
function why(row: DuePlanStep, now: Date) {
  const since = row.facts.startedAt ? timeFromNow(row.facts.startedAt, now) : null;
  const of = row.settings.maxLetters > 1 ? ` (letter ${row.step} of ${row.settings.maxLetters})` : '';
  const reasons = {
    after_applying: `Applied ${since}, no answer yet.`,
    after_thanks: `Thank-you sent ${since}, no news since.`,
    after_rejection: `Rejected ${since}: time to keep in touch${of}.`,
  };
  return `${reasons[row.plan]} Due ${timeFromNow(row.dueAt, now)}.`;
}

/**
 * What is due as the browser draws it (due-lists.tsx): each row cut down to
 * what its list shows, with everything that depends on the clock or the
 * database worded here, once. The lists' own words, their links and their
 * buttons are in the browser's code, so React's payload carries these few
 * fields per row rather than every row's markup a second time.
 */
export function dueView(due: WhatIsDue, now: Date, showMore: ShowMore) {
  const list = <Row, Out>(name: DueListKey, { rows, total }: { rows: Row[]; total: number }, row: (r: Row, i: number) => Out): ListView<Out> => {
    const open = showMore.open === name;
    // The link to show more (or fewer) only where the list shows it.
    const toggle = open || total > rows.length ? showMore.href(name, !open) : '';
    return { total, rows: rows.map(row), open, toggle };
  };
  const ago = (at: Date) => timeFromNow(at, now);
  return {
    impressions: list('impressions', due.impressions, (r) => ({
      interviewId: r.interviewId,
      applicationId: r.applicationId,
      position: r.position,
      company: r.company,
      when: ago(r.scheduledAt),
    })),
    thankYou: list('thank-you', due.thankYou, (r, i) => ({
      interviewId: r.interviewId,
      applicationId: r.applicationId,
      position: r.position,
      company: r.company,
      when: ago(r.scheduledAt),
      at: r.scheduledAt.toISOString(),
      hoursLeft: THANK_YOU_HOURS_ADVISED - hoursSince(r.scheduledAt, now),
      letter: offer(
        due.thankYou.ready[i],
        (people) => {
          const primary = people.find((p) => p.isPrimary) ?? null;
          return recipientsInWords(primary, people.filter((p) => p !== primary), false);
        },
        true,
      ),
    })),
    rejectionThanks: list('rejection-thanks', due.rejectionThanks, (r, i) => ({
      applicationId: r.applicationId,
      position: r.position,
      company: r.company,
      when: ago(r.rejectedAt),
      letter: offer(due.rejectionThanks.ready[i], (people) => recipientsInWords(null, people, true), true),
    })),
    plans: list('plans', due.plans, (r, i) => ({
      applicationId: r.applicationId,
      position: r.position,
      company: r.company,
      plan: r.plan,
      planTitle: PLAN_WORDS[r.plan].title,
      why: why(r, now),
      letter: offer(due.plans.ready[i], (people) => recipientsInWords(null, people, true), false),
    })),
    followUps: list('follow-ups', due.followUps, (r) => ({
      contactId: r.contactId,
      applicationId: r.applicationId,
      name: r.name,
      lastLetter: `Last letter ${ago(r.lastLetterAt)}, about ${r.position} at ${r.company}.`,
      every: `Every ${r.weeks} ${r.weeks === 1 ? 'week' : 'weeks'}: due ${ago(r.dueAt)}.`,
      requestId: crypto.randomUUID(),
    })),
    letters: list('letters', due.letters, (r) => {
      const to = r.toName ? `${r.toName} (${r.toEmail})` : r.toEmail;
      return {
        letterId: r.letterId,
        status: STATUS_LABELS[r.status].label,
        subject: r.subject,
        who: r.toName ?? r.toEmail,
        to: `To ${to}${r.company ? `, about ${r.company}` : ''}, ${ago(r.statusChangedAt)}.`,
        hint: STATUS_LABELS[r.status].hint,
        needsDecision: r.status === 'needs_decision',
        contactId: r.contactId,
        applicationId: r.applicationId,
      };
    }),
    quiet: list('quiet', due.quiet, (r) => ({
      applicationId: r.applicationId,
      position: r.position,
      company: r.company,
      meta: `${stageLabel(r.stage)}; last activity ${ago(r.lastActivityAt)}.`,
    })),
  };
}

export type DueView = ReturnType<typeof dueView>;
