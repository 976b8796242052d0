import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { TimelineText } from '@/app/(app)/applications/[id]/timeline/timeline-text';
import { activityText } from '@/app/(app)/contacts/[id]/activity-text';
import LetterPage from '@/app/(app)/letters/[id]/page';
import LettersPage from '@/app/(app)/letters/page';
import { db } from '@/db';
import { users } from '@/db/schema';
import { DISCARDED_REASON, holdReason } from '@/lib/letters/hold';
import { eq } from 'drizzle-orm';
import { setupTestDatabase } from '../support/database';
import { twoPeople } from '../contacts/support/seed';
import { seedApplication, seedLetter } from './seed';

vi.mock('@/lib/auth/user', () => import('../contacts/support/session'));

setupTestDatabase();

const people = twoPeople();

const html = async (page: Promise<ReactElement>) => renderToStaticMarkup(await page);
const list = (search: Record<string, string> = {}) => html(LettersPage({ searchParams: Promise.resolve(search) }));
const letterPage = (id: string) => html(LetterPage({ params: Promise.resolve({ id }) }));
const hoursAhead = (n: number) => new Date(Date.now() + n * 3600_000);
const scheduled = (at: Date) => ({ status: 'scheduled' as const, scheduledFor: at, nextAttemptAt: at });

describe('scheduled letters on /letters', () => {
  it('lead the list, soonest first, with when each leaves, to whom, and an automatic one said so', async () => {
    await db.update(users).set({ timeZone: 'Europe/Berlin' }).where(eq(users.id, people.ada.id));
    await seedLetter(people.ada.id, { subject: 'Later one', ...scheduled(hoursAhead(30)) });
    await seedLetter(people.ada.id, {
      subject: 'Automatic check-in',
      automatic: true,
      ...scheduled(hoursAhead(5)),
      recipients: [{ name: 'Alan Turing', email: 'alan@acme.example' }],
    });
    await seedLetter(people.ada.id, { subject: 'Already sent', status: 'sent' });
    await seedLetter(people.bob.id, { subject: 'Bob’s scheduled', ...scheduled(hoursAhead(2)) });

    const page = await list();
    const section = page.slice(page.indexOf('id="scheduled-heading"'), page.indexOf('role="search"'));
    expect(section).toContain('Scheduled');
    expect(section.indexOf('Automatic check-in')).toBeLessThan(section.indexOf('Later one'));
    expect(section).not.toContain('Already sent');
    expect(page).not.toContain('Bob’s scheduled');
    expect(section).toContain('To Alan Turing');
    expect(section).toContain('>Automatic</span>');
    expect(section).toMatch(/Goes out <time[^>]*>[^<]+ your time<\/time> unless you stop it\./);
    expect(section).toMatch(/Leaves <time dateTime="[^"]+">/);
    expect(section).toContain('Cancel it');
    expect(section).toContain('Reschedule…');
    expect(section).toMatch(/href="\/letters\/[0-9a-f-]+"[^>]*>Open/);
  });

  it('shows the soonest five and says how many more, and is not there when nothing waits or the list is filtered', async () => {
    await seedLetter(people.ada.id, { subject: 'Sent one', status: 'sent' });
    expect(await list()).not.toContain('id="scheduled-heading"');

    for (let i = 0; i < 7; i++) await seedLetter(people.ada.id, { subject: `Scheduled ${i}`, ...scheduled(hoursAhead(i + 1)) });
    const page = await list();
    expect(page).toContain('And 2 more');
    expect(page).toContain('href="/letters?status=scheduled"');
    expect(await list({ status: 'sent' })).not.toContain('id="scheduled-heading"');
  });
});

describe('a letter’s page, for letters that wait for their time', () => {
  it('says when a scheduled letter leaves and offers to reschedule, edit and cancel it', async () => {
    const id = await seedLetter(people.ada.id, { subject: 'Soon', body: 'Dear Grace, my own words.', ...scheduled(hoursAhead(3)) });
    const page = await letterPage(id);
    expect(page).toContain('Scheduled');
    expect(page).toMatch(/Leaves <time/);
    expect(page).toContain('Reschedule…');
    expect(page).toContain('Edit the words…');
    expect(page).toContain('Dear Grace, my own words.');
    expect(page).toContain('Cancel it');
  });

  it('says a cancelled letter never left, and links to writing it again', async () => {
    const app = await seedApplication(people.ada.id, 'Acme Rockets', 'Engineer');
    const id = await seedLetter(people.ada.id, { kind: 'rejection_thanks', applicationId: app, status: 'cancelled' });
    const page = await letterPage(id);
    expect(page).toContain('Stopped before it left. Nothing reached Resend.');
    expect(page).toContain(`href="/letters/new?occasion=rejection_thanks&amp;applicationId=${app}"`);
    expect(page).toContain('Never: it was cancelled');
    expect(page).not.toContain('Cancel it');
  });

  it('gives a held letter’s reason in plain words, not the 23 hours', async () => {
    const reason = holdReason({ flagged: null, withdrawn: true })!;
    const page = await letterPage(await seedLetter(people.ada.id, { status: 'needs_decision', lastError: reason }));
    expect(page).toContain('Afterword held it instead of sending it: you withdrew the application after this letter was written.');
    expect(page).toContain('Send it now');
    expect(page).toContain('Discard it');
    expect(page).not.toContain('23 hours');
    expect(page).not.toContain('Held:');
  });

  it('gives Resend’s reason once, and does not blame Resend for a letter the person discarded', async () => {
    const failed = await letterPage(
      await seedLetter(people.ada.id, { status: 'failed', lastError: 'Resend refused it: Resend refused it: The `to` field is invalid' }),
    );
    expect(failed).toContain('Resend refused it: The `to` field is invalid. Fix what it names');
    expect(failed.split('Resend refused it').length - 1).toBe(1);

    const discarded = await letterPage(await seedLetter(people.ada.id, { status: 'failed', lastError: DISCARDED_REASON }));
    expect(discarded).toContain('You discarded it after it could not be sent in time.');
    expect(discarded).not.toContain('Resend refused');
  });
});

describe('the timeline and a contact’s history', () => {
  it('say a letter was cancelled before it left', () => {
    const letterId = crypto.randomUUID();
    const detail = { letterId, subject: 'Thank you <b>' };
    const line = renderToStaticMarkup(TimelineText({ activity: { kind: 'letter_cancelled', contactId: null, detail } }) as ReactElement);
    expect(line).toContain(`href="/letters/${letterId}"`);
    expect(line).toContain('Letter cancelled before it left: “Thank you &lt;b&gt;”');
    expect(activityText({ kind: 'letter_cancelled', detail, company: null, position: null } as never)).toBe(
      'Letter cancelled before it left: “Thank you <b>”',
    );
  });
});
