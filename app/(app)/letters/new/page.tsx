import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ComposeLetter } from '@/components/letters/compose-letter';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/user';
import { BUILTIN_TEMPLATES } from '@/lib/letters/builtins';
import { loadOccasion, occasionFields } from '@/lib/letters/occasion';
import { previewFirstLetter } from '@/lib/letters/preview';

export const metadata: Metadata = { title: 'Preview and edit a letter' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Preview and edit: one click more than sending, never required. */
export default async function ComposeLetterPage({ searchParams }: Props) {
  const user = await requireUser();
  const parsed = z.object(occasionFields).safeParse(await searchParams);
  if (!parsed.success) notFound();
  const context = await loadOccasion(user.id, parsed.data);
  if (!context) notFound();

  const template = BUILTIN_TEMPLATES[context.kind];
  const separate = context.kind !== 'interview_thanks';
  const { preview, problems } = await previewFirstLetter(context, template, separate);
  const occasion = Object.fromEntries(Object.entries(parsed.data).filter((entry): entry is [string, string] => !!entry[1]));

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/applications/${context.applicationId}`} className="text-stone-600 underline">
          ← {context.position} at {context.company}
        </Link>
      </p>
      <PageHeader title={template.name} description={template.description} />
      <ComposeLetter
        occasion={occasion}
        subject={template.subject}
        body={template.body}
        separateByDefault={separate}
        manyPeople={context.people.length > 1}
        requestId={crypto.randomUUID()}
        initialPreview={preview}
        initialProblems={problems}
      />
    </>
  );
}
