import { type ApplicationStage, stageLabel } from '@/lib/pipeline/stages';

// Forward stages warm up towards an offer; endings are muted, except the happy one (the `badge`
// classes in app/globals.css).
const tones: Record<ApplicationStage, string> = {
  wishlist: 'badge-stone',
  applied: 'badge-sky',
  interviewing: 'badge-violet',
  offer: 'badge-amber',
  accepted: 'badge-green',
  rejected: 'badge-muted',
  withdrawn: 'badge-muted',
  declined: 'badge-muted',
  ghosted: 'badge-muted',
};

/** The stage as a small label; the words carry the meaning, the colour only helps. */
export function StageBadge({ stage, archived = false }: { stage: ApplicationStage; archived?: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span className={`badge ${tones[stage]}`}>{stageLabel(stage)}</span>
      {archived && <span className="badge text-stone-700 ring-stone-300">Archived</span>}
    </span>
  );
}
