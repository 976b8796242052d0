import Link from 'next/link';
import { recipientsInWords } from '@/components/letters/recipients-in-words';
import type { FollowUpDue } from '@/db/queries/due/follow-ups';
import type { DueList as List } from '@/db/queries/due/shared';
import { DEFAULT_FOLLOW_UP_WEEKS } from '@/lib/dashboard/due-rules';
import { timeFromNow } from '../time-from-now';
import { DueRowButtons } from './due-actions';
import { DueList, DueRow, type ShowMore } from './due-list';
import { DueSendLetter } from './due-send-letter';

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
        return (
          <DueRow
            key={row.contactId}
            title={<Link href={`/contacts/${row.contactId}`}>{row.name}</Link>}
            meta={
              <>
                <p>{`Last letter ${timeFromNow(row.lastLetterAt, now)}, about ${row.position} at ${row.company}.`}</p>
                <p>{`Every ${row.weeks} ${row.weeks === 1 ? 'week' : 'weeks'}: due ${timeFromNow(row.dueAt, now)}.`}</p>
              </>
            }
            actions={<DueRowButtons list="follow-ups" subject={row.contactId} about={about} />}
          >
            <DueSendLetter
              occasion="follow_up"
              applicationId={row.applicationId}
              contactId={row.contactId}
              label="Send follow-up"
              recipients={recipientsInWords(null, [row], true)}
              separateByDefault
              manyPeople={false}
              about={about}
              requestId={crypto.randomUUID()}
            />
          </DueRow>
        );
      })}
    </DueList>
  );
}
