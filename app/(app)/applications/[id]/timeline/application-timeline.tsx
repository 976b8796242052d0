import { LocalTime } from '@/components/time/local-time';
import type { Activity } from '@/db/schema';
import type { FormAction } from '@/lib/actions/state';
import { type ApplicationStage, stageLabel } from '@/lib/pipeline/stages';
import { StageDateForm } from './stage-date-form';
import { TimelineText } from './timeline-text';

/** Everything that happened to an application, newest first; stage moves can be re-dated. */
export function ApplicationTimeline({
  applicationId,
  activities,
  correctStageDate,
}: {
  applicationId: string;
  activities: Activity[];
  correctStageDate: FormAction;
}) {
  if (activities.length === 0) return <p className="text-sm text-stone-600">Nothing has been recorded for this application yet.</p>;
  return (
    <ol className="space-y-4 border-l-2 border-stone-200 pl-4">
      {activities.map((activity) => {
        const stageChangeId = activity.kind === 'stage_changed' ? activity.detail.stageChangeId : null;
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
