import 'server-only';
import { db } from '@/db';
import { getApplication } from '@/db/queries/applications';
import { getReply, markReplyHandled, setReplyContact } from '@/db/queries/replies';
import { NOT_FOUND, UserError } from '@/lib/errors';
import { stageAfterInterview } from '@/lib/pipeline/stages';
import type { ReplyNextStep } from '@/lib/replies/kinds';
import { readMailbox } from '@/lib/replies/received-email';
import { moveApplications } from '@/server/applications/move-applications';
import { addContactToApplication } from '@/server/contacts/link-contacts';

/** What a step did, and where the person goes next to finish it (null: stay). */
export type ReplyStepDone = { message: string; next: string | null };

async function replyOf(userId: string, replyId: string) {
  const reply = await getReply(userId, replyId);
  if (!reply) throw new UserError(NOT_FOUND.reply);
  return reply;
}

/**
 * One click on a reply's suggestion: the move the words suggested (the
 * board's own stage move, with its history and its effect on follow-up
 * plans), then the reply leaves the dashboard. Nothing changes without the
 * click; the person may also choose a step other than the one suggested.
 */
export async function takeReplyStep(userId: string, replyId: string, step: ReplyNextStep): Promise<ReplyStepDone> {
  const reply = await replyOf(userId, replyId);
  const applicationId = reply.applicationId;
  if (step !== 'mark_read' && !applicationId) throw new UserError('This reply is not about an application, so it can only be marked as read.');
  let done: ReplyStepDone = { message: 'Marked as read.', next: null };
  if (step === 'log_interview' && applicationId) {
    const application = await getApplication(userId, applicationId);
    if (!application) throw new UserError(NOT_FOUND.application);
    if (stageAfterInterview(application.stage)) await moveApplications(userId, [applicationId], 'interviewing');
    done = { message: 'Moved to Interviewing: log the interview.', next: `/applications/${applicationId}/interviews/new` };
  }
  if (step === 'move_to_rejected' && applicationId) {
    const moves = await moveApplications(userId, [applicationId], 'rejected');
    if (moves.notFound) throw new UserError(NOT_FOUND.application);
    done = { message: 'Moved to Rejected.', next: `/applications/${applicationId}` };
  }
  await db.transaction((tx) => markReplyHandled(tx, userId, replyId));
  return done;
}

/** "Add as contact": the stranger who answered joins the application's people. Returns their name. */
export async function addReplySenderAsContact(userId: string, replyId: string): Promise<string> {
  const reply = await replyOf(userId, replyId);
  if (!reply.applicationId) throw new UserError('This reply is not about an application.');
  if (reply.contactId) throw new UserError('They are already one of your contacts.');
  const name = reply.fromName ?? readMailbox(reply.fromEmail).email.split('@')[0];
  const added = await addContactToApplication(userId, reply.applicationId, { name, email: reply.fromEmail }, { role: 'recruiter', isPrimary: false });
  if (!added) throw new UserError(NOT_FOUND.application);
  await db.transaction((tx) => setReplyContact(tx, userId, replyId, added.id));
  return added.name;
}
