import { type ApplicationStage, stageLabel } from '@/lib/pipeline/stages';

// Forward stages warm up towards an offer; endings are muted, except the happy one.
const tones: Record<ApplicationStage, string> = {
  wishlist: 'bg-stone-100 text-stone-800 ring-stone-300',
  applied: 'bg-sky-50 text-sky-900 ring-sky-200',
  interviewing: 'bg-violet-50 text-violet-900 ring-violet-200',
  offer: 'bg-amber-50 text-amber-900 ring-amber-300',
  accepted: 'bg-green-50 text-green-900 ring-green-300',
  rejected: 'bg-stone-100 text-stone-700 ring-stone-300',
  withdrawn: 'bg-stone-100 text-stone-700 ring-stone-300',
  declined: 'bg-stone-100 text-stone-700 ring-stone-300',
  ghosted: 'bg-stone-100 text-stone-700 ring-stone-300',
};

/** The stage as a small label; the words carry the meaning, the colour only helps. */
export function StageBadge({ stage, archived = false }: { stage: ApplicationStage; archived?: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[stage]}`}>
        {stageLabel(stage)}
      </span>
      {archived && (
        <span className="inline-flex rounded-full px-2 py-0.5 text-xs font-medium text-stone-700 ring-1 ring-inset ring-stone-300">
          Archived
        </span>
      )}
    </span>
  );
}
