import Form from 'next/form';
import Link from 'next/link';
import { type LetterListQuery, lettersHref } from '@/components/letters/list-query';
import { Button } from '@/components/ui/button';
import { LETTER_STATUSES, STATUS_LABELS } from '@/lib/letters/status';

/** One labelled filter: "All …" first, meaning no filter. */
function FilterSelect({
  name,
  label,
  all,
  value,
  options,
}: {
  name: string;
  label: string;
  all: string;
  value: string | null;
  options: { value: string; label: string }[];
}) {
  const id = `letters-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={value ?? ''}
        className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm sm:text-sm"
      >
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The contact the list is filtered to, as a chip that removes the filter.
 * There is no select for it: a person may have thousands of contacts, so the
 * filter is reached from a contact's page.
 */
function ContactFilter({ query, contact }: { query: LetterListQuery; contact: { id: string; name: string } | null }) {
  const name = contact?.name ?? 'an unknown contact';
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm sm:col-span-3">
      <span className="inline-flex items-center gap-1 rounded-full bg-stone-100 py-0.5 pl-3 pr-1 font-medium text-stone-900 ring-1 ring-inset ring-stone-300">
        <span className="wrap-anywhere">
          Letters to{' '}
          {contact ? (
            <Link href={`/contacts/${contact.id}`} className="underline underline-offset-2">
              {name}
            </Link>
          ) : (
            name
          )}
        </span>
        <Link
          href={lettersHref(query, { contact: null, page: 1 })}
          aria-label={`Remove the filter: letters to ${name}`}
          className="rounded-full px-1.5 text-stone-600 hover:bg-stone-200 hover:text-stone-900"
        >
          <span aria-hidden>×</span>
        </Link>
      </span>
      {/* Choosing a status or template keeps the contact. */}
      <input type="hidden" name="contact" value={query.contact ?? ''} />
    </p>
  );
}

/**
 * Status and template filters as a GET form: the state lives in the URL, so a
 * filtered list can be bookmarked and works without JavaScript. Filtering
 * starts again from page one.
 */
export function LetterFilters({
  query,
  templates,
  contact,
}: {
  query: LetterListQuery;
  templates: string[];
  /** The contact `query.contact` names, or null when it names none of the person's. */
  contact: { id: string; name: string } | null;
}) {
  // A template named in the URL but on no letter (renamed since, or typed) still shows as chosen.
  const templateChoices = query.template && !templates.includes(query.template) ? [query.template, ...templates] : templates;
  return (
    <Form
      action="/letters"
      role="search"
      aria-label="Filter letters"
      className="mb-4 grid grid-cols-1 items-end gap-3 rounded-lg border border-stone-200 bg-white p-3 sm:grid-cols-[1fr_1fr_auto]"
    >
      {query.contact && <ContactFilter query={query} contact={contact} />}
      <FilterSelect
        name="status"
        label="Status"
        all="All statuses"
        value={query.status}
        options={LETTER_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status].label }))}
      />
      <FilterSelect
        name="template"
        label="Template"
        all="All templates"
        value={query.template}
        options={templateChoices.map((name) => ({ value: name, label: name }))}
      />
      <div className="flex items-center gap-3">
        <Button type="submit">Filter</Button>
        {(query.status || query.template || query.contact) && (
          <Link href="/letters" className="text-sm font-medium text-accent underline">
            Clear filters
          </Link>
        )}
      </div>
    </Form>
  );
}
