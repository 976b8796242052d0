import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { letters, outboxMessages, rateLimitWindows, verificationTokens } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import { clientNetwork } from '@/lib/security/client-network';
import { RATE_LIMITS, type RateLimitScope, tooManyMessage } from '@/lib/security/rate-limits';
import { holdToRateLimit, RateLimited } from '@/server/limits/rate-limit';
import { runHousekeeping } from '@/server/queue/housekeeping';
import { csvFile, uploadForm } from '../import/import-helpers';
import { restoreEnv, useOutboxMode } from '../helpers/mail-mode';
import { interviewThanksForm, lettersOf, seedInterviewWithThree } from '../letters/support';
import { form } from '../interviews/support';
import { setupTestDatabase } from '../support/database';
import { APP, requestLink } from './support/auth-flow';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/user', () => ({ getUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
/** The sign-in form's action reads its request's headers, as Next.js hands them over. */
const action = vi.hoisted(() => ({ headers: {} as Record<string, string> }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(action.headers), cookies: async () => ({ set: () => {} }) }));

const { previewLetterAction, sendLetterAction } = await import('@/app/(app)/letters/actions');
const { previewTemplateAction } = await import('@/app/(app)/templates/actions');
const { POST: importRoute } = await import('@/app/api/applications/import/route');
const { GET: exportCsv } = await import('@/app/(app)/applications/export/route');
const { GET: exportJson } = await import('@/app/(app)/settings/export/route');
const { requestSignInLink } = await import('@/app/(auth)/sign-in/actions');

setupTestDatabase();

/** Ten seconds into a minute and into an hour, so a window never ends in the middle of a test. */
const NOW = new Date('2026-12-07T10:00:10Z');

beforeEach(() => {
  useOutboxMode();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  vi.spyOn(console, 'info').mockImplementation(() => {});
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  restoreEnv();
});

/** Spends what a limit allows in the current window, less what was `spent` already. */
async function useUp(scope: RateLimitScope, who: string, spent = 0) {
  for (let i = spent; i < RATE_LIMITS[scope].max; i++) await holdToRateLimit(scope, who);
}

describe('the limits', () => {
  it('are the ones the README lists, far above what a person does', () => {
    expect(Object.fromEntries(Object.entries(RATE_LIMITS).map(([scope, { max, windowSeconds }]) => [scope, `${max}/${windowSeconds}s`]))).toEqual({
      letterPreview: '60/60s',
      letterSend: '30/60s',
      templatePreview: '60/60s',
      csvImport: '10/3600s',
      csvImportStep: '120/3600s',
      export: '10/3600s',
      replyToConfirmation: '1/60s',
      signInAddress: '10/3600s',
      signInNetwork: '30/3600s',
    });
  });

  it('say what was refused and how long to wait', () => {
    expect(tooManyMessage('letterPreview', 50)).toBe('Too many previews in a minute; wait 50 seconds and try again.');
    expect(tooManyMessage('letterSend', 1)).toBe('Too many letters sent in a minute; wait 1 second and try again.');
    expect(tooManyMessage('export', 3590)).toBe('Too many exports in an hour; wait 60 minutes and try again.');
  });
});

describe('the counter', () => {
  it('lets the limit through in a window, refuses the next with the seconds left, and starts again with the next window', async () => {
    await useUp('letterPreview', 'ada');
    const refused = await holdToRateLimit('letterPreview', 'ada').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimited);
    expect((refused as RateLimited).retryAfterSeconds).toBe(50);
    expect((refused as RateLimited).message).toBe('Too many previews in a minute; wait 50 seconds and try again.');

    // Another person, and another limit, are counted apart.
    await expect(holdToRateLimit('letterPreview', 'grace')).resolves.toBeUndefined();
    await expect(holdToRateLimit('templatePreview', 'ada')).resolves.toBeUndefined();

    vi.setSystemTime(new Date(NOW.getTime() + 50_000));
    await expect(holdToRateLimit('letterPreview', 'ada')).resolves.toBeUndefined();
  });

  it('counts requests made at once exactly: no more than the limit get through', async () => {
    const results = await Promise.allSettled(Array.from({ length: 45 }, () => holdToRateLimit('letterSend', 'ada')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(30);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof RateLimited)).toBe(true);
  });

  it('stores no person, address or IP in the clear', async () => {
    await holdToRateLimit('signInAddress', 'ada@example.com');
    await holdToRateLimit('signInNetwork', '203.0.113.9');
    const stored = JSON.stringify(await db.select().from(rateLimitWindows));
    expect(stored).not.toContain('ada@example.com');
    expect(stored).not.toContain('203.0.113.9');
  });

  it('is pruned by housekeeping once its window is long over', async () => {
    await holdToRateLimit('export', 'ada');
    vi.setSystemTime(new Date(NOW.getTime() + 3 * 60 * 60 * 1000));
    await holdToRateLimit('export', 'ada');

    await runHousekeeping(new Date());

    const left = await db.select().from(rateLimitWindows);
    expect(left).toHaveLength(1);
    expect(left[0]!.windowStart).toEqual(new Date('2026-12-07T13:00:00Z'));
  });
});

