import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ButtonLink, buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { planDefaults } from '@/db/queries/follow-up-plans';
import { pendingReplyTo } from '@/db/queries/reply-to-confirmations';
import { getProfile } from '@/db/queries/users';
import { requireUser } from '@/lib/auth/user';
import { timeZoneChoices } from '@/lib/time/zoned-time';
import { FollowUpPlansSection } from './follow-up-plans-section';
import { ReplyToStatus } from './reply-to-status';
import { SettingsForm } from './settings-form';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const user = await requireUser();
  const [profile, pending, plans] = await Promise.all([getProfile(user.id), pendingReplyTo(user.id), planDefaults(user.id)]);
  if (!profile) notFound();
  return (
    <>
      <PageHeader title="Settings" description="How your letters are signed, where replies go, and when the morning digest comes." />
      <SettingsForm profile={profile} pendingReplyTo={pending?.address ?? null} zones={timeZoneChoices(profile.timeZone)} />
      {pending ? (
        <ReplyToStatus
          address={pending.address}
          expired={pending.expired}
          inUse={profile.replyTo ?? profile.email}
        />
      ) : null}
      <p className="mt-8 text-sm text-stone-600">Signed in as {profile.email}.</p>
      <FollowUpPlansSection plans={plans} />
      <section aria-labelledby="your-data" className="mt-10 max-w-xl border-t border-stone-200 pt-6">
        <h2 id="your-data" className="text-base font-semibold text-stone-900">
          Your data
        </h2>
        <p className="mt-1 text-sm text-stone-600">
          Everything you keep here (applications with their history, interviews, contacts, templates, every letter with its
          recipients and delivery events, and your settings) in one file, yours to keep or take elsewhere.
        </p>
        {/* A plain link: client-side navigation would try to render the file. No `download` attribute: the file
            comes as an attachment anyway, and a refused export (too many in an hour) then shows its words as a page. */}
        <a href="/settings/export" className={buttonClass('secondary', 'mt-3')}>
          Download all your data (JSON)
        </a>
      </section>
      <section aria-labelledby="delete-account" className="mt-10 max-w-xl border-t border-stone-200 pt-6">
        <h2 id="delete-account" className="text-base font-semibold text-stone-900">
          Delete your account
        </h2>
        <p className="mt-1 text-sm text-stone-600">
          Deletes everything above for good, cancels the letters not sent yet, and signs you out everywhere. You see what goes
          before anything is deleted.
        </p>
        <ButtonLink href="/settings/delete-account" variant="secondary" className="mt-3 text-red-800">
          Delete your account…
        </ButtonLink>
      </section>
    </>
  );
}
