import Form from 'next/form';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { letterStatus } from '@/db/schema';
import { STATUS_LABELS } from '@/lib/letters/status';
import type { LetterListQuery } from './list-query';

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
 * Status and template filters as a GET form: the state lives in the URL, so a
 * filtered list can be bookmarked and works without JavaScript. Filtering
 * starts again from page one.
 */
export function LetterFilters({ query, templates }: { query: LetterListQuery; templates: string[] }) {
  // A template named in the URL but on no letter (renamed since, or typed) still shows as chosen.
  const templateChoices = query.template && !templates.includes(query.template) ? [query.template, ...templates] : templates;
  return (
    <Form
      action="/letters"
      role="search"
      aria-label="Filter letters"
      className="mb-4 grid grid-cols-1 items-end gap-3 rounded-lg border border-stone-200 bg-white p-3 sm:grid-cols-[1fr_1fr_auto]"
    >
      <FilterSelect
        name="status"
        label="Status"
        all="All statuses"
        value={query.status}
        options={letterStatus.enumValues.map((status) => ({ value: status, label: STATUS_LABELS[status].label }))}
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
        {(query.status || query.template) && (
          <Link href="/letters" className="text-sm font-medium text-accent underline">
            Clear filters
          </Link>
        )}
      </div>
    </Form>
  );
}
