import type { ReactNode } from 'react';
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
 * Horizontal bars as a list a screen reader reads as it is ("Delivered
 * 4,607"): the label and the number are text, and only the bar, an SVG
 * stretched to its column, is drawn and hidden. The rows share one grid, so
 * every bar starts and ends at the same place. `max` sets the full length,
 * e.g. the letters sent for every later step.
 */
export function BarChart({ title, note, bars, max }: { title: string; note?: ReactNode; bars: Bar[]; max?: number }) {
  const full = Math.max(1, max ?? Math.max(0, ...bars.map((b) => b.value)));
  return (
    <figure className="min-w-0">
      <figcaption className="text-sm font-semibold text-stone-900">{title}</figcaption>
      {note && <p className="mt-0.5 text-xs text-stone-600">{note}</p>}
      {/* role="list": Safari drops the list semantics of a list styled without markers. */}
      <ul
        role="list"
        className="mt-3 grid grid-cols-[minmax(0,7.5rem)_minmax(0,1fr)_auto] items-center gap-x-2 gap-y-1.5 text-sm sm:grid-cols-[minmax(0,10rem)_minmax(0,1fr)_auto]"
      >
        {bars.map((bar) => (
          <li key={bar.label} className="col-span-3 grid grid-cols-subgrid items-center">
            <span className="text-stone-700">{bar.label}</span>
            <svg aria-hidden="true" viewBox="0 0 100 10" preserveAspectRatio="none" className="h-3 w-full bg-stone-100" focusable="false">
              {/* A non-zero count always shows a sliver, so it never reads as nothing. */}
              {bar.value > 0 && (
                <rect width={Math.max(1.5, (bar.value / full) * 100)} height="10" className={fills[bar.tone ?? 'accent']} />
              )}
            </svg>
            <span className="text-right tabular-nums text-stone-900">
              {formatCount(bar.value)}
              {bar.detail && <span className="block text-xs text-stone-600 sm:ml-1 sm:inline">{bar.detail}</span>}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
