import type { Metadata } from 'next';
import { Suspense } from 'react';
import { z } from 'zod';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/user';
import { DUE_LISTS, type DueListKey } from '@/lib/dashboard/due-rules';
import { WhatIsDue } from './due/due-section';
import { Outcomes } from './outcomes/outcomes-section';
import { SectionSkeleton } from './section-skeleton';

export const metadata: Metadata = { title: 'Dashboard' };

const outcomesSkeleton = <SectionSkeleton id="outcomes" title="Outcomes" loading="Loading outcomes…" blocks={4} className="mt-10" />;

/** `?more=` names one list of What is due to show more of; anything else shows the usual few. */
const moreParam = z.enum(DUE_LISTS).optional().catch(undefined);

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [user, { period, more }] = await Promise.all([requireUser(), searchParams]);
  // One moment for every list, so they agree on what "3 days ago" means.
  const now = new Date();
  const showMore = {
    open: moreParam.parse(more),
    // The period chosen below stays as it is; the page comes back to the list.
    href: (list: DueListKey, open: boolean) => {
      const query = new URLSearchParams();
      if (typeof period === 'string') query.set('period', period);
      if (open) query.set('more', list);
      return `/dashboard${query.size ? `?${query}` : ''}#due-${list}`;
    },
  };
  return (
    <>
      <PageHeader
        title={user.name ? `Good to see you, ${user.name.split(' ')[0]}` : 'Dashboard'}
        description="What is due today, and what came of the letters you sent."
      />
      {/* What is due comes with the page's first bytes, not streamed: its queries take about 10 ms on the large
          bench account, while React shows a streamed section no sooner than 300 ms after the first paint (it
          reveals streamed sections together). The page's largest text then came after its scripts had started,
          and Lighthouse on a phone counted all their work as time before it could be read. Outcomes (seven
          aggregate queries when its snapshot is stale) still streams below it and holds nothing up. */}
      <WhatIsDue userId={user.id} now={now} showMore={showMore} />
      {/* What came of it, below what to do now. */}
      <Suspense fallback={outcomesSkeleton}>
        <Outcomes userId={user.id} period={period} />
      </Suspense>
    </>
  );
}
