import { type ApplicationStage, STAGES } from '@/lib/pipeline/stages';

/**
 * The words other trackers and spreadsheets use for a stage (Huntr's lists,
 * Teal's statuses, what people type), matched case- and punctuation-blind.
 */
const STAGE_WORDS: Record<ApplicationStage, readonly string[]> = {
  wishlist: ['wishlist', 'wish list', 'saved', 'bookmarked', 'bookmark', 'interested', 'to apply', 'not applied', 'planned'],
  applied: ['applied', 'applying', 'application sent', 'submitted', 'sent'],
  interviewing: [
    'interview',
    'interviews',
    'interviewing',
    'phone screen',
    'screening',
    'screen',
    'onsite',
    'on site',
    'technical interview',
    'final round',
    'in progress',
  ],
  offer: ['offer', 'offered', 'offer received', 'negotiating'],
  accepted: ['accepted', 'hired', 'offer accepted', 'signed'],
  rejected: ['rejected', 'declined by company', 'rejection', 'not selected', 'turned down', 'no offer'],
  withdrawn: ['withdrawn', 'withdrew', 'withdraw'],
  declined: ['declined', 'offer declined', 'declined offer', 'i declined'],
  ghosted: ['ghosted', 'no response', 'no reply', 'no answer', 'unresponsive'],
};

const normalise = (word: string) =>
  word
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const BY_WORD = new Map<string, ApplicationStage>();
for (const stage of STAGES) {
  for (const word of [stage.id, stage.label, ...STAGE_WORDS[stage.id]]) BY_WORD.set(normalise(word), stage.id);
}

/** The stage a word names, or null when it names none (a row error, never a guess). */
export function stageFromWord(word: string): ApplicationStage | null {
  return BY_WORD.get(normalise(word)) ?? null;
}
