import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { ImportPreview } from '@/app/(app)/applications/import/preview-data';
import type { Database } from '@/db';
import { applications, companies, users } from '@/db/schema';
import type { ActionState } from '@/lib/actions/state';

export async function seedPerson(db: Database, label: string) {
  const id = crypto.randomUUID();
  const email = `${label}-${id.slice(0, 8)}@example.com`;
  await db.insert(users).values({ id, email, name: label });
  return { id, email, name: label };
}

export const csvFile = (text: string | Uint8Array, name = 'applications.csv') =>
  new File([text as BlobPart], name, { type: 'text/csv' });

/** The upload form, as the browser sends it. */
export function uploadForm(file: File | null, extra: Record<string, string> = {}) {
  const form = new FormData();
  form.set('intent', 'preview');
  if (file) form.set('file', file);
  for (const [key, value] of Object.entries(extra)) form.set(key, value);
  return form;
}

/** The preview form, as the browser sends it when a button is pressed, with any field changed. */
export function previewForm(preview: ImportPreview, intent: 'preview' | 'import', change: { mapping?: string[]; csv?: string; extra?: Record<string, string> } = {}) {
  const form = new FormData();
  form.set('intent', intent);
  form.set('csv', change.csv ?? preview.csv);
  form.set('fileName', preview.fileName);
  form.set('uploadId', preview.uploadId);
  form.set('previewed', preview.previewed);
  form.set('dateOrder', preview.dateOrder);
  for (const target of change.mapping ?? preview.mapping) form.append('column', target);
  for (const [key, value] of Object.entries(change.extra ?? {})) form.set(key, value);
  return form;
}

export function previewIn(state: ActionState<string, ImportPreview>): ImportPreview {
  expect(state.message).toBeUndefined();
  expect(state.data).toBeDefined();
  return state.data!;
}

/**
 * Runs a step that should end by sending the person elsewhere, and returns
 * where: the import says so in its state (its page navigates), a form action
 * by Next's redirect.
 */
export async function redirectOf(run: Promise<ActionState | unknown>): Promise<string> {
  const outcome = await run.then(
    (state) => ({ state: state as ActionState }),
    (thrown: unknown) => ({ thrown }),
  );
  if ('state' in outcome) {
    expect(outcome.state.redirectTo, `expected somewhere to go, got ${JSON.stringify(outcome.state).slice(0, 300)}`).toBeDefined();
    return outcome.state.redirectTo!;
  }
  const digest = (outcome.thrown as { digest?: string }).digest ?? '';
  expect(digest).toMatch(/^NEXT_REDIRECT/);
  return digest.split(';')[2];
}

export async function applicationsOf(db: Database, userId: string) {
  return db
    .select({ company: companies.name, companyId: companies.id, position: applications.position, stage: applications.stage, appliedOn: applications.appliedOn, jobUrl: applications.jobUrl, notes: applications.notes })
    .from(applications)
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .where(eq(applications.userId, userId))
    .orderBy(applications.createdAt, applications.position);
}
