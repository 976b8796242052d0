import type { Metadata } from 'next';
import Link from 'next/link';
import { ApplicationsHeader } from '@/components/applications/applications-header';
import { NoApplications } from '@/components/applications/no-applications';
import { boardCards, stageCounts } from '@/db/queries/pipeline';
import { requireUser } from '@/lib/auth/user';
import { STAGES } from '@/lib/pipeline/stages';
import { Board } from './board';
import type { BoardColumnState } from './board-state';

export const metadata: Metadata = { title: 'Applications' };

type Show = { ended: boolean; archived: boolean };

/** `?show=ended`, `?show=archived`, or both (repeated or comma-separated); anything else is ignored. */
function parseShow(value: string | string[] | undefined): Show {
  const words = new Set([value ?? []].flat().flatMap((v) => v.split(',')));
  return { ended: words.has('ended'), archived: words.has('archived') };
}

function showHref(show: Show) {
  const words = [show.ended && 'ended', show.archived && 'archived'].filter(Boolean);
  return words.length ? `/applications?show=${words.join(',')}` : '/applications';
}

export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [user, params] = await Promise.all([requireUser(), searchParams]);
  const show = parseShow(params.show);
  // Collapsed columns show only their count, so their cards are not fetched.
  const cardStages = STAGES.filter((s) => show.ended || !s.ending).map((s) => s.id);
  const [counts, cards] = await Promise.all([
    stageCounts(user.id),
    boardCards(user.id, { stages: cardStages, includeArchived: show.archived }),
  ]);
  const total = STAGES.reduce((sum, s) => sum + counts.active[s.id] + counts.archived[s.id], 0);
  const description = 'Your pipeline, from wishlist to offer. Drag a card, or use its buttons, to move it on.';

  if (total === 0) {
    return (
      <>
        <ApplicationsHeader view="board" description={description} />
        <NoApplications>
          <p>
            Every job you are considering or have applied for goes here, as a card on a board that runs from wishlist to
            offer. Move cards along as things happen; each move is kept as history, and the interviews and people you
            meet hang off each application, ready for the thank-you letter.
          </p>
        </NoApplications>
      </>
    );
  }

  const columns: BoardColumnState[] = STAGES.map((s) => ({
    stage: s.id,
    count: counts.active[s.id] + (show.archived ? counts.archived[s.id] : 0),
    cards: cardStages.includes(s.id) ? cards.filter((c) => c.stage === s.id) : null,
  }));
  const archivedCount = STAGES.reduce((sum, s) => sum + counts.archived[s.id], 0);
  const toggle = 'py-1 font-medium text-accent underline hover:no-underline';

  return (
    <>
      <ApplicationsHeader view="board" description={description} />
      <p className="mb-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-stone-700">
        <Link href={showHref({ ...show, ended: !show.ended })} className={toggle}>
          {show.ended ? 'Fold ended stages into one column' : 'Show ended stages as columns'}
        </Link>
        {archivedCount > 0 && (
          <Link href={showHref({ ...show, archived: !show.archived })} className={toggle}>
            {show.archived ? 'Hide archived' : `Show archived (${archivedCount})`}
          </Link>
        )}
      </p>
      {/* Keyed by the view: cards loaded with "Show more" belong to the view they were loaded in. */}
      <Board key={showHref(show)} columns={columns} now={new Date()} showArchived={show.archived} />
    </>
  );
}
