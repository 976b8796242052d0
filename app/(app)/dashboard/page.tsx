import type { Metadata } from 'next';
import { z } from 'zod';
import { WhatIsDue } from '@/components/dashboard/due-section';
import { Outcomes } from '@/components/dashboard/outcomes';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/user';
import { DUE_LISTS, type DueListKey } from '@/lib/dashboard/due-rules';

export const metadata: Metadata = { title: 'Dashboard' };

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
      <WhatIsDue userId={user.id} now={now} showMore={showMore} />
      {/* What came of it, below what to do now. */}
      <Outcomes userId={user.id} period={period} />
    </>
  );
}
