import Link from 'next/link';
import { applicationPlanFacts } from '@/db/queries/follow-up-plan-facts';
import { applicationPlanOverrides, planDefaults } from '@/db/queries/follow-up-plans';
import { getProfile } from '@/db/queries/users';
import { FOLLOW_UP_MODES } from '@/lib/follow-ups/plans';
import { nextPlanStep } from '@/lib/follow-ups/rules';
import { MODE_WORDS, PLAN_WORDS, planStateInWords } from '@/lib/follow-ups/words';
import { PlanControls } from './plan-controls';

/** What the plans section shows, read side by side with the rest of the page. */
export async function loadFollowUpPlans(userId: string, applicationId: string) {
  const [rows, overrides, defaults, profile] = await Promise.all([
    applicationPlanFacts(userId, applicationId),
    applicationPlanOverrides(userId, applicationId),
    planDefaults(userId),
    getProfile(userId),
  ]);
  return { rows, overrides, defaults, zone: profile?.timeZone ?? 'UTC' };
}

/**
 * The application's three follow-up plans: where each stands ("due Tue 12
 * May · Ask", "stopped: moved to Interviewing", "sent 3 May"), its mode here,
 * and Stop or Resume. A plan without its own choice follows Settings.
 */
export function FollowUpPlans({
  applicationId,
  plans: { rows, overrides, defaults, zone },
}: {
  applicationId: string;
  plans: Awaited<ReturnType<typeof loadFollowUpPlans>>;
}) {
  const now = new Date();
  return (
    <section aria-labelledby="plans-heading">
      <h2 id="plans-heading" className="mb-1 text-lg font-semibold text-stone-900">
        Follow-up plans
      </h2>
      <p className="mb-3 text-sm text-stone-600">
        Each stops by itself at a reply, an interview or a move on the board.{' '}
        <Link href="/settings#follow-up-plans" className="underline">
          Your defaults
        </Link>
      </p>
      <ul className="space-y-4">
        {rows.map((row) => {
          const own = overrides.find((o) => o.plan === row.plan);
          const words = PLAN_WORDS[row.plan];
          const state = planStateInWords(row.plan, row.settings, nextPlanStep(row.plan, row.settings, row.facts, now), { now, zone });
          const modes = [
            { id: 'default' as const, label: `As in Settings (${MODE_WORDS[defaults[row.plan].mode].label})` },
            ...FOLLOW_UP_MODES.map((mode) => ({ id: mode, label: MODE_WORDS[mode].label })),
          ];
          return (
            <li key={row.plan} className="rounded-md border border-stone-200 bg-white p-3 text-sm">
              <p className="font-medium text-stone-900">{words.title}</p>
              <p className="text-stone-700">{state.charAt(0).toUpperCase() + state.slice(1)}</p>
              <PlanControls
                applicationId={applicationId}
                plan={row.plan}
                title={words.title}
                mode={own ? own.mode : 'default'}
                modes={modes}
                stopped={Boolean(own?.stoppedAt)}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
