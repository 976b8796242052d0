import { ReplyCard } from '@/components/replies/reply-card';
import { LocalTime } from '@/components/time/local-time';
import type { ReplyView } from '@/db/queries/replies';
import type { Activity } from '@/db/schema';
import type { FormAction } from '@/lib/actions/state';
import { type ApplicationStage, stageLabel } from '@/lib/pipeline/stages';
import { ReplyButtons } from '@/app/(app)/replies/reply-buttons';
import { StageDateForm } from './stage-date-form';
import { TimelineText } from './timeline-text';

/** Everything that happened to an application, newest first; stage moves can be re-dated, replies are shown whole. */
export function ApplicationTimeline({
  applicationId,
  activities,
  replies,
  correctStageDate,
}: {
  applicationId: string;
  activities: Activity[];
  replies: ReplyView[];
  correctStageDate: FormAction;
}) {
  const replyById = new Map(replies.map((reply) => [reply.id, reply]));
  if (activities.length === 0) return <p className="text-sm text-stone-600">Nothing has been recorded for this application yet.</p>;
  return (
    <ol className="space-y-4 border-l-2 border-stone-200 pl-4">
      {activities.map((activity) => {
        const stageChangeId = activity.kind === 'stage_changed' ? activity.detail.stageChangeId : null;
        const reply = activity.kind === 'reply_received' ? replyById.get(String(activity.detail.replyId)) : undefined;
        if (reply) {
          return (
            <li key={activity.id} className="relative">
              <span aria-hidden className="absolute -left-[1.4rem] top-4 size-2.5 rounded-full bg-accent" />
              <ReplyCard reply={reply} actions={<ReplyButtons reply={reply} />} />
            </li>
          );
        }
        return (
          <li key={activity.id} className="relative">
            <span aria-hidden className="absolute -left-[1.4rem] top-1.5 size-2.5 rounded-full bg-stone-400" />
            <p className="text-sm font-medium text-stone-900">
              <TimelineText activity={activity} />
            </p>
            <p className="text-xs text-stone-600">
              <LocalTime iso={activity.occurredAt.toISOString()} />
            </p>
            {typeof stageChangeId === 'string' && (
              <StageDateForm
                action={correctStageDate}
                applicationId={applicationId}
                stageChangeId={stageChangeId}
                changedAt={activity.occurredAt.toISOString()}
                move={`the move to ${stageLabel(String(activity.detail.to) as ApplicationStage)}`}
              />
            )}
          </li>
        );
      })}
    </ol>
  );
}
