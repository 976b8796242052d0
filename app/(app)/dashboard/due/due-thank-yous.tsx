import { LetterProblems } from '@/components/letters/letter-problems';
import { recipientsInWords } from '@/components/letters/recipients-in-words';
import { LocalTime } from '@/components/time/local-time';
import type { DueList as List } from '@/db/queries/due/shared';
import type { RejectionThanksOwed, ThankYouOwed } from '@/db/queries/due/thank-you';
import { REJECTION_THANKS_DAYS, THANK_YOU_DAYS, THANK_YOU_HOURS_ADVISED } from '@/lib/dashboard/due-rules';
import { hoursSince, timeFromNow } from '../time-from-now';
import { DueRowButtons } from './due-actions';
import { DueSendLetter, type DueSendLetterProps } from './due-send-letter';
import { ApplicationTitle, DueList, DueRow, type ShowMore } from './due-list';
import type { Readiness } from './load-due';

/** A list of letters owed, each row checked: ready to send, or what is missing. */
type Checked<Row> = List<Row> & { ready: (Readiness | null)[] };

/** The one-click send, or what must be filled in first and where. */
export function LetterOrProblems({
  ready,
  about,
  send,
}: {
  ready: Readiness;
  about: string;
  send: Omit<DueSendLetterProps, 'requestId' | 'about'>;
}) {
  if (ready.problems.length > 0) {
    return (
      <div className="space-y-1">
        <p className="text-sm font-medium text-stone-900">Not ready to send yet:</p>
        <LetterProblems problems={ready.problems} about={about} />
      </div>
    );
  }
  return <DueSendLetter {...send} about={about} requestId={crypto.randomUUID()} />;
}

/** How the clock stands on a thank-you: the advice is to send it within a day. */
function advice(scheduledAt: Date, now: Date) {
  const left = THANK_YOU_HOURS_ADVISED - hoursSince(scheduledAt, now);
  if (left > 0) return `Best sent within ${THANK_YOU_HOURS_ADVISED} hours: about ${left} ${left === 1 ? 'hour' : 'hours'} left.`;
  return `Best sent within ${THANK_YOU_HOURS_ADVISED} hours, but a day or two later it is still welcome.`;
}

export function ThankYouOwedList({ list, now, showMore }: { list: Checked<ThankYouOwed>; now: Date; showMore: ShowMore }) {
  return (
    <DueList
      name="thank-you"
      showMore={showMore}
      title="Thank-you owed"
      description={`Interviews in the last ${THANK_YOU_DAYS} days without a thank-you to the primary contact, oldest first.`}
      total={list.total}
      rowIds={list.rows.map((r) => r.interviewId)}
      empty={`Nothing owed: every interview in the last ${THANK_YOU_DAYS} days has its thank-you.`}
    >
      {list.rows.map((row, i) => {
        const people = list.ready[i]?.people ?? [];
        const primary = people.find((p) => p.isPrimary) ?? null;
        const about = `${row.position} interview at ${row.company}`;
        return (
          <DueRow
            key={row.interviewId}
            title={<ApplicationTitle application={row} />}
            meta={
              <>
                <p>
                  {`Interview ${timeFromNow(row.scheduledAt, now)}: `}
                  <LocalTime iso={row.scheduledAt.toISOString()} />.
                </p>
                <p>{advice(row.scheduledAt, now)}</p>
              </>
            }
            actions={<DueRowButtons list="thank-you" subject={row.interviewId} about={about} />}
          >
            {list.ready[i] && (
              <LetterOrProblems
                ready={list.ready[i]}
                about={about}
                send={{
                  occasion: 'interview_thanks',
                  interviewId: row.interviewId,
                  applicationId: row.applicationId,
                  label: 'Send thank-you',
                  recipients: recipientsInWords(
                    primary,
                    people.filter((p) => p !== primary),
                    false,
                  ),
                  separateByDefault: false,
                  manyPeople: people.length > 1,
                }}
              />
            )}
          </DueRow>
        );
      })}
    </DueList>
  );
}

export function RejectionThanksList({ list, now, showMore }: { list: Checked<RejectionThanksOwed>; now: Date; showMore: ShowMore }) {
  return (
    <DueList
      name="rejection-thanks"
      showMore={showMore}
      title="Thank-you after a rejection"
      description="A short thank-you to each person you met keeps the door open for another role there."
      total={list.total}
      rowIds={list.rows.map((r) => r.applicationId)}
      empty={`Nothing owed: every rejection in the last ${REJECTION_THANKS_DAYS} days, where you met people, has its thank-you.`}
    >
      {list.rows.map((row, i) => {
        const people = list.ready[i]?.people ?? [];
        const about = `rejection for ${row.position} at ${row.company}`;
        return (
          <DueRow
            key={row.applicationId}
            title={<ApplicationTitle application={row} />}
            meta={<p>{`Rejected ${timeFromNow(row.rejectedAt, now)}.`}</p>}
            actions={<DueRowButtons list="rejection-thanks" subject={row.applicationId} about={about} />}
          >
            {list.ready[i] && (
              <LetterOrProblems
                ready={list.ready[i]}
                about={about}
                send={{
                  occasion: 'rejection_thanks',
                  applicationId: row.applicationId,
                  label: people.length > 1 ? 'Send thank-you letters' : 'Send thank-you',
                  recipients: recipientsInWords(null, people, true),
                  separateByDefault: true,
                  manyPeople: people.length > 1,
                }}
              />
            )}
          </DueRow>
        );
      })}
    </DueList>
  );
}
