import type { Payoff, Share } from '@/db/queries/outcomes/payoff';
import { MIN_GROUP, OUTCOME_WAIT_DAYS, REPLY_WITHIN_DAYS, THANKS_WITHIN_HOURS } from '@/lib/dashboard/outcome-rules';
import { type Period, periodPhrase } from '@/lib/dashboard/period';
import { enoughData, formatCount, percentOf } from './format';
import { OutcomeCard } from './outcome-card';

/**
 * The question no other tracker answers, asked of the person's own history:
 * side by side, with and without a thank-you, each share with the numbers it
 * stands on, and no share at all below MIN_GROUP.
 */
export function PayoffOutcomes({
  interviews,
  rejections,
  replies,
  period,
  className,
}: {
  interviews: Payoff;
  rejections: Payoff;
  /** Interview thank-yous, and those answered within REPLY_WITHIN_DAYS. */
  replies: Share;
  period: Period;
  className?: string;
}) {
  return (
    <OutcomeCard
      id="outcomes-payoff"
      title="Do thank-you letters pay off?"
      className={className}
      description={`From your own history ${periodPhrase(period)}, leaving out the last ${OUTCOME_WAIT_DAYS} days: anything newer has not had time to lead anywhere. This shows what went together, not what caused what.`}
    >
      <div className="grid gap-6 lg:grid-cols-2">
        <Comparison
          heading="After an interview"
          rule={`A thank-you counts when it was sent in the ${THANKS_WITHIN_HOURS} hours after the interview and did not bounce. An interview led on when the same application got another interview or moved to Offer or Accepted after it.`}
          groups={[
            { title: `With a thank-you within ${THANKS_WITHIN_HOURS} hours`, share: interviews.thanked },
            { title: 'Without one', share: interviews.unthanked },
          ]}
          unit={['interview', 'interviews']}
          outcome="led to another interview or an offer"
        />
        <Comparison
          heading="After a rejection"
          rule="A rejection counts as answered when a thank-you written after it was sent and did not bounce. It led on when another application at the same company got an interview after the thank-you (or, without one, after the rejection)."
          groups={[
            { title: 'Answered with a thank-you', share: rejections.thanked },
            { title: 'Not answered', share: rejections.unthanked },
          ]}
          unit={['rejection', 'rejections']}
          outcome="led to a later interview at the same company"
        />
        <Comparison
          heading="Replies to a thank-you after an interview"
          rule={`A thank-you counts when it was sent and did not bounce. It was answered when someone wrote back within ${REPLY_WITHIN_DAYS} days of it leaving; automatic replies (an out-of-office) and mail you sent yourself are not counted.`}
          groups={[{ title: `Replied within ${REPLY_WITHIN_DAYS} days`, share: replies }]}
          unit={['thank-you', 'thank-yous']}
          outcome={`got a reply within ${REPLY_WITHIN_DAYS} days`}
        />
      </div>
    </OutcomeCard>
  );
}

type Group = { title: string; share: Share };

function Comparison({
  heading,
  rule,
  groups,
  unit,
  outcome,
}: {
  heading: string;
  rule: string;
  groups: Group[];
  unit: [string, string];
  outcome: string;
}) {
  return (
    <div className="outcome-shares">
      <h4>{heading}</h4>
      <div>
        {groups.map((group) => (
          <ShareCard key={group.title} group={group} unit={unit} outcome={outcome} />
        ))}
      </div>
      <p>{rule}</p>
    </div>
  );
}

function ShareCard({ group: { title, share }, unit, outcome }: { group: Group; unit: [string, string]; outcome: string }) {
  const noun = share.total === 1 ? unit[0] : unit[1];
  const enough = enoughData(share.total);
  return (
    <div>
      <p>{title}</p>
      {enough ? <p className="outcome-share">{`${percentOf(share.hits, share.total)}%`}</p> : <p className="outcome-share-none">Not enough data yet</p>}
      <p>
        {enough
          ? `${formatCount(share.hits)} of ${formatCount(share.total)} ${noun} ${outcome}.`
          : `${formatCount(share.total)} ${noun} so far; a share needs at least ${MIN_GROUP}.`}
      </p>
    </div>
  );
}
