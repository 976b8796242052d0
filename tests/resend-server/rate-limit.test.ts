import { Resend } from 'resend';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startResendServer, type ResendTestServer } from './server';

const letter = {
  from: 'Afterword <letters@afterword.test>',
  to: 'ada@example.com',
  subject: 'Thank you for your time',
  text: 'It was a pleasure to meet you.',
};

let server: ResendTestServer;

beforeAll(async () => {
  server = await startResendServer({ ratePerSecond: 2 });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe('ratePerSecond', () => {
  it('admits two sends in a second per key, answers the third 429 with retry-after, and counts another key apart', async () => {
    const resend = new Resend('re_account', { baseUrl: server.url });
    const [first, second, third] = await Promise.all(
      ['one', 'two', 'three'].map((key) => resend.emails.send(letter, { idempotencyKey: key })),
    );
    const otherAccount = await new Resend('re_other', { baseUrl: server.url }).emails.send(letter);

    const answers = [first, second, third];
    const refused = answers.filter((answer) => answer.error);
    expect(refused).toHaveLength(1);
    expect(refused[0].error).toMatchObject({ statusCode: 429, name: 'rate_limit_exceeded' });
    expect(refused[0].headers).toMatchObject({ 'retry-after': '1', 'ratelimit-limit': '2', 'ratelimit-remaining': '0' });
    expect(otherAccount.error).toBeNull();
    expect(server.emails()).toHaveLength(3);
    const refusedKey = ['one', 'two', 'three'][answers.indexOf(refused[0])];
    expect(server.rateLimited().map((request) => request.idempotencyKey)).toEqual([refusedKey]);
  });

  it('admits the refused send once the second has passed', async () => {
    const resend = new Resend('re_account', { baseUrl: server.url });
    await Promise.all([resend.emails.send(letter), resend.emails.send(letter)]);
    const tooSoon = await resend.emails.send(letter, { idempotencyKey: 'later' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const later = await resend.emails.send(letter, { idempotencyKey: 'later' });

    expect(tooSoon.error).toMatchObject({ statusCode: 429 });
    expect(later.error).toBeNull();
    expect(later.headers).toMatchObject({ 'ratelimit-remaining': '1' });
    expect(server.emails().filter((email) => email.idempotencyKey === 'later')).toHaveLength(1);
  });
});
