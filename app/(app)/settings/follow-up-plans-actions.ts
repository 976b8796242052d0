'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/auth/action';
import { savePlanSettings } from '@/server/follow-ups/save-plan-defaults';
import { planSettingsSchema } from './follow-up-plans-schema';

/** Settings → Follow-up plans: the defaults every application follows unless it has its own choice. */
export const savePlanSettingsAction = authedAction('save follow-up plans', planSettingsSchema, async (plans, user) => {
  const cancelled = await savePlanSettings(user.id, plans);
  revalidatePath('/settings');
  revalidatePath('/dashboard');
  revalidatePath('/applications', 'layout');
  const also = cancelled === 0 ? '' : ` ${cancelled} scheduled ${cancelled === 1 ? 'letter was' : 'letters were'} cancelled, as their plan is no longer Automatic.`;
  return { ok: true, message: `Follow-up plans saved.${also}` };
});
