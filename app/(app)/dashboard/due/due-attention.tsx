import Link from 'next/link';
import type { LetterNeedingAttention, QuietApplication } from '@/db/queries/due/attention';
import type { DueList as List } from '@/db/queries/due/shared';
import { QUIET_DAYS } from '@/lib/dashboard/due-rules';
import { STATUS_LABELS } from '@/lib/letters/status';
import { stageLabel } from '@/lib/pipeline/stages';
import { timeFromNow } from '../time-from-now';
import { DueRowButtons } from './due-actions';
import { ApplicationTitle, DueList, DueRow, type ShowMore } from './due-list';

/** What to do about a lost letter: fix the address and send it again, or decide on one left waiting. */
function LetterRepair({ row, about }: { row: LetterNeedingAttention; about: string }) {
  const label = <span className="sr-only">{` (${about})`}</span>;
  if (row.status === 'needs_decision') {
    return <Link href={`/letters/${row.letterId}`}>Send it again or discard it{label}</Link>;
  }
  return (
    <>
      {row.contactId && <Link href={`/contacts/${row.contactId}/edit`}>Fix the address{label}</Link>}
      {row.applicationId && <Link href={`/applications/${row.applicationId}`}>Then send it again{label}</Link>}
    </>
  );
}

export function LettersNeedingAttentionList({ list, now, showMore }: { list: List<LetterNeedingAttention>; now: Date; showMore: ShowMore }) {
  return (
    <DueList
      name="letters"
      showMore={showMore}
      title="Letters that need you"
      description="Letters that bounced, failed or were marked as spam, and letters waiting on your decision."
      total={list.total}
      rowIds={list.rows.map((r) => r.letterId)}
      empty="Every letter you wrote is on its way or delivered."
    >
      {list.rows.map((row) => {
        const status = STATUS_LABELS[row.status];
        const about = `letter to ${row.toName ?? row.toEmail}: ${row.subject}`;
        const to = row.toName ? `${row.toName} (${row.toEmail})` : row.toEmail;
        return (
          <DueRow
            key={row.letterId}
            title={<Link href={`/letters/${row.letterId}`}>{`${status.label}: ${row.subject}`}</Link>}
            meta={
              <>
                <p className="break-words">{`To ${to}${row.company ? `, about ${row.company}` : ''}, ${timeFromNow(row.statusChangedAt, now)}.`}</p>
                <p>{status.hint}</p>
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

export function QuietApplicationsList({ list, now, showMore }: { list: List<QuietApplication>; now: Date; showMore: ShowMore }) {
  return (
    <DueList
      name="quiet"
      showMore={showMore}
      title="Quiet for three weeks"
      description={`Applications in play with no activity for ${QUIET_DAYS / 7} weeks and no interview ahead: the company may have gone quiet.`}
      total={list.total}
      rowIds={list.rows.map((r) => r.applicationId)}
      empty={`Every application in play has had some activity in the last ${QUIET_DAYS / 7} weeks.`}
    >
      {list.rows.map((row) => (
        <DueRow
          key={row.applicationId}
          title={<ApplicationTitle application={row} />}
          meta={<p>{`${stageLabel(row.stage)}; last activity ${timeFromNow(row.lastActivityAt, now)}.`}</p>}
          actions={<DueRowButtons list="quiet" subject={row.applicationId} about={`${row.position} at ${row.company}`} />}
        />
      ))}
    </DueList>
  );
}
