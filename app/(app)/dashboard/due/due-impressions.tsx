import { ButtonLink } from '@/components/ui/button';
import { THANK_YOU_DAYS } from '@/lib/dashboard/due-rules';
import { DueRowButtons } from './due-actions';
import { ApplicationTitle, DueList, DueRow, type ListView } from './due-list';

export type ImpressionRow = { interviewId: string; applicationId: string; position: string; company: string; when: string };

/**
 * Interviews that took place without their "What impressed you most?": the
 * one line the thank-you needs. Each is that question, with a link straight
 * to a form for it alone.
 */
export function ImpressionsList({ list }: { list: ListView<ImpressionRow> }) {
  return (
    <DueList
      name="impressions"
      list={list}
      title="What impressed you most?"
      description="One line in your own words, and the thank-you for the interview is ready to send."
      rowIds={list.rows.map((r) => r.interviewId)}
      empty={`Nothing to answer: every interview in the last ${THANK_YOU_DAYS} days has its line.`}
    >
      {list.rows.map((row) => {
        const about = `${row.position} interview at ${row.company}`;
        return (
          <DueRow
            key={row.interviewId}
            title={<ApplicationTitle application={row} />}
            meta={<p>{`Interview ${row.when}.`}</p>}
            actions={<DueRowButtons list="impressions" subject={row.interviewId} about={about} />}
          >
            <ButtonLink href={`/applications/${row.applicationId}/interviews/${row.interviewId}/impression`}>
              Answer<span className="sr-only">{` what impressed you most at the ${about}`}</span>
            </ButtonLink>
          </DueRow>
        );
      })}
    </DueList>
  );
}
