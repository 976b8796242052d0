import type { Funnel } from '@/db/queries/outcomes/pipeline';
import { MIN_GROUP } from '@/lib/dashboard/outcome-rules';
import { type Period, periodPhrase } from '@/lib/dashboard/period';
import { type ApplicationStage, stageLabel, STAGES } from '@/lib/pipeline/stages';
import { BarChart } from './charts/bar-chart';
import { enoughData, formatCount, percentOf } from './format';
import { OutcomeCard } from './outcome-card';

export function PipelineOutcomes({ stages, funnel, period }: { stages: Map<ApplicationStage, number>; funnel: Funnel; period: Period }) {
  const stageRows = STAGES.map((s) => ({
    label: s.label,
    value: stages.get(s.id) ?? 0,
    tone: s.ending ? ('muted' as const) : ('ink' as const),
  }));
  // "45% of Applied": each step against the one before it.
  const steps = funnel.steps.map((step, i) => {
    const before = funnel.steps[i - 1];
    const percent = before ? percentOf(step.count, before.count) : null;
    return {
      ...step,
      label: stageLabel(step.stage),
      conversion: before && percent !== null ? `${percent}% of ${stageLabel(before.stage)}` : null,
    };
  });
  return (
    <OutcomeCard id="outcomes-pipeline" title="Pipeline">
      <BarChart title="Applications by stage now" note="Every application not archived, whenever it was added." bars={stageRows} />
      <BarChart
        title="From applying to an accepted offer"
        note={`Applications added ${periodPhrase(period)}, counted at every step they reached: one that went straight to an offer counts as interviewing too, and one rejected later still counts where it got to.`}
        max={steps[0].count}
        bars={steps.map((s) => ({ label: s.label, value: s.count, detail: s.conversion ?? undefined, tone: 'accent' }))}
      />
      <div className="text-sm">
        <p className="font-semibold text-stone-900">Median time from applying to the first interview</p>
        {enoughData(funnel.timed) && funnel.medianDaysToInterview !== null ? (
          <p className="mt-1 text-stone-800">
            <span className="text-2xl font-semibold tabular-nums text-stone-900">{formatMedian(funnel.medianDaysToInterview)}</span>
            {` days, over ${formatCount(funnel.timed)} applications with an interview.`}
          </p>
        ) : (
          <p className="mt-1 text-stone-800">
            <strong>Not enough data yet:</strong>
            {` ${formatCount(funnel.timed)} of these applications have an interview; the median needs at least ${MIN_GROUP}.`}
          </p>
        )}
        <p className="mt-1 text-xs text-stone-600">From the applied-on date (else the day it moved to Applied) to its first interview.</p>
      </div>
    </OutcomeCard>
  );
}

/** A median of an even count can fall between two days: 7.5 stays 7.5, 12 stays 12. */
const formatMedian = (days: number) => (Number.isInteger(days) ? String(days) : days.toFixed(1));
