import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { previewTemplateAction } from '@/app/(app)/templates/actions';
import { db } from '@/db';
import { interviews } from '@/db/schema';
import { BUILTIN_TEMPLATES } from '@/lib/letters/builtins';
import type { TemplatePreview } from '@/server/templates/preview-template';
import { form, seedApplication, seedContact, seedInterview, seedLink, twoPeople } from '../contacts/support/seed';
import { setupTestDatabase } from '../support/database';

vi.mock('@/lib/auth/user', () => import('../contacts/support/session'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

setupTestDatabase();
const people = twoPeople();

const thanks = BUILTIN_TEMPLATES.interview_thanks;

async function preview(fields: Record<string, string>): Promise<TemplatePreview> {
  const result = await previewTemplateAction({ ok: false }, form({ applicationId: '', ...fields }));
  expect(result.data, JSON.stringify(result)).toBeDefined();
  return result.data as TemplatePreview;
}

/** An application with Grace as primary contact, met at one interview. */
async function seedOccasion(userId: string, company: string, impression: string | null) {
  const applicationId = await seedApplication(userId, company, 'Flight Engineer');
  const grace = await seedContact(userId, { name: 'Grace Hopper', email: 'grace@navy.example' });
  await seedLink(userId, applicationId, grace, { isPrimary: true });
  const interviewId = await seedInterview(userId, applicationId, [grace], { kind: 'panel' });
  await db.update(interviews).set({ impression }).where(eq(interviews.id, interviewId));
  return { applicationId, interviewId };
}

describe('the live preview', () => {
  it('renders what is typed with sample facts, through the letter renderer', async () => {
    const result = await preview({ kind: 'interview_thanks', subject: 'Hello {{contact.name}}', body: 'At {{company}}.\n\n{{me.signature}}' });

    expect(result).toMatchObject({ status: 'rendered', subject: 'Hello Grace Hopper' });
    const html = (result as { html: string }).html;
    expect(html).toContain('At Analytical Engines Ltd.');
    expect(html).toContain('Ada Lovelace');
    expect(html).toMatch(/^<!DOCTYPE html/);
  });

  it('escapes the person’s data: a company named <script> arrives as text', async () => {
    const { applicationId } = await seedOccasion(people.ada.id, '<script>alert(1)</script>', 'the <b>team</b>.');

    const result = await preview({ kind: 'interview_thanks', subject: thanks.subject, body: thanks.body, applicationId });

    expect(result.status).toBe('rendered');
    const html = (result as { html: string }).html;
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>team');
    expect(html).toContain('Dear Grace,');
    expect(html).toContain('panel interview');
  });

  it('names each fact the application is missing, and where to fill it in', async () => {
    const { applicationId, interviewId } = await seedOccasion(people.ada.id, 'Acme Rockets', null);

    const result = await preview({ kind: 'interview_thanks', subject: thanks.subject, body: thanks.body, applicationId });

    expect(result).toEqual({
      status: 'missing',
      missing: [
        {
          label: 'What impressed you most',
          fillIn: '“What impressed you most?”, on the interview',
          href: `/applications/${applicationId}/interviews/${interviewId}/edit`,
        },
      ],
    });
  });

  it('a thank-you for an application without an interview says the interview facts are missing', async () => {
    const applicationId = await seedApplication(people.ada.id, 'Acme Rockets');

    const result = await preview({ kind: 'interview_thanks', subject: thanks.subject, body: thanks.body, applicationId });

    expect(result.status).toBe('missing');
    const missing = (result as { missing: { label: string; href: string | null }[] }).missing;
    expect(missing.map((m) => m.label)).toEqual(
      expect.arrayContaining(['The contact’s first name', 'The interview’s date', 'The interview’s round', 'What impressed you most']),
    );
    expect(missing.find((m) => m.label === 'The interview’s date')?.href).toBe(`/applications/${applicationId}/interviews/new`);
    expect(missing.find((m) => m.label === 'The contact’s first name')?.href).toBe(`/applications/${applicationId}`);
  });

  it('a rejection thank-you uses the application’s latest impression', async () => {
    const { applicationId } = await seedOccasion(people.ada.id, 'Acme Rockets', 'the launch cadence.');
    const rejection = BUILTIN_TEMPLATES.rejection_thanks;

    const result = await preview({ kind: 'rejection_thanks', subject: rejection.subject, body: rejection.body, applicationId });

    expect(result).toMatchObject({ status: 'rendered', subject: 'Thank you, Grace' });
    expect((result as { html: string }).html).toContain('the launch cadence.');
  });

  it('treats someone else’s application as missing', async () => {
    const { applicationId } = await seedOccasion(people.bob.id, 'Bob’s Secret Co', 'secrets.');

    const result = await preview({ kind: 'follow_up', subject: 'Hi', body: '{{company}}', applicationId });

    expect(result).toEqual({ status: 'invalid', message: 'That application could not be found. Choose another, or sample data.' });
  });

  it('names an unknown merge field, and refuses what could not be sent', async () => {
    expect(await preview({ kind: 'follow_up', subject: 'Hi', body: 'About {{salary}}' })).toMatchObject({
      status: 'invalid',
      message: expect.stringMatching(/^Unknown merge field \{\{salary\}\}\. Use one of: /),
    });
    expect(await preview({ kind: 'follow_up', subject: '', body: 'Hello' })).toEqual({ status: 'invalid', message: 'A letter needs a subject.' });
  });

  it('is refused to someone signed out', async () => {
    const { signInAs } = await import('../contacts/support/session');
    signInAs(null);
    const result = await previewTemplateAction({ ok: false }, form({ kind: 'follow_up', subject: 'Hi', body: 'x', applicationId: '' }));
    expect(result).toEqual({ ok: false, message: 'Your session has ended. Sign in again to continue.' });
  });
});
