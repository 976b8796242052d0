'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { FOLLOW_UP_MODES, FOLLOW_UP_PLANS, type FollowUpPlanKind, type PlanSettings } from '@/lib/follow-ups/plans';
import { MODE_WORDS, PLAN_WORDS } from '@/lib/follow-ups/words';
import { savePlanSettingsAction } from './follow-up-plans-actions';
import { fieldName, PLAN_LIMITS } from './follow-up-plans-fields';

/**
 * Settings → Follow-up plans: for each plan, Ask, Automatic or Off, how long
 * to wait, how often to repeat and how many letters at most. What was typed
 * stays after an error, each error beside its field.
 */
export function FollowUpPlansForm({ plans }: { plans: Record<FollowUpPlanKind, PlanSettings> }) {
  const [state, action] = useActionState(savePlanSettingsAction, { ok: false });
  const value = (plan: FollowUpPlanKind, setting: keyof PlanSettings) =>
    state.values?.[fieldName(plan, setting)] ?? String(plans[plan][setting]);
  const errors = (plan: FollowUpPlanKind, setting: keyof PlanSettings) => state.fieldErrors?.[fieldName(plan, setting)];

  return (
    <form action={action} noValidate className="max-w-xl space-y-6">
      {FOLLOW_UP_PLANS.map((plan) => {
        const modeErrors = errors(plan, 'mode');
        const modeErrorId = `${plan}-mode-error`;
        return (
          <fieldset key={plan} className="rounded-md border border-stone-200 bg-white p-4">
            <legend className="px-1 text-base font-semibold text-stone-900">{PLAN_WORDS[plan].title}</legend>
            <p className="mb-3 text-sm text-stone-600">{PLAN_WORDS[plan].what}</p>
            <fieldset aria-describedby={modeErrors ? modeErrorId : undefined} className="mb-3 space-y-2">
              <legend className="text-sm font-medium text-stone-900">When a letter is due</legend>
              {FOLLOW_UP_MODES.map((mode) => {
                const id = `${plan}-mode-${mode}`;
                return (
                  <div key={mode} className="flex items-start gap-2">
                    <input
                      id={id}
                      type="radio"
                      name={fieldName(plan, 'mode')}
                      value={mode}
                      defaultChecked={value(plan, 'mode') === mode}
                      aria-describedby={`${id}-what`}
                      className="mt-1"
                    />
                    <label htmlFor={id} className="text-sm">
                      <span className="font-medium text-stone-900">{MODE_WORDS[mode].label}</span>
                      {mode === 'ask' && <span className="text-stone-600"> (the default)</span>}
                      <span id={`${id}-what`} className="block text-stone-600">
                        {MODE_WORDS[mode].what}
                      </span>
                    </label>
                  </div>
                );
              })}
              <p id={modeErrorId} aria-live="polite" className="text-sm text-red-700">
                {modeErrors?.[0]}
              </p>
            </fieldset>
            <div className="grid gap-x-4 sm:grid-cols-3">
              <Field
                name={fieldName(plan, 'firstWaitDays')}
                label="Wait (days)"
                hint="Before the first letter."
                type="number"
                inputMode="numeric"
                min={PLAN_LIMITS.firstWaitDays.min}
                max={PLAN_LIMITS.firstWaitDays.max}
                defaultValue={value(plan, 'firstWaitDays')}
                errors={errors(plan, 'firstWaitDays')}
              />
              <Field
                name={fieldName(plan, 'repeatEveryDays')}
                label="Then every (days)"
                hint="Between later letters."
                type="number"
                inputMode="numeric"
                min={PLAN_LIMITS.repeatEveryDays.min}
                max={PLAN_LIMITS.repeatEveryDays.max}
                defaultValue={value(plan, 'repeatEveryDays')}
                errors={errors(plan, 'repeatEveryDays')}
              />
              <Field
                name={fieldName(plan, 'maxLetters')}
                label="At most (letters)"
                hint="Then the plan ends."
                type="number"
                inputMode="numeric"
                min={PLAN_LIMITS.maxLetters.min}
                max={PLAN_LIMITS.maxLetters.max}
                defaultValue={value(plan, 'maxLetters')}
                errors={errors(plan, 'maxLetters')}
              />
            </div>
          </fieldset>
        );
      })}
      <FormMessage ok={state.ok} message={state.message} />
      <SubmitButton pendingLabel="Saving…">Save follow-up plans</SubmitButton>
    </form>
  );
}
