'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormAction } from '@/lib/actions/state';
import type { ReplyNextStep } from '@/lib/replies/kinds';

export type ReplyStepButton = { step: ReplyNextStep; label: string; pendingLabel: string };

/**
 * A reply's buttons: the step its words suggest first, then Mark as read.
 * One form, the pressed button's `step` saying which; nothing changes
 * without a press. `about` names the reply for screen readers, since every
 * reply has the same buttons.
 */
export function ReplyStepButtons({ replyId, buttons, about, action }: { replyId: string; buttons: ReplyStepButton[]; about: string; action: FormAction }) {
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="replyId" value={replyId} />
      <div className="flex flex-wrap gap-2">
        {buttons.map((button, index) => (
          <SubmitButton
            key={button.step}
            variant={index === 0 && button.step !== 'mark_read' ? 'primary' : 'secondary'}
            name="step"
            value={button.step}
            pendingLabel={button.pendingLabel}
          >
            {button.label}
            <span className="sr-only"> ({about})</span>
          </SubmitButton>
        ))}
      </div>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}

/** "Add as contact" for someone the letter was not to. */
export function AddReplySender({ replyId, name, action }: { replyId: string; name: string; action: FormAction }) {
  const [state, formAction] = useActionState(action, { ok: false });
  if (state.ok) return <FormMessage ok message={state.message} />;
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="replyId" value={replyId} />
      <div>
        <SubmitButton variant="secondary" pendingLabel="Adding…">
          Add {name} as a contact
        </SubmitButton>
      </div>
      <FormMessage ok={false} message={state.message} />
    </form>
  );
}
