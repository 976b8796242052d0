import { waitingReplies } from '@/db/queries/replies';
import { env } from '@/env';
import { DUE_COUNT_CAP } from '@/lib/dashboard/due-rules';
import { DueRowActionsForm } from './due-actions';
import { DueLists } from './due-lists';
import { RepliesList } from './due-replies';
import { dueView, type ShowMore } from './due-view';
import { whatIsDueNow } from './load-due';

/**
 * "What is due": the top of the dashboard, what to do today. Replies that
 * came back first, then letters owed, then follow-ups, then what needs
 * putting right. Replies are read live, one indexed statement: they are
 * few, and one that came in should show at once.
 */
export async function WhatIsDue({ userId, now, showMore }: { userId: string; now: Date; showMore: ShowMore }) {
  const [due, replies] = await Promise.all([whatIsDueNow(userId, now, showMore.open), waitingReplies(userId)]);
  const lists = Object.values(due);
  const total = replies.length + lists.reduce((sum, list) => sum + list.total, 0);
  const receiving = Boolean(env().INBOUND_DOMAIN) || env().mailMode === 'outbox';
  // A list counts up to its cap; past it, the sum is "at least".
  const atLeast = lists.some((list) => list.total >= DUE_COUNT_CAP) ? '+' : '';

  return (
    <section aria-labelledby="due-heading" className="mb-12">
      <div className="mb-4">
        <h2 id="due-heading" className="text-xl font-semibold text-stone-900">
          What is due
        </h2>
        <p className="text-sm text-stone-600">
          {total === 0 ? 'Nothing is due today.' : `${total}${atLeast} ${total === 1 ? 'thing' : 'things'} to do, the most pressing first.`}
        </p>
      </div>
      <DueRowActionsForm>
        <div className="grid gap-8 lg:grid-cols-2">
          <RepliesList replies={replies} receiving={receiving} />
          <DueLists view={dueView(due, now, showMore)} />
        </div>
      </DueRowActionsForm>
    </section>
  );
}