describe('what a person is told where they acted', () => {
  let seeded: Awaited<ReturnType<typeof seedInterviewWithThree>>;
  beforeEach(async () => {
    seeded = await seedInterviewWithThree();
    session.user = seeded.ada;
  });

  it('the compose page’s preview', async () => {
    const fields = { ...interviewThanksForm(seeded.interviewId), subject: 'Thank you', body: 'Thank you for your time.' };
    expect((await previewLetterAction({ ok: false }, form(fields))).ok).toBe(true);
    await useUp('letterPreview', seeded.ada.id, 1);

    const result = await previewLetterAction({ ok: false }, form(fields));
    expect(result).toMatchObject({ ok: false, message: 'Too many previews in a minute; wait 50 seconds and try again.' });
  });

  it('the send, which then writes and sends nothing', async () => {
    await useUp('letterSend', seeded.ada.id);

    const result = await sendLetterAction({ ok: false }, form(interviewThanksForm(seeded.interviewId)));
    expect(result).toMatchObject({ ok: false, message: 'Too many letters sent in a minute; wait 50 seconds and try again.' });
    expect(await lettersOf(seeded.ada)).toHaveLength(0);
    expect(await db.select().from(letters)).toHaveLength(0);
  });

  it('the template editor’s live preview', async () => {
    const fields = { kind: 'interview_thanks', subject: 'Thank you', body: 'Thank you for your time.' };
    expect((await previewTemplateAction({ ok: false }, form(fields))).ok).toBe(true);
    await useUp('templatePreview', seeded.ada.id, 1);

    const result = await previewTemplateAction({ ok: false }, form(fields));
    expect(result).toMatchObject({ ok: false, message: 'Too many previews in a minute; wait 50 seconds and try again.' });
  });

  it('the CSV import, next to its file field, through its route', async () => {
    await useUp('csvImport', seeded.ada.id);

    const response = await importRoute(
      new Request(`${APP}/api/applications/import`, {
        method: 'POST',
        headers: { origin: APP, host: 'localhost:3000' },
        body: uploadForm(csvFile('Company,Position\nAcme,Engineer\n')),
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: false,
      fieldErrors: { file: ['Too many files uploaded to import in an hour; wait 60 minutes and try again.'] },
    });
  });

  it('the two exports, as a plain page that says when to try again', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await exportCsv()).status).toBe(200);
      expect((await exportJson()).status).toBe(200);
    }
    for (const response of [await exportCsv(), await exportJson()]) {
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('3590');
      expect(await response.text()).toBe('Too many exports in an hour; wait 60 minutes and try again.');
    }
  });
});

