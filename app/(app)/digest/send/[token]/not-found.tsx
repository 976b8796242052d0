import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { DIGEST_LINK_REFUSED } from '../../words';

export default function DigestLinkNotFound() {
  return (
    <>
      <PageHeader title="Link not found" />
      <p className="max-w-xl text-stone-700">{DIGEST_LINK_REFUSED}</p>
      <Link href="/dashboard" className="mt-4 inline-block text-sm underline">
        Go to the dashboard
      </Link>
    </>
  );
}
