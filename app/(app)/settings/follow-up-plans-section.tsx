import type { FollowUpPlanKind, PlanSettings } from '@/lib/follow-ups/plans';
import { FOLLOW_UP_SPACING_DAYS } from '@/lib/follow-ups/quiet-hours';
import { FollowUpPlansForm } from './follow-up-plans-form';

/** Settings → Follow-up plans: the defaults, with what each choice does, in a job seeker's words. */
export function FollowUpPlansSection({ plans }: { plans: Record<FollowUpPlanKind, PlanSettings> }) {
  return (
    <section id="follow-up-plans" aria-labelledby="follow-up-plans-heading" className="mt-10 max-w-xl scroll-mt-4 border-t border-stone-200 pt-6">
      <h2 id="follow-up-plans-heading" className="text-base font-semibold text-stone-900">
        Follow-up plans
      </h2>
      <p className="mt-1 mb-4 text-sm text-stone-600">
        Letters that keep an application moving when nobody answers. Each plan stops by itself when they reply, when an
        interview is logged or when you move the application on, and never writes to the same person twice within{' '}
        {FOLLOW_UP_SPACING_DAYS} days. An application can have its own choice, or be stopped, on its page.
      </p>
      <FollowUpPlansForm plans={plans} />
    </section>
  );
}
