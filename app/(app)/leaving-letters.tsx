import { LeavingBar } from '@/components/letters/leaving-bar';
import { scheduledLetters } from '@/db/queries/scheduled-letters';
import { MAX_UNDO_SECONDS } from '@/lib/letters/undo';
import { cancelLetterAction } from './letters/actions';

/** How many letters the bar lists at most: one click writes one letter, or one per person met. */
const SHOWN = 5;

/** The person's letters leaving within the longest undo window, for the bar at the foot of every page. */
export async function LeavingLetters({ userId }: { userId: string }) {
  const leaving = await scheduledLetters(userId, { withinSeconds: MAX_UNDO_SECONDS, limit: SHOWN });
  // Rendered even when empty: the bar keeps a letter just undone on screen with its answer.
  return (
    <LeavingBar
      letters={leaving.map((l) => ({ id: l.id, to: l.to ?? l.toEmail, scheduledFor: l.scheduledFor }))}
      cancelAction={cancelLetterAction}
    />
  );
}
