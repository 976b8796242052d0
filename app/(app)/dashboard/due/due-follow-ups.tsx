import Link from 'next/link';
import { cancelLetterAction, sendLetterAction } from '@/app/(app)/letters/actions';
import { composeHref, recipientsInWords } from '@/components/letters/recipients-in-words';
import { SendLetter } from '@/components/letters/send-letter';
import type { FollowUpDue } from '@/db/queries/due/follow-ups';
import type { DueList as List } from '@/db/queries/due/shared';
import { DEFAULT_FOLLOW_UP_WEEKS, SNOOZE_DAYS } from '@/lib/dashboard/due-rules';
import { timeFromNow } from '../time-from-now';
import { type DueButton, DueRowActions } from './due-action';
import { DueList, DueRow, type ShowMore } from './due-list';

const BUTTONS: DueButton[] = [
  { intent: 'replied', label: 'They replied', pendingLabel: 'Saving…' },
  { intent: 'snooze', label: `Snooze ${SNOOZE_DAYS / 7} weeks`, pendingLabel: 'Snoozing…' },
  { intent: 'stop', label: 'Stop follow-ups', pendingLabel: 'Stopping…' },
];

/**
 * Follow-up check-ins that have come due. Each offers the follow-up letter in
 * one click; "They replied", "Snooze" and "Stop" are how a row is put away.
 * Letter problems (a flagged address) show when the button is pressed.
 */
export function FollowUpsList({ list, now, showMore }: { list: List<FollowUpDue>; now: Date; showMore: ShowMore }) {
  return (
    <DueList
      name="follow-ups"
      showMore={showMore}
      title="Follow-ups due"
      description={`A check-in comes due ${DEFAULT_FOLLOW_UP_WEEKS} weeks after your last letter to someone, or as often as their contact page says.`}
      total={list.total}
      rowIds={list.rows.map((r) => r.contactId)}
      empty="No follow-ups due. They stop when someone replies or the application moves on."
    >
      {list.rows.map((row) => {
        const about = row.name;
        const occasion = { occasion: 'follow_up', applicationId: row.applicationId, contactId: row.contactId } as const;
        return (
          <DueRow
            key={row.contactId}
            title={
              <Link href={`/contacts/${row.contactId}`} className="underline">
                {row.name}
              </Link>
            }
            meta={
              <>
                <p>
                  Last letter {timeFromNow(row.lastLetterAt, now)}, about {row.position} at {row.company}.
                </p>
                <p>
                  Every {row.weeks} {row.weeks === 1 ? 'week' : 'weeks'}: due {timeFromNow(row.dueAt, now)}.
                </p>
              </>
            }
            actions={<DueRowActions fields={{ contactId: row.contactId }} buttons={BUTTONS} about={about} />}
          >
            <SendLetter
              {...occasion}
              action={sendLetterAction}
              cancelAction={cancelLetterAction}
              label="Send follow-up"
              recipients={recipientsInWords(null, [row], true)}
              separateByDefault
              manyPeople={false}
              composeHref={composeHref(occasion)}
              about={about}
              requestId={crypto.randomUUID()}
            />
          </DueRow>
        );
      })}
    </DueList>
  );
}
