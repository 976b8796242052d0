'use client';

import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';

export type PickableContact = { id: string; name: string; email: string | null };

/**
 * Finds people already in the person's contacts. The filter asks the server
 * (contacts can number in the thousands); before anything is typed it shows
 * the suggestions the page came with. It has no `name`, so nothing here is
 * submitted: picking hands the contact to the form's list of people.
 */
export function ContactPicker({
  applicationId,
  suggestions,
  exclude,
  onPick,
}: {
  applicationId: string;
  suggestions: PickableContact[];
  exclude: Set<string>;
  onPick: (contact: PickableContact) => void;
}) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PickableContact[] | null>(null);
  const [status, setStatus] = useState<'idle' | 'searching' | 'failed'>('idle');
  const [announcement, setAnnouncement] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const pending = useRef<AbortController>(undefined);
  const input = useRef<HTMLInputElement>(null);

  function search(value: string) {
    setQuery(value);
    clearTimeout(timer.current);
    pending.current?.abort();
    if (!value.trim()) {
      setResults(null);
      setStatus('idle');
      return;
    }
    setStatus('searching');
    timer.current = setTimeout(async () => {
      const controller = new AbortController();
      pending.current = controller;
      try {
        const response = await fetch(`/applications/${applicationId}/interviews/people?q=${encodeURIComponent(value.trim())}`, {
          signal: controller.signal,
        });
        if (!response.ok) throw new Error(`search answered ${response.status}`);
        const body = (await response.json()) as { contacts: PickableContact[] };
        setResults(body.contacts);
        setStatus('idle');
      } catch {
        if (!controller.signal.aborted) setStatus('failed');
      }
    }, 250);
  }

  function pick(contact: PickableContact) {
    onPick(contact);
    setAnnouncement(`${contact.name} added to who was there.`);
    input.current?.focus();
  }

  const shown = (results ?? suggestions).filter((c) => !exclude.has(c.id));
  const summary =
    status === 'searching'
      ? 'Searching…'
      : status === 'failed'
        ? 'The search did not work. Check your connection and try again.'
        : query.trim()
          ? `${shown.length === 0 ? 'No' : shown.length} matching contact${shown.length === 1 ? '' : 's'}.`
          : '';

  return (
    <div className="rounded-md border border-stone-200 bg-stone-50 p-3">
      <label htmlFor="contact-search" className="block text-sm font-medium text-stone-800">
        Find someone in your contacts
      </label>
      <p id="contact-search-hint" className="mt-0.5 text-sm text-stone-600">
        Type a name or an email address.
      </p>
      <input
        ref={input}
        id="contact-search"
        type="search"
        autoComplete="off"
        value={query}
        onChange={(event) => search(event.target.value)}
        // Enter in a search box would otherwise submit the whole interview.
        onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
        aria-describedby="contact-search-hint"
        aria-controls="contact-search-results"
        className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm sm:text-sm"
      />
      <p role="status" aria-live="polite" className="mt-1 min-h-5 text-sm text-stone-700">
        {summary || announcement}
      </p>
      <ul id="contact-search-results" aria-label="Contacts to add" className="divide-y divide-stone-200">
        {shown.map((contact) => (
          <li key={contact.id} className="flex items-center justify-between gap-3 py-2">
            <span className="min-w-0">
              <span className="block truncate text-sm font-medium text-stone-900">{contact.name}</span>
              <span className="block truncate text-sm text-stone-600">{contact.email ?? 'No email'}</span>
            </span>
            <Button type="button" variant="secondary" onClick={() => pick(contact)}>
              Add<span className="sr-only"> {contact.name}</span>
            </Button>
          </li>
        ))}
      </ul>
      {!query.trim() && shown.length === 0 && (
        <p className="text-sm text-stone-600">Nobody else is in your contacts yet. Use “Add a new person” for someone you met for the first time.</p>
      )}
    </div>
  );
}
