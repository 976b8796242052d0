import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { getProfile } from '@/db/queries/users';
import { requireUser } from '@/lib/auth/user';
import { SettingsForm } from './settings-form';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const user = await requireUser();
  const profile = await getProfile(user.id);
  if (!profile) notFound();
  return (
    <>
      <PageHeader title="Settings" description="How your letters are signed, and where replies go." />
      <SettingsForm profile={profile} />
      <p className="mt-8 text-sm text-stone-600">Signed in as {profile.email}.</p>
    </>
  );
}
