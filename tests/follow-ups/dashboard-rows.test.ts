import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { withoutPlanContacts } from '@/lib/follow-ups/one-follow-up';
import type { FollowUpDue } from '@/db/queries/due/follow-ups';
import type { DueListKey } from '@/lib/dashboard/due-rules';
import { setupTestDatabase } from '../support/database';
import { daysAgo, seedLetter, seedPeople, seedPlanApp } from './support';

vi.mock('@/lib/auth/user', () => import('../contacts/support/session'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { WhatIsDue } = await import('@/app/(app)/dashboard/due/due-section');

setupTestDatabase();

const showMore = { href: (list: DueListKey, opening: boolean) => `/dashboard${opening ? `?more=${list}` : ''}#due-${list}` };
const render = async (userId: string) => renderToStaticMarkup(await WhatIsDue({ userId, now: new Date(), showMore }));
const list = (html: string, id: string) => html.slice(html.indexOf(`id="${id}"`), html.indexOf('</section>', html.indexOf(`id="${id}"`)));

describe('follow-up plans on the dashboard (Ask)', () => {
  it('lists a due step as a one-click row that names its plan, and never another person’s', async () => {
    const { ada, mallory } = await seedPeople();
    const { applicationId } = await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 9, company: 'Acme Rockets' });
    await seedPlanApp(mallory.id, { stage: 'applied', movedDaysAgo: 9, company: 'Mallory Mining' });
    const html = list(await render(ada.id), 'due-plans');
    expect(html).toContain('Follow-up after applying');
    expect(html).toContain('Flight Engineer at Acme Rockets');
    expect(html).toContain('Send follow-up');
    expect(html).toContain('name="followUpPlan" value="after_applying"');
    expect(html).toContain(`name="applicationId" value="${applicationId}"`);
    expect(html).toContain(`value="dismiss:plan_follow_up:${applicationId}"`);
    expect(html).not.toContain('Mallory Mining');
  });

  it('says so when nothing is due, and says what is missing before the click', async () => {
    const { ada } = await seedPeople();
    expect(list(await render(ada.id), 'due-plans')).toContain('Nothing due.');
    await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 9, company: 'No Email' });
    const { db } = await import('@/db');
    const { contacts } = await import('@/db/schema');
    await db.update(contacts).set({ email: null });
    expect(list(await render(ada.id), 'due-plans')).toContain('has no email address');
  });

  it('shows a person once: a due plan row takes the place of their per-contact follow-up', async () => {
    const { ada } = await seedPeople();
    // Rejected 95 days ago, thanked 60 days ago: the cadence (6 weeks) and the plan (90 days) are both due.
    const { applicationId, grace } = await seedPlanApp(ada.id, { stage: 'rejected', movedDaysAgo: 95 });
    await seedLetter(ada.id, { kind: 'rejection_thanks', applicationId, to: grace, at: daysAgo(60) });
    const html = await render(ada.id);
    expect(list(html, 'due-plans')).toContain('Keeping in touch after a rejection');
    expect(list(html, 'due-follow-ups')).not.toContain('Grace Hopper');
  });
});

describe('withoutPlanContacts', () => {
  it('drops the follow-up rows of people a plan row names, and counts them out', () => {
    const row = (contactId: string) => ({ contactId }) as FollowUpDue;
    const followUps = { rows: [row('a'), row('b'), row('c')], total: 7 };
    expect(withoutPlanContacts(followUps, [{ facts: { contactId: 'b' } }, { facts: { contactId: null } }])).toEqual({
      rows: [row('a'), row('c')],
      total: 6,
    });
  });
});
