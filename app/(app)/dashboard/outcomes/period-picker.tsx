import Link from 'next/link';
import { type Period, PERIODS } from '@/lib/dashboard/period';

/**
 * The span the outcomes cover, as plain links that keep the choice in the
 * URL (`?period=90`): it works without JavaScript, and a chosen view can be
 * bookmarked. The links return to the Outcomes section, not the page top.
 */
export function PeriodPicker({ current, path = '/dashboard' }: { current: Period; path?: string }) {
  return (
    <nav aria-label="Period of the outcomes">
      <ul className="grid grid-cols-4 gap-1 rounded-lg border border-stone-200 bg-white p-1 text-sm sm:flex">
        {PERIODS.map((period) => {
          const active = period.id === current;
          return (
            <li key={period.id}>
              <Link
                href={`${path}?period=${period.id}#outcomes`}
                scroll={false}
                aria-current={active ? 'true' : undefined}
                className={`flex min-h-9 items-center justify-center whitespace-nowrap rounded-md px-2 font-medium sm:px-3 ${
                  active ? 'bg-stone-900 text-white' : 'text-stone-700 hover:bg-stone-100 hover:text-stone-900'
                }`}
              >
                {period.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
