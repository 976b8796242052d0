import { LocalTime } from '@/components/time/local-time';
import type { LetterEventView } from '@/db/queries/letter-list';
import { STATUS_LABELS, statusForEvent } from '@/lib/letters/status';

/** "bounceType" or "bounce_type" → "Bounce type": the event's facts are labelled by their own keys. */
function keyLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : key;
}

/** The event's stored facts as label and text; the column is typed as strings, but it is JSON from outside. */
function eventFacts(detail: unknown): [string, string][] {
  if (!detail || typeof detail !== 'object') return [];
  return Object.entries(detail)
    .filter(([, value]) => value !== null && value !== undefined && String(value).trim() !== '')
    .map(([key, value]) => [keyLabel(key), typeof value === 'object' ? JSON.stringify(value) : String(value)]);
}

/** What an event reports, in the words the status badge uses; a type Afterword does not know is shown as it came. */
export function eventText(type: string) {
  const status = statusForEvent(type);
  return status ? STATUS_LABELS[status] : { label: `Resend reported “${type}”`, hint: null };
}

/**
 * Resend's reports on a letter, in the order they happened. Details such as
 * a bounce reason or a clicked link come from outside (the recipient's mail
 * server, the link in the letter), so they are printed as text: never as
 * markup, and never as a live link.
 */
export function LetterTimeline({ events, deliveredLocally }: { events: LetterEventView[]; deliveredLocally: boolean }) {
  if (events.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-stone-300 bg-white px-4 py-4 text-sm text-stone-600">
        {deliveredLocally
          ? 'Nothing to report: in local-outbox mode no mail server ever sees the letter.'
          : 'No word from Resend yet. Delivery, bounces, opens and clicks are listed here as Resend reports them.'}
      </p>
    );
  }
  return (
    <ol className="space-y-4 border-l-2 border-stone-200 pl-4">
      {events.map((event) => {
        const { label, hint } = eventText(event.type);
        const facts = eventFacts(event.detail);
        return (
          <li key={event.id} className="relative text-sm">
            <span aria-hidden className="absolute -left-[1.4rem] top-1.5 size-2.5 rounded-full bg-stone-400" />
            <p className="font-medium text-stone-900">{label}</p>
            <p className="text-xs text-stone-600">
              <LocalTime iso={event.occurredAt.toISOString()} />
            </p>
            {event.type === 'email.opened' && hint && <p className="mt-1 text-stone-600">{hint}</p>}
            {facts.length > 0 && (
              <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5">
                {facts.map(([key, value]) => (
                  <div key={key} className="contents">
                    <dt className="text-stone-600">{key}</dt>
                    <dd className="break-all text-stone-900">{value}</dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        );
      })}
    </ol>
  );
}
