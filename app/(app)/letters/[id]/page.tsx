import Link from 'next/link';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { composeHref } from '@/components/letters/recipients-in-words';
import { ReplyCard } from '@/components/replies/reply-card';
import { PageHeader } from '@/components/ui/page-header';
import { getLetter, type LetterView } from '@/db/queries/letter-list';
import { repliesToLetter } from '@/db/queries/replies';
import { letterClocks } from '@/db/queries/scheduled-letters';
import { requireUser } from '@/lib/auth/user';
import { tomorrowMorning } from '@/lib/letters/schedule';
import { occasionOfLetter } from '@/lib/letters/when-in-words';
import { instantToWallTime } from '@/lib/time/zoned-time';
import { ReplyButtons } from '@/app/(app)/replies/reply-buttons';
import { LetterDecision } from './letter-decision';
import { LetterFacts } from './letter-facts';
import { isHeld, LetterOutcome } from './letter-outcome';
import { LetterTimeline } from './letter-timeline';
import { ScheduledControls } from './scheduled-controls';

export const metadata: Metadata = { title: 'Letter' };

function Section({ id, title, className, children }: { id: string; title: string; className?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className={className}>
      <h2 id={`${id}-heading`} className="mb-3 text-base font-semibold text-stone-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A cancelled letter can be written again, from the same occasion, while its application is there. */
function WriteAgain({ letter }: { letter: LetterView }) {
  const occasion = letter.company ? occasionOfLetter(letter) : null;
  if (!occasion || letter.isTest) return null;
  return (
    <p className="mt-2">
      <Link href={composeHref(occasion)} className="font-medium text-accent underline">
        Write it again
      </Link>
    </p>
  );
}

export default async function LetterPage({ params }: { params: Promise<{ id: string }> }) {
  const [user, { id }] = await Promise.all([requireUser(), params]);
  // Another person's letter, a deleted one and a malformed id all read as missing.
  const [letter, clocks, replies] = await Promise.all([getLetter(user.id, id), letterClocks(user.id, id), repliesToLetter(user.id, id)]);
  if (!letter || !clocks) notFound();
  const morning = tomorrowMorning(new Date(), clocks.zone);

  return (
    <>
      <p className="mb-3 text-sm">
        <Link href="/letters" className="text-stone-700 underline underline-offset-2">
          ← All letters
        </Link>
      </p>
      <PageHeader title={letter.subject} />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="space-y-6">
          <LetterOutcome letter={letter}>
            {letter.status === 'needs_decision' && <LetterDecision letterId={letter.id} held={isHeld(letter)} />}
            {letter.status === 'cancelled' && <WriteAgain letter={letter} />}
            <ScheduledControls
              letterId={letter.id}
              scheduled={letter.status === 'scheduled'}
              leavesAt={letter.nextAttemptAt}
              automatic={letter.automatic}
              subject={letter.subject}
              // The words go to the browser only while they can still change.
              body={letter.status === 'scheduled' ? letter.body : ''}
              zone={clocks.zone}
              profileZone={clocks.profileZone}
              morning={morning}
              defaultSendAt={instantToWallTime(letter.nextAttemptAt, clocks.zone)}
            />
          </LetterOutcome>
          {replies.length > 0 && (
            <Section id="letter-replies" title={replies.length === 1 ? 'Reply' : `Replies (${replies.length})`}>
              <ul className="space-y-3">
                {replies.map((reply) => (
                  <li key={reply.id}>
                    <ReplyCard reply={reply} actions={<ReplyButtons reply={reply} />} />
                  </li>
                ))}
              </ul>
            </Section>
          )}
          <Section id="letter-details" title="Details">
            <LetterFacts letter={letter} />
          </Section>
          <Section id="letter-events" title="What happened to it">
            <LetterTimeline events={letter.events} deliveredLocally={letter.deliveredLocally} />
          </Section>
        </div>
        <Section id="letter-body" title="The letter" className="min-w-0">
          {/* sandbox="": no scripts, no same-origin access, no navigating this page. A sandboxed frame
              cannot report its height, so it has a fixed one and scrolls. */}
          <iframe
            title="The letter as sent"
            sandbox=""
            srcDoc={letter.html}
            className="h-[600px] w-full rounded-lg border border-stone-200 bg-white"
          />
          <details className="mt-4">
            <summary className="cursor-pointer text-sm font-medium text-stone-800">The plain-text version</summary>
            <pre className="mt-2 whitespace-pre-wrap wrap-anywhere rounded-lg border border-stone-200 bg-white p-4 font-sans text-sm text-stone-900">
              {letter.text}
            </pre>
          </details>
        </Section>
      </div>
    </>
  );
}
