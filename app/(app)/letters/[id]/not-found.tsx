import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';

export default function LetterNotFound() {
  return (
    <>
      <PageHeader title="No such letter" />
      <p className="max-w-prose text-sm text-stone-700">
        This letter does not exist, or it is not one of yours. Every letter you have sent is on the letters page.
      </p>
      <ButtonLink href="/letters" variant="secondary" className="mt-5">
        See all letters
      </ButtonLink>
    </>
  );
}
