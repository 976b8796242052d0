import Link from 'next/link';
import { recipientsInWords } from '@/components/letters/recipients-in-words';
import type { DuePlanStep } from '@/db/queries/follow-up-plan-facts';
import type { DueList as List } from '@/db/queries/due/shared';
import type { FollowUpPlanKind } from '@/lib/follow-ups/plans';
import { PLAN_WORDS } from '@/lib/follow-ups/words';
import { timeFromNow } from '../time-from-now';
import { DueRowButtons } from './due-actions';
import { ApplicationTitle, DueList, DueRow, type ShowMore } from './due-list';
import { LetterOrProblems } from './due-thank-yous';
import type { Readiness } from './load-due';

type Checked = List<DuePlanStep> & { ready: (Readiness | null)[] };

/** Why the row is here, from when its plan began. */
function why(row: DuePlanStep, now: Date) {
  const since = row.facts.startedAt ? timeFromNow(row.facts.startedAt, now) : null;
  const of = row.settings.maxLetters > 1 ? ` (letter ${row.step} of ${row.settings.maxLetters})` : '';
  const reasons: Record<FollowUpPlanKind, string> = {
    after_applying: `Applied ${since}, no answer yet.`,
    after_thanks: `Thank-you sent ${since}, no news since.`,
    after_rejection: `Rejected ${since}: time to keep in touch${of}.`,
  };
  return reasons[row.plan];
}

/**
 * The steps of follow-up plans on Ask that have come due: each is the
 * follow-up letter in one click, to the plan's contact. Dismiss puts a row
 * away until the plan's next step; the application page stops a plan.
 */
export function PlanFollowUpsList({ list, now, showMore }: { list: Checked; now: Date; showMore: ShowMore }) {
  return (
    <DueList
      name="plans"
      showMore={showMore}
      title="Follow-up plans"
      description={
        <>
          Letters your follow-up plans ask you to send: after applying, after a thank-you, after a rejection.{' '}
          <Link href="/settings#follow-up-plans" className="underline">
            Change the plans
          </Link>
        </>
      }
      total={list.total}
      rowIds={list.rows.map((r) => `${r.applicationId}-${r.plan}`)}
      empty="Nothing due. A plan stops by itself at a reply, an interview or a move on the board."
    >
      {list.rows.map((row, i) => {
        const people = list.ready[i]?.people ?? [];
        const about = `${PLAN_WORDS[row.plan].title.toLowerCase()}, ${row.position} at ${row.company}`;
        const occasion = { occasion: 'follow_up', applicationId: row.applicationId, followUpPlan: row.plan } as const;
        return (
          <DueRow
            key={`${row.applicationId}-${row.plan}`}
            title={<ApplicationTitle application={row} />}
            meta={
              <>
                <p className="font-medium text-stone-800">{PLAN_WORDS[row.plan].title}</p>
                <p>{`${why(row, now)} Due ${timeFromNow(row.dueAt, now)}.`}</p>
              </>
            }
            actions={<DueRowButtons list="plans" subject={row.applicationId} about={about} />}
          >
            {list.ready[i] && (
              <LetterOrProblems
                ready={list.ready[i]}
                about={about}
                send={{
                  ...occasion,
                  label: 'Send follow-up',
                  recipients: recipientsInWords(null, people, true),
                  separateByDefault: true,
                  manyPeople: false,
                }}
              />
            )}
          </DueRow>
        );
      })}
    </DueList>
  );
}
