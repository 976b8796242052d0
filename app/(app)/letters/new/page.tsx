import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { occasionLetterContext } from '@/db/queries/letter-context';
import { effectiveTemplate, templatesForKind } from '@/db/queries/letter-templates';
import { requireUser } from '@/lib/auth/user';
import { BUILTIN_TEMPLATES } from '@/lib/letters/builtins';
import { occasionFields } from '@/lib/letters/occasion';
import { recipientZone, tomorrowMorning } from '@/lib/letters/schedule';
import { instantToWallTime } from '@/lib/time/zoned-time';
import { optionalId } from '@/lib/validation/fields';
import { previewFirstLetter } from '@/server/letters/preview-letter';
import { ComposeLetter } from './compose-letter';

export const metadata: Metadata = { title: 'Preview and edit a letter' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Preview and edit: one click more than sending, never required. */
export default async function ComposeLetterPage({ searchParams }: Props) {
  const user = await requireUser();
  const parsed = z.object({ ...occasionFields, templateId: optionalId }).safeParse(await searchParams);
  if (!parsed.success) notFound();
  const context = await occasionLetterContext(user.id, parsed.data);
  if (!context) notFound();
  const [template, choices] = await Promise.all([
    effectiveTemplate(user.id, context.kind, parsed.data.templateId),
    templatesForKind(user.id, context.kind),
  ]);
  if (!template) notFound();
  const { description } = BUILTIN_TEMPLATES[context.kind];
  const separate = context.kind !== 'interview_thanks';
  const { preview, problems } = await previewFirstLetter(context, template, separate);
  const zone = recipientZone(context);
  const morning = tomorrowMorning(new Date(), zone);
  const occasion = Object.fromEntries(Object.entries(parsed.data).filter((entry): entry is [string, string] => !!entry[1]));

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/applications/${context.applicationId}`} className="text-stone-600 underline">
          ← {context.position} at {context.company}
        </Link>
      </p>
      <PageHeader title={template.name} description={description} />
      {choices.length > 1 && (
        <form method="get" className="mb-6 flex flex-wrap items-end gap-2">
          {Object.entries(occasion)
            .filter(([name]) => name !== 'templateId')
            .map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
          <div>
            <label htmlFor="template-choice" className="block text-sm font-medium text-stone-900">
              Template
            </label>
            <select
              id="template-choice"
              name="templateId"
              defaultValue={template.builtin ? '' : (template.id ?? '')}
              className="mt-1 rounded-md border border-stone-300 bg-white px-3 py-2 text-base sm:text-sm"
            >
              {choices.map((choice) => (
                <option key={choice.id ?? 'builtin'} value={choice.builtin ? '' : (choice.id ?? '')}>
                  {choice.name}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary">
            Use this template
          </Button>
        </form>
      )}
      <ComposeLetter
        occasion={occasion}
        subject={template.subject}
        body={template.body}
        separateByDefault={separate}
        manyPeople={context.people.length > 1}
        requestId={crypto.randomUUID()}
        initialPreview={preview}
        initialProblems={problems}
        later={{ morning, zone, profileZone: context.me.timeZone, defaultSendAt: instantToWallTime(morning, zone) }}
      />
    </>
  );
}
