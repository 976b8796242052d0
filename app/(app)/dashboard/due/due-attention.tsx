import Link from 'next/link';
import type { LetterNeedingAttention, QuietApplication } from '@/db/queries/due/attention';
import type { DueList as List } from '@/db/queries/due/shared';
import { QUIET_DAYS } from '@/lib/dashboard/due-rules';
import { STATUS_LABELS } from '@/lib/letters/status';
import { stageLabel } from '@/lib/pipeline/stages';
import { timeFromNow } from '../time-from-now';
import { DISMISS, DismissButton, type DueButton, DueRowActions } from './due-action';
import { ApplicationTitle, DueList, DueRow, type ShowMore } from './due-list';

const GHOSTED: DueButton = { intent: 'ghosted', label: 'Mark as ghosted', pendingLabel: 'Moving…' };

const linkClass = 'inline-flex min-h-10 items-center px-2 text-sm font-medium text-accent underline';

/** What to do about a lost letter: fix the address and send it again, or decide on one left waiting. */
function LetterRepair({ row, about }: { row: LetterNeedingAttention; about: string }) {
  const label = <span className="sr-only"> ({about})</span>;
  if (row.status === 'needs_decision') {
    return (
      <Link href={`/letters/${row.letterId}`} className={linkClass}>
        Send it again or discard it{label}
      </Link>
    );
  }
  return (
    <>
      {row.contactId && (
        <Link href={`/contacts/${row.contactId}/edit`} className={linkClass}>
          Fix the address{label}
        </Link>
      )}
      {row.applicationId && (
        <Link href={`/applications/${row.applicationId}`} className={linkClass}>
          Then send it again{label}
        </Link>
      )}
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
        return (
          <DueRow
            key={row.letterId}
            title={
              <Link href={`/letters/${row.letterId}`} className="underline">
                {status.label}: {row.subject}
              </Link>
            }
            meta={
              <>
                <p className="break-words">
                  To {row.toName ? `${row.toName} (${row.toEmail})` : row.toEmail}
                  {row.company && `, about ${row.company}`}, {timeFromNow(row.statusChangedAt, now)}.
                </p>
                <p>{status.hint}</p>
              </>
            }
            actions={
              <>
                <LetterRepair row={row} about={about} />
                <DismissButton kind="letter" subjectId={row.letterId} about={about} />
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
      {list.rows.map((row) => {
        const about = `${row.position} at ${row.company}`;
        return (
          <DueRow
            key={row.applicationId}
            title={<ApplicationTitle application={row} />}
            meta={
              <p>
                {stageLabel(row.stage)}; last activity {timeFromNow(row.lastActivityAt, now)}.
              </p>
            }
            actions={
              <DueRowActions
                fields={{ applicationId: row.applicationId, kind: 'quiet_application', subjectId: row.applicationId }}
                buttons={[GHOSTED, DISMISS]}
                about={about}
              />
            }
          />
        );
      })}
    </DueList>
  );
}
