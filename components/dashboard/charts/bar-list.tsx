import { Fragment } from 'react';
import { formatCount } from '../format';

export type BarTone = 'accent' | 'ink' | 'good' | 'bad' | 'muted';

export type Bar = { label: string; value: number; detail?: string; tone?: BarTone };

const fills: Record<BarTone, string> = {
  accent: 'fill-accent',
  ink: 'fill-stone-700',
  good: 'fill-green-700',
  bad: 'fill-red-700',
  muted: 'fill-stone-400',
};

/**
 * Horizontal bars, one a row, with the label and the number as text beside
 * the drawing: the text stays legible at any width, and only the bar (an SVG
 * stretched to its column) scales. `max` sets the full length, e.g. the
 * letters sent for every later step.
 */
export function BarList({ bars, max }: { bars: Bar[]; max?: number }) {
  const full = Math.max(1, max ?? Math.max(0, ...bars.map((b) => b.value)));
  return (
    // One grid for all rows, so every bar starts and ends at the same place whatever its label or number.
    <div className="grid grid-cols-[minmax(0,7.5rem)_minmax(0,1fr)_auto] items-center gap-x-2 gap-y-1.5 text-sm sm:grid-cols-[minmax(0,10rem)_minmax(0,1fr)_auto]">
      {bars.map((bar) => {
        // A non-zero count always shows a sliver, so it never reads as nothing.
        const length = bar.value > 0 ? Math.max(1.5, (bar.value / full) * 100) : 0;
        return (
          <Fragment key={bar.label}>
            <span className="text-stone-700">{bar.label}</span>
            <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="h-3 w-full" focusable="false">
              <rect width="100" height="10" className="fill-stone-100" />
              <rect width={length} height="10" className={fills[bar.tone ?? 'accent']} />
            </svg>
            <span className="text-right tabular-nums text-stone-900">
              {formatCount(bar.value)}
              {bar.detail && <span className="block text-xs text-stone-600 sm:ml-1 sm:inline">{bar.detail}</span>}
            </span>
          </Fragment>
        );
      })}
    </div>
  );
}
