'use client';

import type { LetterOutcomes } from '@/db/queries/outcomes/letters';
import type { Period } from '@/lib/dashboard/period';
import type { Outcomes } from './load-outcomes';
import { ActivityOutcomes } from './outcomes-activity';
import { LettersOutcomes } from './outcomes-letters';
import { PayoffOutcomes } from './outcomes-payoff';
import { PipelineOutcomes } from './outcomes-pipeline';
import type { OccasionLabels } from './outcomes-replies';

/** The figures the blocks show: each template and occasion with the counts its row reads (see shownLetters). */
export type ShownOutcomes = Omit<Outcomes, 'letters'> & { letters: ShownLetters };
export type ShownLetters = {
  total: LetterOutcomes['total'];
  byTemplate: Omit<LetterOutcomes['byTemplate'][number], 'written' | 'local'>[];
  byOccasion: Pick<LetterOutcomes['byOccasion'][number], 'kind' | 'sent' | 'replied'>[];
};

/**
 * The blocks of Outcomes, drawn from the figures alone. The server renders
 * their HTML as before; React's payload then carries the figures (a couple
 * of kilobytes) rather than every bar, table cell and sentence a second
 * time, which was a quarter of the dashboard's weight.
 */
export function OutcomeCards({ outcomes, period, occasionLabels }: { outcomes: ShownOutcomes; period: Period; occasionLabels: OccasionLabels }) {
  return (
    <div className="mt-4 grid gap-4 lg:grid-cols-2">
      <LettersOutcomes letters={outcomes.letters} period={period} occasionLabels={occasionLabels} className="lg:col-span-2" />
      <PipelineOutcomes stages={outcomes.stages} funnel={outcomes.funnel} period={period} />
      <ActivityOutcomes weeks={outcomes.activity} />
      <PayoffOutcomes
        interviews={outcomes.payoff.interviews}
        rejections={outcomes.payoff.rejections}
        replies={outcomes.payoff.replies}
        period={period}
        className="lg:col-span-2"
      />
    </div>
  );
}
