import { formatInterviewTime } from '@/components/contacts/format';
import { contactRoleLabel, interviewKindLabel } from '@/lib/pipeline/labels';
import { plural } from '@/lib/words';
import type { MergePlan } from '@/server/contacts/merge-contacts';

function ContactCard({ heading, contact }: { heading: string; contact: MergePlan['survivor'] }) {
  const details = [contact.email, contact.title, contact.company, contact.phone].filter(Boolean);
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-4 text-sm">
      <p className="text-xs font-medium uppercase tracking-wide text-stone-600">{heading}</p>
      <p className="mt-1 font-semibold text-stone-900">{contact.name}</p>
      <p className="mt-0.5 break-words text-stone-600">{details.join(' · ') || 'No other details'}</p>
    </div>
  );
}

function Part({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mt-6">
      <h2 className="text-base font-semibold text-stone-900">{title}</h2>
      <div className="mt-2 text-sm text-stone-800">{children}</div>
    </section>
  );
}

export function MergeSummary({ plan }: { plan: MergePlan }) {
  const { survivor, duplicate, applicationLinks, interviews, events, fields } = plan;
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <ContactCard heading="Stays" contact={survivor} />
        <ContactCard heading="Is merged in, then deleted" contact={duplicate} />
      </div>

      <Part title={`Application links (${applicationLinks.length})`}>
        {applicationLinks.length === 0 ? (
          <p>{duplicate.name} is not linked to any application.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {applicationLinks.map((link) => (
              <li key={link.applicationId}>
                {link.company} — {link.position}: {contactRoleLabel(link.result.role)}
                {link.result.isPrimary ? ', primary contact' : ''}
                {link.survivorLink && <span className="text-stone-600"> (both were linked: one link stays)</span>}
              </li>
            ))}
          </ul>
        )}
      </Part>

      <Part title={`Interviews (${interviews.length})`}>
        {interviews.length === 0 ? (
          <p>{duplicate.name} was at no logged interview.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {interviews.map((interview) => (
              <li key={interview.id}>
                {formatInterviewTime(interview.scheduledAt, interview.timeZone)} · {interviewKindLabel(interview.kind)} ·{' '}
                {interview.company} — {interview.position}
                {interview.shared && <span className="text-stone-600"> ({survivor.name} was there too: counted once)</span>}
              </li>
            ))}
          </ul>
        )}
      </Part>

      <Part title="History and details">
        <ul className="list-disc space-y-1 pl-5">
          <li>{plural(events, 'activity event moves', 'activity events move')} to {survivor.name}.</li>
          <li>
            {fields.filled.length > 0
              ? `${survivor.name} gains: ${fields.filled.join(', ')}.`
              : `${survivor.name}’s details stay as they are.`}
          </li>
          {fields.notesAppended && (
            <li>
              Added to the notes:{' '}
              {[duplicate.notes ? `${duplicate.name}’s notes` : null, fields.kept.length > 0 ? fields.kept.join('; ') : null]
                .filter(Boolean)
                .join(', and ')}
              .
            </li>
          )}
        </ul>
      </Part>
    </>
  );
}
