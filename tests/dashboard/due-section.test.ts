import { eq } from 'drizzle-orm';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { saveBuiltinTemplate } from '@/db/queries/letter-templates';
import { users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import { DUE_COUNT_CAP, DUE_LIMIT, type DueListKey } from '@/lib/dashboard/due-rules';
import { setupTestDatabase } from '../support/database';
import { daysAgo, hoursAgo, seedApp, seedInterviewAt, seedLetter, seedPeople, seedPersonMet } from './due-seed';

vi.mock('@/lib/auth/user', () => import('../contacts/support/session'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { WhatIsDue } = await import('@/app/(app)/dashboard/due/due-section');
const { DueList } = await import('@/app/(app)/dashboard/due/due-list');

setupTestDatabase();

let ada: SessionUser;
let mallory: SessionUser;
beforeEach(async () => {
  ({ ada, mallory } = await seedPeople());
});

/** "Show more" links as the dashboard page makes them. */
const showMore = (open?: DueListKey) => ({
  open,
  href: (list: DueListKey, opening: boolean) => `/dashboard${opening ? `?more=${list}` : ''}#due-${list}`,
});
/** The section as the server renders it, as text with its markup. */
const render = async (userId = ada.id, open?: DueListKey) =>
  renderToStaticMarkup(await WhatIsDue({ userId, now: new Date(), showMore: showMore(open) }));
/** One row of one list, by the words in its title. */
function rowOf(html: string, listId: string, title: string) {
  const list = html.slice(html.indexOf(`id="${listId}"`));
  const start = list.indexOf(title);
  return list.slice(start, list.indexOf('</li>', start));
}

describe('"What is due" as the page shows it', () => {
  it('says what each list is waiting for when nothing is due', async () => {
    const html = await render();
    expect(html).toContain('Nothing is due today.');
    expect(html).toContain('Nothing owed: every interview in the last 3 days has its thank-you.');
    expect(html).toContain('No follow-ups due.');
    expect(html).toContain('Every letter you wrote is on its way or delivered.');
    expect(html).toContain('Every application in play has had some activity in the last 3 weeks.');
  });

  it('offers the one-click thank-you, or says what is missing and where to fill it in', async () => {
    const ready = await seedApp(ada.id, { company: 'Ready Rockets' });
    const grace = await seedPersonMet(ada.id, ready, 'Grace Hopper', { primary: true });
    const alan = await seedPersonMet(ada.id, ready, 'Alan Turing');
    await seedInterviewAt(ada.id, ready, hoursAgo(20), { attendees: [grace, alan] });
    const blank = await seedApp(ada.id, { company: 'Blank Balloons' });
    const katherine = await seedPersonMet(ada.id, blank, 'Katherine Johnson', {
      primary: true,
      email: 'katherine@blank.example',
    });
    const blankInterview = await seedInterviewAt(ada.id, blank, hoursAgo(30), { attendees: [katherine], impression: null });

    const html = await render();
    // The interview without its impression is also that one question, with a form for it alone.
    expect(html).toContain('3 things to do');
    const question = rowOf(html, 'due-impressions', 'Flight Engineer at Blank Balloons');
    expect(question).toContain(`href="/applications/${blank}/interviews/${blankInterview}/impression"`);
    expect(rowOf(html, 'due-impressions', 'Ready Rockets')).not.toContain('/impression');
    const readyRow = rowOf(html, 'due-thank-you', 'Flight Engineer at Ready Rockets');
    expect(readyRow).toContain('To Grace Hopper, with a copy to Alan Turing.');
    expect(readyRow).toContain('Send thank-you<span class="sr-only"> (Flight Engineer interview at Ready Rockets)</span>');
    expect(readyRow).toContain('about 4 hours left');
    const blankRow = rowOf(html, 'due-thank-you', 'Flight Engineer at Blank Balloons');
    expect(blankRow).toContain('Missing what impressed you most');
    expect(blankRow).toContain(`href="/applications/${blank}/interviews/${blankInterview}/edit"`);
    expect(blankRow).not.toContain('Send thank-you');
    expect(html.indexOf('Blank Balloons')).toBeLessThan(html.indexOf('Ready Rockets'));
  });

  it('checks the letter against the person’s own template, as the click would', async () => {
    const app = await seedApp(ada.id, { company: 'Blank Balloons' });
    const grace = await seedPersonMet(ada.id, app, 'Grace Hopper', { primary: true });
    await seedInterviewAt(ada.id, app, hoursAgo(5), { attendees: [grace], impression: null });
    expect(rowOf(await render(), 'due-thank-you', 'Blank Balloons')).toContain('Missing what impressed you most');
    await saveBuiltinTemplate(ada.id, 'interview_thanks', {
      subject: 'Thank you',
      body: 'Dear {{contact.firstName}}, thank you.\n\n{{me.signature}}',
    });
    const row = rowOf(await render(), 'due-thank-you', 'Blank Balloons');
    expect(row).not.toContain('Missing');
    expect(row).toContain('Send thank-you');
  });

  it('lists the other kinds of row with their actions', async () => {
    // At offer: no follow-up plan runs there, so Grace's follow-up is the per-contact one (a plan's row would take its place).
    const app = await seedApp(ada.id, {
      stage: 'offer',
      stageChangedAt: daysAgo(90),
      lastActivityAt: daysAgo(40),
      company: 'Quiet Quarries',
    });
    const grace = await seedPersonMet(ada.id, app, 'Grace Hopper', { primary: true });
    await seedLetter(ada.id, { kind: 'interview_thanks', applicationId: app, to: grace, at: daysAgo(45) });
    await seedLetter(ada.id, { kind: 'follow_up', applicationId: app, to: grace, at: daysAgo(2), status: 'bounced' });
    await db.update(users).set({ name: 'Ada' }).where(eq(users.id, ada.id));

    const html = await render();
    const followUp = rowOf(html, 'due-follow-ups', 'Grace Hopper');
    expect(followUp).toContain('Send follow-up');
    expect(followUp).toContain('They replied<span class="sr-only"> (Grace Hopper)</span>');
    expect(followUp).toContain('Snooze 2 weeks');
    expect(followUp).toContain('Stop follow-ups');
    const bounced = rowOf(html, 'due-letters', 'Bounced: A follow_up letter');
    expect(bounced).toContain(`href="/contacts/${grace}/edit"`);
    expect(bounced).toContain('Fix the address');
    const quiet = rowOf(html, 'due-quiet', 'Flight Engineer at Quiet Quarries');
    expect(quiet).toContain('Mark as ghosted');
  });

  it('shows the first few letters owed, checked up front, and says how many more there are', async () => {
    for (const [i, company] of ['One', 'Two', 'Three', 'Four'].entries()) {
      const app = await seedApp(ada.id, { company });
      const grace = await seedPersonMet(ada.id, app, `Grace ${company}`, { primary: true, email: `grace@${company}.example` });
      await seedInterviewAt(ada.id, app, hoursAgo(40 - i), { attendees: [grace] });
    }
    const html = await render();
    const list = html.slice(html.indexOf('id="due-thank-you"'), html.indexOf('id="due-rejection-thanks"'));
    expect(list.match(/<li /g)).toHaveLength(3);
    expect(list).not.toContain('at Four');
    expect(list).toContain('And 1 more: dealing with these brings the next ones up.');
    expect(list).toContain('href="/dashboard?more=thank-you#due-thank-you"');

    const opened = await render(ada.id, 'thank-you');
    const all = opened.slice(opened.indexOf('id="due-thank-you"'), opened.indexOf('id="due-rejection-thanks"'));
    expect(all.match(/<li /g)).toHaveLength(4);
    expect(all).not.toContain('Show more');
    expect(all).toContain('href="/dashboard#due-thank-you">Show fewer');
  });

  it('shows a few rows of each other list, and more of the one opened', async () => {
    for (let i = 0; i < DUE_LIMIT + 2; i++) {
      await seedApp(ada.id, { stage: 'applied', lastActivityAt: daysAgo(30 + i), company: `Quiet ${i}` });
    }
    const quietRows = (html: string) => html.slice(html.indexOf('id="due-quiet"')).match(/<li /g);
    const html = await render();
    expect(quietRows(html)).toHaveLength(DUE_LIMIT);
    expect(html).toContain('And 2 more');
    expect(quietRows(await render(ada.id, 'quiet'))).toHaveLength(DUE_LIMIT + 2);
    // Another list opened leaves this one short.
    expect(quietRows(await render(ada.id, 'follow-ups'))).toHaveLength(DUE_LIMIT);
  });

  it('says "at least" of a list longer than it counts', () => {
    const list = (total: number) =>
      renderToStaticMarkup(
        DueList({
          name: 'quiet',
          list: { total, open: false, toggle: '/dashboard?more=quiet#due-quiet' },
          title: 'Quiet for three weeks',
          description: '',
          rowIds: ['a', 'b', 'c'],
          empty: '',
          children: null,
        }),
      );
    expect(list(DUE_COUNT_CAP)).toContain(`And at least ${DUE_COUNT_CAP - 3} more:`);
    expect(list(DUE_COUNT_CAP)).toContain(`${DUE_COUNT_CAP}+`);
    expect(list(DUE_COUNT_CAP - 1)).toContain(`And ${DUE_COUNT_CAP - 4} more:`);
  });

  it('never shows another person’s rows', async () => {
    const app = await seedApp(ada.id, { stage: 'applied', lastActivityAt: daysAgo(40), company: 'Secret Sauce' });
    const grace = await seedPersonMet(ada.id, app, 'Grace Hopper', { primary: true });
    await seedInterviewAt(ada.id, app, hoursAgo(5), { attendees: [grace] });
    const html = await render(mallory.id);
    expect(html).not.toContain('Secret Sauce');
    expect(html).toContain('Nothing is due today.');
  });
});
