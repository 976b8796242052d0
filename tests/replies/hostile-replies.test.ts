import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as replyHtml } from '@/app/api/replies/[id]/html/route';
import { db } from '@/db';
import { receivedEmails } from '@/db/schema';
import { MAX_TEXT_CHARS } from '@/lib/replies/received-email';
import { READ_ATTEMPTS } from '@/lib/replies/reading';
import { readReceivedEmail } from '@/server/replies/read-received-email';
import { restoreEnv, useResendTestServer } from '../helpers/mail-mode';
import { setupTestDatabase } from '../support/database';
import { makeWebhookSecret } from '../resend-server/webhook-signing';
import { deliver, useWebhookSecret } from '../letters/webhook-support';
import { answer, ledgerRow, receive, repliesOf, seedSentThankYou, useInboundDomain } from './support';

const signedInAs = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string | null } }));
vi.mock('@/lib/auth/user', async (original) => ({
  ...(await original<typeof import('@/lib/auth/user')>()),
  getUser: async () => signedInAs.user,
}));

setupTestDatabase();

describe('replies from a hostile or failing world', () => {
  const mail = useResendTestServer();
  const secret = useWebhookSecret();
  beforeEach(() => useInboundDomain());
  afterEach(restoreEnv);

  it('a forged delivery is refused and keeps nothing', async () => {
    const { ana, replyTo } = await seedSentThankYou();
    const { id, event } = await mail.server.receive({ email: answer(ana.email, replyTo, 'Forged') });
    const forged = await deliver(event, makeWebhookSecret());
    expect(forged.response.status).toBe(401);
    expect(await ledgerRow(id)).toBeUndefined();
  });

  it('Resend answering 404, then 500, then nothing in time is tried again later, and recorded once when it answers', async () => {
    const { ada, ana, replyTo } = await seedSentThankYou();
    mail.server.failNext({ kind: 'status', status: 404, route: 'receiving' });
    mail.server.failNext({ kind: 'status', status: 500, route: 'receiving' });
    mail.server.failNext({ kind: 'hang', route: 'receiving' });
    const { id, read } = await receive(mail.server, secret(), answer(ana.email, replyTo, 'Patience'));
    expect(read).toMatchObject({ outcome: 'retry' });
    expect(await ledgerRow(id)).toMatchObject({ attempts: 1, settledAt: null, lastError: expect.stringContaining('404') });
    expect(await readReceivedEmail(id)).toMatchObject({ outcome: 'retry' });
    expect(await readReceivedEmail(id, { timeoutMs: 300 })).toMatchObject({ outcome: 'retry' });
    expect(await ledgerRow(id)).toMatchObject({ attempts: 3, lastError: expect.stringContaining('No answer') });
    expect(await repliesOf(ada.id)).toEqual([]);
    expect(await readReceivedEmail(id)).toMatchObject({ outcome: 'recorded' });
    expect(await readReceivedEmail(id)).toMatchObject({ outcome: 'gone' });
    expect(await repliesOf(ada.id)).toHaveLength(1);
  });

  it('is given up after its last attempt, its row and error kept', async () => {
    const { ana, replyTo } = await seedSentThankYou();
    // An id the receiving API does not know: it answers 404 every time.
    const { event } = await mail.server.receive({ email: answer(ana.email, replyTo, 'Lost') });
    const missing = randomUUID();
    await deliver({ ...event, data: { ...event.data, email_id: missing } }, secret());
    await db.update(receivedEmails).set({ attempts: READ_ATTEMPTS - 1 }).where(eq(receivedEmails.emailId, missing));
    expect(await readReceivedEmail(missing)).toEqual({ outcome: 'gave_up' });
    expect(await ledgerRow(missing)).toMatchObject({ outcome: 'gave_up', settledAt: expect.any(Date), lastError: expect.stringContaining('404') });
  });

  it('a huge message, 500 recipients, a 1 MB header line, attachments and NUL bytes are cut to what is kept', async () => {
    const { ada, ana, replyTo } = await seedSentThankYou();
    const crowd = Array.from({ length: 499 }, (_, i) => `person${i}@crowd.example`);
    const callsBefore = mail.server.calls().length;
    const started = Date.now();
    const { read } = await receive(mail.server, secret(), {
      from: ana.email,
      to: [...crowd, replyTo],
      subject: 'Re: Thank you\u0000',
      text: `Thanks\u0000 for writing \uFFFD. ${'word '.repeat(5_000_000)}`,
      html: `<p>${'x'.repeat(1_000_000)}</p>`,
      headers: { 'X-Long': 'a'.repeat(1_000_000), 'Content-Type': 'text/plain; charset=x-unknown' },
      attachments: [{ filename: 'cv.pdf', content_type: 'application/pdf', size: 24_000_000 }],
    });
    expect(read.outcome).toBe('recorded');
    expect(Date.now() - started).toBeLessThan(20_000);
    const [reply] = await repliesOf(ada.id);
    expect(reply.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    expect(reply.text.startsWith('Thanks for writing \uFFFD.')).toBe(true);
    expect(reply.subject).toBe('Re: Thank you');
    expect(reply.html).toBeNull();
    expect(reply.attachments).toEqual([{ filename: 'cv.pdf', contentType: 'application/pdf', size: 24_000_000 }]);
    // One GET for the email; the attachment is never fetched.
    expect(mail.server.calls().slice(callsBefore)).toEqual([expect.stringMatching(/^GET \/emails\/receiving\/[0-9a-f-]+$/)]);
  }, 60_000);

  it('HTML with scripts, javascript: links, overlaying CSS and tracking images is served only to its owner, sandboxed', async () => {
    const { ada, ana, replyTo } = await seedSentThankYou();
    const html =
      '<script>alert(1)</script><a href="javascript:alert(2)">x</a><div style="position:fixed;inset:0">over</div><img src="https://tracker.example/p.gif">';
    await receive(mail.server, secret(), answer(ana.email, replyTo, 'See below', { html }));
    const [reply] = await repliesOf(ada.id);
    const request = (id: string) => replyHtml(new Request(`http://localhost/api/replies/${id}/html`), { params: Promise.resolve({ id }) });

    signedInAs.user = null;
    expect((await request(reply.id)).status).toBe(401);
    signedInAs.user = { id: (await seedSentThankYou()).ada.id, email: 'x@example.com', name: null };
    expect((await request(reply.id)).status).toBe(404);
    signedInAs.user = ada;
    expect((await request('not-a-uuid')).status).toBe(404);
    const response = await request(reply.id);
    expect(response.status).toBe(200);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy.split('; ')).toEqual(expect.arrayContaining(['sandbox', "default-src 'none'", 'img-src data:', "form-action 'none'"]));
    expect(policy).not.toContain('script-src');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(html);
  });
});
