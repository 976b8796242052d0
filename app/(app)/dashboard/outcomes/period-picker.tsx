import Link from 'next/link';
import { type Period, PERIODS } from '@/lib/dashboard/period';

/**
 * The span the outcomes cover, as plain links that keep the choice in the
 * URL (`?period=90`): it works without JavaScript, and a chosen view can be
 * bookmarked. The links return to the Outcomes section, not the page top.
 * The chosen one is drawn from its `aria-current` (`.outcome-periods`).
 */
export function PeriodPicker({ current, path = '/dashboard' }: { current: Period; path?: string }) {
  return (
    <nav aria-label="Period of the outcomes">
      <ul className="outcome-periods">
        {PERIODS.map((period) => (
          <li key={period.id}>
            <Link href={`${path}?period=${period.id}#outcomes`} scroll={false} aria-current={period.id === current ? 'true' : undefined}>
              {period.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
