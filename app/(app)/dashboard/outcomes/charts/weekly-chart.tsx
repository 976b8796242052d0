import { formatCount, formatWeek } from '../format';

export type WeeklySeries<K extends string> = { key: K; label: string; fill: string };

const BAR = 10;
const HEIGHT = 32;

/** All of a row's bars as one path (one element, not one per week), rising from the bottom edge. */
function barsPath(values: number[], most: number): string {
  return values
    .map((value, i) => {
      const height = most > 0 ? Math.round((value / most) * (HEIGHT - 2) * 10) / 10 : 0;
      return height > 0 ? `M${i * BAR + 1} ${HEIGHT}v-${height}h${BAR - 2}v${height}z` : '';
    })
    .join('');
}

/**
 * Small multiples: one row of weekly bars per series, each on its own scale
 * (its busiest week fills the row), with the total and the busiest week in
 * words. Rows rather than grouped bars keep twelve weeks readable on a phone.
 */
export function WeeklyChart<K extends string>({
  weeks,
  series,
}: {
  weeks: ({ week: string } & Record<K, number>)[];
  series: WeeklySeries<K>[];
}) {
  const width = weeks.length * BAR;
  return (
    <div className="outcome-weekly">
      {series.map(({ key, label, fill }) => {
        const values = weeks.map((w) => w[key]);
        const most = Math.max(0, ...values);
        const total = values.reduce((sum, v) => sum + v, 0);
        return (
          <div key={key}>
            <p>
              <b>{label}</b>
              <span>{`${formatCount(total)} in ${weeks.length} weeks${most > 0 ? `, at most ${formatCount(most)} a week` : ''}`}</span>
            </p>
            <svg viewBox={`0 0 ${width} ${HEIGHT}`} preserveAspectRatio="none" focusable="false">
              <path d={barsPath(values, most)} className={fill} />
            </svg>
          </div>
        );
      })}
      {weeks.length > 0 && (
        <p>
          <span>{`Week of ${formatWeek(weeks[0].week)}`}</span>
          <span>{`This week (${formatWeek(weeks[weeks.length - 1].week)})`}</span>
        </p>
      )}
    </div>
  );
}
