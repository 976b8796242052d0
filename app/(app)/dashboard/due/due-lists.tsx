'use client';

import { LettersNeedingAttentionList, QuietApplicationsList } from './due-attention';
import { FollowUpsList } from './due-follow-ups';
import { ImpressionsList } from './due-impressions';
import { PlanFollowUpsList } from './due-plan-follow-ups';
import { RejectionThanksList, ThankYouOwedList } from './due-thank-yous';
import type { DueView } from './due-view';

/**
 * The lists of What is due after Replies, drawn from the rows alone (see
 * due-view.ts): letters owed first, then follow-ups, then what needs
 * putting right.
 */
export function DueLists({ view }: { view: DueView }) {
  return (
    <>
      <ImpressionsList list={view.impressions} />
      <ThankYouOwedList list={view.thankYou} />
      <RejectionThanksList list={view.rejectionThanks} />
      <PlanFollowUpsList list={view.plans} />
      <FollowUpsList list={view.followUps} />
      <LettersNeedingAttentionList list={view.letters} />
      <QuietApplicationsList list={view.quiet} />
    </>
  );
}
