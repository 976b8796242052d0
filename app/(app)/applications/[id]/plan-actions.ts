'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/auth/action';
import { MODE_WORDS, PLAN_WORDS } from '@/lib/follow-ups/words';
import { changeApplicationPlan } from '@/server/follow-ups/application-plan';
import { applicationPlanSchema } from './plan-schema';

const cancelledInWords = (n: number) => (n === 0 ? '' : ` ${n === 1 ? 'Its scheduled letter was' : `${n} scheduled letters were`} cancelled.`);

/** The application page's plan controls. Another person's application is "not found", like a missing one. */
export const applicationPlanAction = authedAction('application plan', applicationPlanSchema, async (input, user) => {
  const choice = input.intent === 'mode' ? { mode: input.mode } : { stop: input.intent === 'stop' };
  const cancelled = await changeApplicationPlan(user.id, input.applicationId, input.plan, choice);
  revalidatePath(`/applications/${input.applicationId}`);
  revalidatePath('/dashboard');
  revalidatePath('/letters');
  const title = PLAN_WORDS[input.plan].title;
  const done =
    input.intent === 'stop'
      ? `${title} stopped for this application.`
      : input.intent === 'resume'
        ? `${title} resumed.`
        : input.mode === 'default'
          ? `${title} follows your settings again.`
          : `${title}: ${MODE_WORDS[input.mode].label} for this application.`;
  return { ok: true, message: done + cancelledInWords(cancelled) };
});
