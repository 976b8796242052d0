import type { WeeklyActivity } from '@/db/queries/outcomes/activity';
import { ACTIVITY_SERIES, type ActivitySeries } from '@/lib/dashboard/outcome-rules';
import { ChartFigure } from './charts/chart-figure';
import { WeeklyChart, type WeeklySeries } from './charts/weekly-chart';
import { formatWeek } from './format';
import { OutcomeCard } from './outcome-card';

const SERIES: Record<ActivitySeries, WeeklySeries<ActivitySeries>> = {
  applications: { key: 'applications', label: 'Applications added', fill: 'fill-sky-700' },
  interviews: { key: 'interviews', label: 'Interviews held', fill: 'fill-violet-700' },
  letters: { key: 'letters', label: 'Letters sent', fill: 'fill-accent' },
};

export function ActivityOutcomes({ weeks }: { weeks: WeeklyActivity }) {
  const series = ACTIVITY_SERIES.map((key) => SERIES[key]);
  return (
    <OutcomeCard
      id="outcomes-activity"
      title="Weekly activity"
      description={`The last ${weeks.length} weeks, whatever the period; weeks start on Monday (UTC).`}
    >
      <ChartFigure
        title="Applications, interviews and letters each week"
        note="Each row has its own scale: its busiest week fills it."
        table={{
          caption: `Activity in each of the last ${weeks.length} weeks`,
          columns: ['Week of', ...series.map((s) => s.label)],
          rows: weeks.map((w) => [formatWeek(w.week), ...series.map((s) => w[s.key])]),
        }}
      >
        <WeeklyChart weeks={weeks} series={series} />
      </ChartFigure>
    </OutcomeCard>
  );
}
