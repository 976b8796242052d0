import Link from 'next/link';
import { QUIET_DAYS } from '@/lib/dashboard/due-rules';
import { DueRowButtons } from './due-actions';
import { ApplicationTitle, DueList, DueRow, type ListView } from './due-list';

/** A lost letter or one waiting on a decision, worded on the server: its status, to whom, and what that status means. */
export type LetterAttentionRow = {
  letterId: string;
  status: string;
  subject: string;
  /** The name, else the address, as the row's buttons name the letter for screen readers. */
  who: string;
  to: string;
  hint: string;
  needsDecision: boolean;
  contactId: string | null;
  applicationId: string | null;
};

export type QuietRow = { applicationId: string; position: string; company: string; meta: string };

/** What to do about a lost letter: fix the address and send it again, or decide on one left waiting. */
function LetterRepair({ row, about }: { row: LetterAttentionRow; about: string }) {
  const label = <span className="sr-only">{` (${about})`}</span>;
  if (row.needsDecision) {
    return <Link href={`/letters/${row.letterId}`}>Send it again or discard it{label}</Link>;
  }
  return (
    <>
      {row.contactId && <Link href={`/contacts/${row.contactId}/edit`}>Fix the address{label}</Link>}
      {row.applicationId && <Link href={`/applications/${row.applicationId}`}>Then send it again{label}</Link>}
    </>
  );
}

export function LettersNeedingAttentionList({ list }: { list: ListView<LetterAttentionRow> }) {
  return (
    <DueList
      name="letters"
      list={list}
      title="Letters that need you"
      description="Letters that bounced, failed or were marked as spam, and letters waiting on your decision."
      rowIds={list.rows.map((r) => r.letterId)}
      empty="Every letter you wrote is on its way or delivered."
    >
      {list.rows.map((row) => {
        const about = `letter to ${row.who}: ${row.subject}`;
        return (
          <DueRow
            key={row.letterId}
            title={<Link href={`/letters/${row.letterId}`}>{`${row.status}: ${row.subject}`}</Link>}
            meta={
              <>
                <p className="break-words">{row.to}</p>
                <p>{row.hint}</p>
              </>
            }
            actions={
              <>
                <LetterRepair row={row} about={about} />
                <DueRowButtons list="letters" subject={row.letterId} about={about} />
              </>
            }
          />
        );
      })}
    </DueList>
  );
}

export function QuietApplicationsList({ list }: { list: ListView<QuietRow> }) {
  return (
    <DueList
      name="quiet"
      list={list}
      title="Quiet for three weeks"
      description={`Applications in play with no activity for ${QUIET_DAYS / 7} weeks and no interview ahead: the company may have gone quiet.`}
      rowIds={list.rows.map((r) => r.applicationId)}
      empty={`Every application in play has had some activity in the last ${QUIET_DAYS / 7} weeks.`}
    >
      {list.rows.map((row) => (
        <DueRow
          key={row.applicationId}
          title={<ApplicationTitle application={row} />}
          meta={<p>{row.meta}</p>}
          actions={<DueRowButtons list="quiet" subject={row.applicationId} about={`${row.position} at ${row.company}`} />}
        />
      ))}
    </DueList>
  );
}
