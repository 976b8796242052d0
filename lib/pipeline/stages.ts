/** Every stage an application can be in, in board order; the database's enum is built from this list. */
export const APPLICATION_STAGES = [
  'wishlist',
  'applied',
  'interviewing',
  'offer',
  'accepted',
  'rejected',
  'withdrawn',
  'declined',
  'ghosted',
] as const;
export type ApplicationStage = (typeof APPLICATION_STAGES)[number];

/** The pipeline in board order: the path forward, then the ways an application ends. */
export const STAGES: readonly { id: ApplicationStage; label: string; ending: boolean }[] = [
  { id: 'wishlist', label: 'Wishlist', ending: false },
  { id: 'applied', label: 'Applied', ending: false },
  { id: 'interviewing', label: 'Interviewing', ending: false },
  { id: 'offer', label: 'Offer', ending: false },
  { id: 'accepted', label: 'Accepted', ending: true },
  { id: 'rejected', label: 'Rejected', ending: true },
  { id: 'withdrawn', label: 'Withdrawn', ending: true },
  { id: 'declined', label: 'Declined', ending: true },
  { id: 'ghosted', label: 'Ghosted', ending: true },
];

export const STAGE_IDS = STAGES.map((s) => s.id) as [ApplicationStage, ...ApplicationStage[]];

export function stageLabel(stage: ApplicationStage): string {
  return STAGES.find((s) => s.id === stage)?.label ?? stage;
}

/** Logging an interview moves an application that has not got that far yet. */
export function stageAfterInterview(stage: ApplicationStage): ApplicationStage | null {
  return stage === 'wishlist' || stage === 'applied' ? 'interviewing' : null;
}

/** Where a new application starts: the stage the person chose, else applied once they say when, else the wishlist. */
export function firstStage(input: { stage?: ApplicationStage | null; appliedOn: string | null }): ApplicationStage {
  return input.stage ?? (input.appliedOn ? 'applied' : 'wishlist');
}
