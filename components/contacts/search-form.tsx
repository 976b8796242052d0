import { Button } from '@/components/ui/button';

/** A plain GET form: the search lives in the URL, so it can be bookmarked and works without JavaScript. */
export function SearchForm({ q, label, submitLabel, action }: { q: string; label: string; submitLabel: string; action?: string }) {
  return (
    <form role="search" action={action} method="get" className="mb-4 flex max-w-xl items-end gap-2">
      <div className="min-w-0 flex-1">
        <label htmlFor="contact-search" className="block text-sm font-medium text-stone-800">
          {label}
        </label>
        <input
          id="contact-search"
          type="search"
          name="q"
          defaultValue={q}
          maxLength={200}
          placeholder="Name, email, title or company"
          className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm sm:text-sm"
        />
      </div>
      <Button type="submit" variant="secondary">
        {submitLabel}
      </Button>
    </form>
  );
}

/** The search as it arrives in the URL: the first value, trimmed, at most 200 characters. */
export function readSearch(value: string | string[] | undefined): string {
  return ((Array.isArray(value) ? value[0] : value) ?? '').trim().slice(0, 200);
}
