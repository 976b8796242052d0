import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Button, ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { contactsNotOnApplication } from '@/db/queries/application-contacts';
import { getApplication } from '@/db/queries/applications';
import { requireUser } from '@/lib/auth/user';
import { id } from '@/lib/validation/fields';
import { AddExistingForm } from './add-existing-form';
import { AddNewForm } from './add-new-form';

export const metadata: Metadata = { title: 'Add a contact' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ q?: string | string[] }> };

export default async function AddContactPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const applicationId = (await params).id;
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw ?? '').slice(0, 100);
  if (!id.safeParse(applicationId).success) notFound();
  const [application, matches] = await Promise.all([
    getApplication(user.id, applicationId),
    contactsNotOnApplication(user.id, applicationId, query),
  ]);
  if (!application) notFound();

  return (
    <>
      <PageHeader title="Add a contact" description={`To ${application.position} at ${application.company}.`} />
      <div className="grid gap-10 lg:grid-cols-2">
        <section aria-labelledby="existing-heading" className="space-y-4">
          <h2 id="existing-heading" className="text-lg font-semibold text-stone-900">
            Someone already in your contacts
          </h2>
          <form role="search" className="flex items-end gap-2">
            <div className="grow">
              <label htmlFor="contact-query" className="block text-sm font-medium text-stone-800">
                Search by name or email
              </label>
              <input
                id="contact-query"
                name="q"
                type="search"
                defaultValue={query}
                className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm sm:text-sm"
              />
            </div>
            <Button type="submit" variant="secondary">
              Search
            </Button>
          </form>
          {matches.length > 0 ? (
            <AddExistingForm applicationId={applicationId} contacts={matches} />
          ) : (
            <p className="rounded-md border border-dashed border-stone-300 bg-white p-4 text-sm text-stone-700">
              {query
                ? `Nobody in your contacts matches “${query}” who is not already on this application.`
                : 'Everyone in your contacts is already on this application, or you have no contacts yet. Add someone new instead.'}
            </p>
          )}
        </section>
        <section aria-labelledby="new-heading" className="space-y-4">
          <h2 id="new-heading" className="text-lg font-semibold text-stone-900">
            Someone new
          </h2>
          <AddNewForm applicationId={applicationId} />
        </section>
      </div>
      <p className="mt-8">
        <ButtonLink variant="ghost" href={`/applications/${applicationId}`}>
          Back to the application
        </ButtonLink>
      </p>
    </>
  );
}
