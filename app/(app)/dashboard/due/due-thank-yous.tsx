import { LocalTime } from '@/components/time/local-time';
import { REJECTION_THANKS_DAYS, THANK_YOU_DAYS, THANK_YOU_HOURS_ADVISED } from '@/lib/dashboard/due-rules';
import { DueRowButtons } from './due-actions';
import { ApplicationTitle, DueList, DueRow, type ListView } from './due-list';
import { LetterOrProblems, type RowLetter } from './due-send-letter';

/** An interview owed its thank-you: when it was, the advice on the clock, and the letter. */
export type ThankYouRow = {
  interviewId: string;
  applicationId: string;
  position: string;
  company: string;
  /** "2 days ago", from the server's now. */
  when: string;
  at: string;
  /** Hours left of the day a thank-you is best sent in; none or fewer once it has passed. */
  hoursLeft: number;
  letter: RowLetter | null;
};

/** How the clock stands on a thank-you: the advice is to send it within a day. */
function advice(left: number) {
  if (left > 0) return `Best sent within ${THANK_YOU_HOURS_ADVISED} hours: about ${left} ${left === 1 ? 'hour' : 'hours'} left.`;
  return `Best sent within ${THANK_YOU_HOURS_ADVISED} hours, but a day or two later it is still welcome.`;
}

export type RejectionThanksRow = { applicationId: string; position: string; company: string; when: string; letter: RowLetter | null };

export function ThankYouOwedList({ list }: { list: ListView<ThankYouRow> }) {
  return (
    <DueList
      name="thank-you"
      list={list}
      title="Thank-you owed"
      description={`Interviews in the last ${THANK_YOU_DAYS} days without a thank-you to the primary contact, oldest first.`}
      rowIds={list.rows.map((r) => r.interviewId)}
      empty={`Nothing owed: every interview in the last ${THANK_YOU_DAYS} days has its thank-you.`}
    >
      {list.rows.map((row) => {
        const about = `${row.position} interview at ${row.company}`;
        return (
          <DueRow
            key={row.interviewId}
            title={<ApplicationTitle application={row} />}
            meta={
              <>
                <p>
                  {`Interview ${row.when}: `}
                  <LocalTime iso={row.at} />.
                </p>
                <p>{advice(row.hoursLeft)}</p>
              </>
            }
            actions={<DueRowButtons list="thank-you" subject={row.interviewId} about={about} />}
          >
            {row.letter && (
              <LetterOrProblems
                letter={row.letter}
                about={about}
                send={{
                  occasion: 'interview_thanks',
                  interviewId: row.interviewId,
                  applicationId: row.applicationId,
                  label: 'Send thank-you',
                  separateByDefault: false,
                }}
              />
            )}
          </DueRow>
        );
      })}
    </DueList>
  );
}

export function RejectionThanksList({ list }: { list: ListView<RejectionThanksRow> }) {
  return (
    <DueList
      name="rejection-thanks"
      list={list}
      title="Thank-you after a rejection"
      description="A short thank-you to each person you met keeps the door open for another role there."
      rowIds={list.rows.map((r) => r.applicationId)}
      empty={`Nothing owed: every rejection in the last ${REJECTION_THANKS_DAYS} days, where you met people, has its thank-you.`}
    >
      {list.rows.map((row) => {
        const about = `rejection for ${row.position} at ${row.company}`;
        const letters = row.letter && 'manyPeople' in row.letter && row.letter.manyPeople;
        return (
          <DueRow
            key={row.applicationId}
            title={<ApplicationTitle application={row} />}
            meta={<p>{`Rejected ${row.when}.`}</p>}
            actions={<DueRowButtons list="rejection-thanks" subject={row.applicationId} about={about} />}
          >
            {row.letter && (
              <LetterOrProblems
                letter={row.letter}
                about={about}
                send={{
                  occasion: 'rejection_thanks',
                  applicationId: row.applicationId,
                  label: letters ? 'Send thank-you letters' : 'Send thank-you',
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
