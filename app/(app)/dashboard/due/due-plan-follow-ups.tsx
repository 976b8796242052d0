import Link from 'next/link';
import type { FollowUpPlanKind } from '@/lib/follow-ups/plans';
import { DueRowButtons } from './due-actions';
import { ApplicationTitle, DueList, DueRow, type ListView } from './due-list';
import { LetterOrProblems, type RowLetter } from './due-send-letter';

/** A plan's step come due: which plan, why now (worded on the server, from its clock), and the letter. */
export type PlanFollowUpRow = {
  applicationId: string;
  position: string;
  company: string;
  plan: FollowUpPlanKind;
  planTitle: string;
  why: string;
  letter: RowLetter | null;
};

/**
 * The steps of follow-up plans on Ask that have come due: each is the
 * follow-up letter in one click, to the plan's contact. Dismiss puts a row
 * away until the plan's next step; the application page stops a plan.
 */
export function PlanFollowUpsList({ list }: { list: ListView<PlanFollowUpRow> }) {
  return (
    <DueList
      name="plans"
      list={list}
      title="Follow-up plans"
      description={
        <>
          Letters your follow-up plans ask you to send: after applying, after a thank-you, after a rejection.{' '}
          <Link href="/settings#follow-up-plans" className="underline">
            Change the plans
          </Link>
        </>
      }
      rowIds={list.rows.map((r) => `${r.applicationId}-${r.plan}`)}
      empty="Nothing due. A plan stops by itself at a reply, an interview or a move on the board."
    >
      {list.rows.map((row) => {
        const about = `${row.planTitle.toLowerCase()}, ${row.position} at ${row.company}`;
        return (
          <DueRow
            key={`${row.applicationId}-${row.plan}`}
            title={<ApplicationTitle application={row} />}
            meta={
              <>
                <p className="font-medium text-stone-800">{row.planTitle}</p>
                <p>{row.why}</p>
              </>
            }
            actions={<DueRowButtons list="plans" subject={row.applicationId} about={about} />}
          >
            {row.letter && (
              <LetterOrProblems
                letter={row.letter}
                about={about}
                send={{
                  occasion: 'follow_up',
                  applicationId: row.applicationId,
                  followUpPlan: row.plan,
                  label: 'Send follow-up',
                  separateByDefault: true,
                }}
              />
            )}
          </DueRow>
        );
      })}
    </DueList>
  );
}
