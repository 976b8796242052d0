import type { CSSProperties, ReactNode } from 'react';
import { formatCount } from '../format';

export type BarTone = 'accent' | 'ink' | 'good' | 'bad' | 'muted';

export type Bar = { label: string; value: number; detail?: string; tone?: BarTone };

/** A bar's length as a share of the full one; a non-zero count always shows a sliver, so it never reads as nothing. */
function length(value: number, full: number): CSSProperties | undefined {
  if (value <= 0) return undefined;
  return { '--bar': `${Math.max(1.5, Math.round((value / full) * 1000) / 10)}%` } as CSSProperties;
}

/**
 * Horizontal bars as a list a screen reader reads as it is ("Delivered
 * 4,607"): the label and the number are text, and the bar between them is
 * an empty element drawn by CSS (`.outcome-bars` in app/globals.css), its
 * length in `--bar`. The rows share one grid, so every bar starts and ends
 * at the same place. `max` sets the full length, e.g. the letters sent for
 * every later step.
 */
export function BarChart({ title, note, bars, max }: { title: string; note?: ReactNode; bars: Bar[]; max?: number }) {
  const full = Math.max(1, max ?? Math.max(0, ...bars.map((b) => b.value)));
  return (
    <figure className="outcome-chart">
      <figcaption>{title}</figcaption>
      {note ? <p>{note}</p> : null}
      {/* role="list": Safari drops the list semantics of a list styled without markers. */}
      <ul role="list" className="outcome-bars">
        {/* The bars keep their order: their index is key enough. */}
        {bars.map((bar, i) => (
          <li key={i}>
            <span>{bar.label}</span>
            <span className={`bar-${bar.tone ?? 'accent'}`} style={length(bar.value, full)} />
            {bar.detail ? (
              <span>
                {formatCount(bar.value)}
                <span>{bar.detail}</span>
              </span>
            ) : (
              <span>{formatCount(bar.value)}</span>
            )}
          </li>
        ))}
      </ul>
    </figure>
  );
}
