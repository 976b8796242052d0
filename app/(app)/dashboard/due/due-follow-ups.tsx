import Link from 'next/link';
import { recipientsInWords } from '@/components/letters/recipients-in-words';
import { DEFAULT_FOLLOW_UP_WEEKS } from '@/lib/dashboard/due-rules';
import { DueRowButtons } from './due-actions';
import { DueList, DueRow, type ListView } from './due-list';
import { DueSendLetter } from './due-send-letter';

/** A check-in come due with one person: the two lines under their name are worded on the server, from its clock. */
export type FollowUpRow = { contactId: string; applicationId: string; name: string; lastLetter: string; every: string; requestId: string };

/**
 * Follow-up check-ins that have come due. Each offers the follow-up letter in
 * one click; "They replied", "Snooze" and "Stop" are how a row is put away.
 * Letter problems (a flagged address) show when the button is pressed.
 */
export function FollowUpsList({ list }: { list: ListView<FollowUpRow> }) {
  return (
    <DueList
      name="follow-ups"
      list={list}
      title="Follow-ups due"
      description={`A check-in comes due ${DEFAULT_FOLLOW_UP_WEEKS} weeks after your last letter to someone, or as often as their contact page says.`}
      rowIds={list.rows.map((r) => r.contactId)}
      empty="No follow-ups due. They stop when someone replies or the application moves on."
    >
      {list.rows.map((row) => (
        <DueRow
          key={row.contactId}
          title={<Link href={`/contacts/${row.contactId}`}>{row.name}</Link>}
          meta={
            <>
              <p>{row.lastLetter}</p>
              <p>{row.every}</p>
            </>
          }
          actions={<DueRowButtons list="follow-ups" subject={row.contactId} about={row.name} />}
        >
          <DueSendLetter
            occasion="follow_up"
            applicationId={row.applicationId}
            contactId={row.contactId}
            label="Send follow-up"
            recipients={recipientsInWords(null, [row], true)}
            separateByDefault
            manyPeople={false}
            about={row.name}
            requestId={row.requestId}
          />
        </DueRow>
      ))}
    </DueList>
  );
}
