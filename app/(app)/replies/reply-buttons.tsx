import { AddReplySender, type ReplyStepButton, ReplyStepButtons } from '@/components/replies/reply-actions';
import type { ReplyView } from '@/db/queries/replies';
import { nextStepLabel } from '@/lib/replies/next-step';
import { addReplyContactAction, replyStepAction } from './actions';

const PENDING: Record<ReplyStepButton['step'], string> = {
  log_interview: 'Moving…',
  move_to_rejected: 'Moving…',
  mark_read: 'Marking…',
};

/**
 * What can be done about a reply not yet acted on: its suggested step, Mark
 * as read, and, when someone new answered, adding them as a contact.
 * Automatic replies and handled ones have nothing to do.
 */
export function ReplyButtons({ reply }: { reply: ReplyView }) {
  if (reply.kind !== 'reply') return null;
  const who = reply.fromName ?? reply.fromEmail;
  const steps = reply.nextStep === 'mark_read' || !reply.stage ? (['mark_read'] as const) : ([reply.nextStep, 'mark_read'] as const);
  const buttons = steps.map((step) => ({ step, label: reply.stage ? nextStepLabel(step, reply.stage) : 'Mark as read', pendingLabel: PENDING[step] }));
  return (
    <div className="flex flex-col gap-2">
      {!reply.handledAt && <ReplyStepButtons replyId={reply.id} buttons={buttons} about={`reply from ${who}`} action={replyStepAction} />}
      {reply.fromSomeoneNew && !reply.contactId && reply.applicationId && (
        <AddReplySender replyId={reply.id} name={who} action={addReplyContactAction} />
      )}
    </div>
  );
}
