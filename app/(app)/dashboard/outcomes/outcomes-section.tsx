import { parsePeriod, periodPhrase } from '@/lib/dashboard/period';
import { letterKindLabel } from '@/lib/letters/builtins';
import { LETTER_KINDS } from '@/lib/letters/kinds';
import { timeFromNow } from '../time-from-now';
import type { LetterOutcomes } from '@/db/queries/outcomes/letters';
import { outcomesNow } from './load-outcomes';
import { OutcomeCards, type ShownLetters } from './outcome-cards';
import type { OccasionLabels } from './outcomes-replies';
import { PeriodPicker } from './period-picker';

// Named here, on the server: the built-in templates they come from need not travel to the browser.
const OCCASION_LABELS = Object.fromEntries(LETTER_KINDS.map((kind) => [kind, letterKindLabel(kind)])) as OccasionLabels;

/** A snapshot's letter figures cut to what the blocks read: the browser gets nothing more. */
function shownLetters({ total, byTemplate, byOccasion }: LetterOutcomes): ShownLetters {
  return {
    total,
    byTemplate: byTemplate.map(({ template, sent, delivered, opened, clicked, bounced, complained, replied }) => ({
      template,
      sent,
      delivered,
      opened,
      clicked,
      bounced,
      complained,
      replied,
    })),
    byOccasion: byOccasion.map(({ kind, sent, replied }) => ({ kind, sent, replied })),
  };
}

/**
 * The dashboard's second half: what came of what the person did, over the
 * period in the URL (`?period=30|90|365|all`, 90 days by default). Every
 * figure comes from seven aggregate queries run at once (loadOutcomes), kept
 * as a snapshot until something is written or ten minutes pass.
 *
 * `period` is the raw search parameter; anything unknown means the default.
 */
export async function Outcomes({ userId, period: raw }: { userId: string; period?: string | string[] }) {
  const period = parsePeriod(raw);
  const now = new Date();
  const { data: outcomes, computedAt } = await outcomesNow(userId, period, now);
  return (
    <section id="outcomes" aria-labelledby="outcomes-title" className="mt-10 scroll-mt-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h2 id="outcomes-title" className="text-xl font-semibold tracking-tight text-stone-900">
            Outcomes
          </h2>
          <p className="mt-1 text-sm text-stone-600">
            {/* A kept snapshot says how old it is; one counted for this view does not need to. */}
            {`What came of your letters and applications ${periodPhrase(period)}${
              now.getTime() - computedAt.getTime() >= 60_000 ? `, counted ${timeFromNow(computedAt, now)}` : ''
            }.`}
          </p>
        </div>
        <PeriodPicker current={period} />
      </div>
      <OutcomeCards outcomes={{ ...outcomes, letters: shownLetters(outcomes.letters) }} period={period} occasionLabels={OCCASION_LABELS} />
    </section>
  );
}
