import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/user';
import { id as uuid } from '@/lib/validation/fields';
import { planMerge } from '@/server/contacts/merge-contacts';
import { MergeForm } from './merge-form';
import { MergeSummary } from './merge-summary';

export const metadata: Metadata = { title: 'Confirm merge' };

/** What the merge will do, shown from the same plan the merge carries out. */
export default async function ConfirmMergePage({ params }: { params: Promise<{ id: string; duplicateId: string }> }) {
  const user = await requireUser();
  const { id, duplicateId } = await params;
  const valid = uuid.safeParse(id).success && uuid.safeParse(duplicateId).success;
  // Missing, someone else's, or the contact itself: there is nothing to merge.
  const plan = valid ? await planMerge(user.id, id, duplicateId) : null;
  if (!plan) notFound();
  const { survivor, duplicate } = plan;

  return (
    <>
      <PageHeader
        title={`Merge ${duplicate.name} into ${survivor.name}`}
        description={`${survivor.name} stays, with everything below added. ${duplicate.name} is then deleted.`}
      />
      <MergeSummary plan={plan} />
      <p className="mt-6 text-sm text-stone-700">
        Wrong way round?{' '}
        <Link href={`/contacts/${duplicate.id}/merge/${survivor.id}`} className="font-medium text-stone-900 underline">
          Keep {duplicate.name} instead
        </Link>{' '}
        or{' '}
        <Link href={`/contacts/${survivor.id}/merge`} className="font-medium text-stone-900 underline">
          choose another contact
        </Link>
        .
      </p>
      <MergeForm survivorId={survivor.id} duplicateId={duplicate.id} cancelHref={`/contacts/${survivor.id}`} />
    </>
  );
}
