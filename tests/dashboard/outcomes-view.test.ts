import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Outcomes } from '@/app/(app)/dashboard/outcomes/outcomes-section';
import { setupTestDatabase } from '../support/database';
import {
  daysAgo,
  hoursAfter,
  NOW,
  seedApplication,
  seedCompany,
  seedInterview,
  seedLetter,
  seedPerson,
  seedReply,
  seedStageChange,
} from './outcomes-seed';

setupTestDatabase();

// The section reads the clock itself; only Date is faked, so the database drivers' timers still run.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterAll(() => vi.useRealTimers());

/** The section as the dashboard renders it, as text (tags stripped, spaces collapsed) and as HTML. */
async function render(userId: string, period?: string | string[]) {
  const html = renderToStaticMarkup(await Outcomes({ userId, period }));
  return { html, text: html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') };
}

/**
 * Five interviews 30 days ago each followed by a delivered thank-you within
 * two hours, three of them leading to an offer; five without one, one
 * leading to an offer. Returns the thank-yous.
 */
async function seedComparison(userId: string) {
  const thanks: string[] = [];
  const company = await seedCompany(userId, 'Acme');
  for (let i = 0; i < 10; i++) {
    const thanked = i < 5;
    const app = await seedApplication(userId, { companyId: company, path: ['applied', 'interviewing'], createdAt: daysAgo(40) });
    const interview = await seedInterview(userId, app, daysAgo(30));
    if (thanked) thanks.push(await seedLetter(userId, { status: 'delivered', createdAt: hoursAfter(daysAgo(30), 2), interviewId: interview, applicationId: app }));
    if (i < 3 || i === 5) await seedStageChange(userId, app, 'offer', daysAgo(20));
  }
  return thanks;
}

describe('the Outcomes section', () => {
  it('shows each share with the numbers it stands on, side by side', async () => {
    const ada = await seedPerson('Ada');
    await seedComparison(ada);
    const { text } = await render(ada);
    expect(text).toContain('With a thank-you within 24 hours 60% 3 of 5 interviews led to another interview or an offer.');
    expect(text).toContain('Without one 20% 1 of 5 interviews led to another interview or an offer.');
    expect(text).toContain('Delivered / sent 5 of 5, 100%');
    expect(text).toContain('Opened / delivered (may be automatic) 0 of 5, 0%');
  });

  it('says "Not enough data yet" below five in a group, with how many there are', async () => {
    const ada = await seedPerson('Ada');
    await seedComparison(ada);
    const { text } = await render(ada);
    expect(text).toContain('Answered with a thank-you Not enough data yet 0 rejections so far; a share needs at least 5.');
    expect(text).toContain('Not answered Not enough data yet 0 rejections so far; a share needs at least 5.');
  });

  it('gives a new person empty states instead of zeros to puzzle over', async () => {
    const { text } = await render(await seedPerson('Carol'));
    expect(text).toContain('No letters in the last 90 days.');
    expect(text.match(/Not enough data yet/g)).toHaveLength(6);
    expect(text).toContain('Replied within 7 days Not enough data yet 0 thank-yous so far; a share needs at least 5.');
  });

  it('shows reply rates over the letters sent, by template and by occasion, and the thank-yous answered within a week', async () => {
    const ada = await seedPerson('Ada');
    const [first, second, third] = await seedComparison(ada);
    await seedReply(ada, first, { receivedAt: daysAgo(28) });
    await seedReply(ada, first, { receivedAt: daysAgo(27) });
    await seedReply(ada, second, { receivedAt: daysAgo(26) });
    await seedReply(ada, third, { receivedAt: daysAgo(15) }); // after the week
    await seedReply(ada, third, { receivedAt: daysAgo(29), kind: 'auto_reply' });
    const { text } = await render(ada);
    expect(text).toContain('Replied / sent 3 of 5, 60%');
    expect(text).toContain('Replied, by occasion Thank-you after an interview 3 of 5, 60% Thank-you after a rejection None sent');
    expect(text).toContain('Asking for feedback None sent');
    expect(text).toMatch(/Thank-you after an interview( \d+){6} 3 of 5, 60%/);
    expect(text).toContain('automatic replies (an out-of-office) and mail you sent yourself are not counted');
    expect(text).toContain('Replied within 7 days 40% 2 of 5 thank-yous got a reply within 7 days.');
  });

  it('keeps the period from the URL, and falls back to 90 days for anything else', async () => {
    const ada = await seedPerson('Ada');
    const thirty = await render(ada, '30');
    expect(thirty.text).toContain('What came of your letters and applications in the last 30 days.');
    expect(thirty.html).toMatch(/<a[^>]*aria-current="true"[^>]*>30 days</);
    expect(thirty.html).toContain('href="/dashboard?period=365#outcomes"');
    for (const junk of ['7', 'all; drop table', undefined, ['365', '30']]) {
      const { text } = await render(ada, junk);
      expect(text).toContain(junk === undefined || typeof junk === 'string' ? 'in the last 90 days.' : 'in the last 365 days.');
    }
    expect((await render(ada, 'all')).text).toContain('What came of your letters and applications of all time.');
  });

  it('never shows another person’s letters or interviews', async () => {
    const ada = await seedPerson('Ada');
    const bob = await seedPerson('Bob');
    await seedComparison(bob);
    const { text } = await render(ada);
    expect(text).toContain('No letters in the last 90 days.');
    expect(text).not.toContain('60%');
  });
});