describe('sign-in requests, through Auth.js', () => {
  /** Lets the one-a-minute rule pass again, as if a minute had gone by. */
  const aMinuteLater = () => db.execute(`update sign_in_throttle set last_sent_at = now() - interval '2 minutes'`);
  const refusedTo = (response: Response) => new URL(response.headers.get('location')!).searchParams;

  it('send at most 10 mails to one address in an hour, then say so and store nothing', async () => {
    for (let i = 0; i < 10; i++) {
      expect(refusedTo(await requestLink('ada@example.com')).get('error')).toBeNull();
      await aMinuteLater();
    }
    const tokens = await db.select().from(verificationTokens);
    const mails = await db.select().from(outboxMessages);

    const refused = await requestLink('ada@example.com');
    expect(refused.headers.get('location')).toBe(`${APP}/sign-in/error?error=RateLimited&limit=signInAddress&wait=3590`);
    expect(await db.select().from(verificationTokens)).toHaveLength(tokens.length);
    expect(await db.select().from(outboxMessages)).toHaveLength(mails.length);
    expect(mails).toHaveLength(10);
  });

  it('take at most 30 an hour from one network, by the address the proxy saw, not the one the client claims', async () => {
    for (let i = 0; i < 30; i++) {
      const response = await requestLink(`person${i}@example.com`, { 'x-forwarded-for': `10.9.${i}.1, 198.51.100.7` });
      expect(refusedTo(response).get('error')).toBeNull();
    }
    const refused = await requestLink('another@example.com', { 'x-forwarded-for': '10.0.0.99, 198.51.100.7' });
    expect(refused.headers.get('location')).toBe(`${APP}/sign-in/error?error=RateLimited&limit=signInNetwork&wait=3590`);
    expect(await db.select().from(outboxMessages)).toHaveLength(30);

    // Someone else is not held back.
    const elsewhere = await requestLink('another@example.com', { 'x-forwarded-for': '198.51.100.8' });
    expect(refusedTo(elsewhere).get('error')).toBeNull();
  });
});

describe('the sign-in error page, where a refused post to Auth.js ends', () => {
  it('names the limit and the wait, and makes up nothing from a tampered address', async () => {
    const { default: SignInErrorPage } = await import('@/app/(auth)/sign-in/error/page');
    const page = async (searchParams: Record<string, string>) =>
      renderToStaticMarkup(await SignInErrorPage({ searchParams: Promise.resolve(searchParams) }));

    expect(await page({ error: 'RateLimited', limit: 'signInNetwork', wait: '120' })).toContain(
      'Too many sign-in requests from your network in an hour; wait 2 minutes and try again.',
    );
    expect(await page({ error: 'RateLimited', limit: '<b>', wait: '1e9' })).toContain(
      'Too many sign-in requests for this address in an hour; wait 60 minutes and try again.',
    );
  });
});

describe('the sign-in form', () => {
  const ask = (email: string) => requestSignInLink({ ok: false }, form({ email }));

  it('says next to the address when its network asked too often', async () => {
    action.headers = { 'x-forwarded-for': '198.51.100.7' };
    await useUp('signInNetwork', '198.51.100.7');

    const result = await ask('ada@example.com');
    const words = 'Too many sign-in requests from your network in an hour; wait 60 minutes and try again.';
    expect(result).toMatchObject({ ok: false, fieldErrors: { email: [words] } });
    expect(await db.select().from(outboxMessages)).toHaveLength(0);
  });

  it('says so when the address was sent too many links', async () => {
    action.headers = { 'x-forwarded-for': '198.51.100.7' };
    await useUp('signInAddress', 'ada@example.com');

    const result = await ask('ada@example.com');
    const words = 'Too many sign-in requests for this address in an hour; wait 60 minutes and try again.';
    expect(result).toMatchObject({ ok: false, fieldErrors: { email: [words] } });
  });

  it('still sends the mail when no limit is met', async () => {
    action.headers = { 'x-forwarded-for': '198.51.100.7' };
    await expect(ask('ada@example.com')).rejects.toThrow('NEXT_REDIRECT');
    expect(await db.select().from(outboxMessages)).toHaveLength(1);
  });
});

describe('clientNetwork', () => {
  it('reads the last entry of X-Forwarded-For, an IPv6 address by its /64', () => {
    expect(clientNetwork('203.0.113.9')).toBe('203.0.113.9');
    expect(clientNetwork('6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
    expect(clientNetwork('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(clientNetwork('2001:db8:1:2::99')).toBe('2001:db8:1:2::/64');
    expect(clientNetwork('[2001:DB8::1]')).toBe('2001:db8:0:0::/64');
    expect(clientNetwork('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
  });

  it('finds no address in anything else', () => {
    for (const value of [null, '', 'unknown', '999.1.1.1', '1.2.3', 'a::b::c', '1:2:3:4:5:6:7:8:9', '203.0.113.9:443', 'x'.repeat(100_000)]) {
      expect(clientNetwork(value)).toBeNull();
    }
  });
});
