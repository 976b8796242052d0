import util from 'node:util';
import { sql } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { NextRequest } from 'next/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handlers } from '@/auth';
import { db, getDatabase, useDatabase } from '@/db';
import { openDatabase } from '@/db/open';
import { errorReason } from '@/lib/error-reason';
import { describeUnexpected } from '@/lib/errors';
import { deliverLetter } from '@/server/letters/deliver-letter';
import { restoreEnv, useOutboxMode } from '../helpers/mail-mode';
import { lettersOf, queueThanks, seedInterviewWithThree } from '../letters/support';
import { setupTestDatabase } from '../support/database';

setupTestDatabase();

/** A session token as Auth.js makes them here: 32 random bytes, base64url. */
const TOKEN = 'q3Vb7xK2mZ0pL9sT4wY1eR8uI6oA5dF3gH2jK7lM0nB';

/** What the process printed, as the console would print it. */
function captureLogs() {
  const lines: string[] = [];
  for (const method of ['error', 'warn', 'info', 'log', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(util.format(...args));
    });
  }
  return lines;
}

/**
 * A failed session lookup as postgres.js reports it: the server's fields, and
 * the statement and its values. 57P01 is the server shutting down (an outage),
 * 42P01 a missing table (a bug).
 */
function postgresError(code = '57P01', message = 'terminating connection due to administrator command') {
  const error = Object.assign(new Error(message), { name: 'PostgresError', code, severity: 'FATAL' });
  const query = 'select "session_token", "user_id", "expires" from "sessions" where "session_token" = $1';
  return Object.assign(error, { query, parameters: [TOKEN] });
}

/** The same, as Drizzle hands it on: the statement and its values in the message too. */
const drizzleError = (cause = postgresError()) => new DrizzleQueryError(cause.query, [TOKEN], cause);

afterEach(() => {
  vi.restoreAllMocks();
  restoreEnv();
});

describe('errorReason', () => {
  it('keeps each error’s class and code and leaves out the statement and its values', () => {
    expect(errorReason(drizzleError())).toBe(
      'DrizzleQueryError: Failed query; caused by PostgresError 57P01: terminating connection due to administrator command',
    );
  });

  it('takes values out of a message, and keeps the names Postgres quotes', () => {
    expect(errorReason(new Error(`invalid input syntax for type uuid: "${TOKEN}"`))).toBe(
      'Error: invalid input syntax for type uuid: "…"',
    );
    expect(errorReason(new Error('duplicate key value violates unique constraint "users_email_unique"'))).toBe(
      'Error: duplicate key value violates unique constraint "users_email_unique"',
    );
    expect(errorReason(new Error(`no mailbox for ada@example.com (session ${TOKEN})`))).toBe(
      'Error: no mailbox for [address] (session [redacted])',
    );
    expect(errorReason(new Error(`cannot fetch https://user:pw@api.example/confirm?token=${TOKEN}#x`))).toBe(
      'Error: cannot fetch https://api.example/confirm',
    );
    expect(errorReason(new Error(`first line\nparams: ${TOKEN}`))).toBe('Error: first line');
  });

  it('is short, and quick, whatever the message', () => {
    expect(errorReason(new Error('x'.repeat(10_000))).length).toBeLessThan(200);
    const hostile = ['a.'.repeat(50_000), 'a@'.repeat(50_000), '"'.repeat(100_000), `${TOKEN} `.repeat(2_000)];
    const started = performance.now();
    for (const message of hostile) {
      expect(errorReason(new Error(message)).length).toBeLessThan(200);
    }
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('follows the error Auth.js wraps, and says something for anything thrown', () => {
    const wrapped = Object.assign(new Error('Read more at https://errors.authjs.dev#adaptererror'), {
      name: 'AdapterError',
      cause: { err: drizzleError() },
    });
    expect(errorReason(wrapped)).toMatch(/^AdapterError: .*; caused by DrizzleQueryError: Failed query; caused by PostgresError 57P01/);
    expect(errorReason(`plain ${TOKEN}`)).toBe('plain [redacted]');
    expect(errorReason(undefined)).toBe('unknown error');
  });
});

describe('describeUnexpected', () => {
  it('logs a database outage without the token the statement was given', () => {
    const logs = captureLogs();
    const outage = drizzleError();
    outage.cause = Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:5432`), { code: 'ECONNREFUSED' });

    describeUnexpected('signIn', outage);

    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain('ECONNREFUSED');
    expect(logs.join('\n')).not.toContain(TOKEN);
    expect(logs.join('\n')).not.toContain('session_token');
  });

  it('logs a bug with where it happened, and without the statement’s values', () => {
    const logs = captureLogs();

    describeUnexpected('saveContact', drizzleError(postgresError('42P01', 'relation "sessions" does not exist')));

    expect(logs[0]).toMatch(
      /^\[saveContact\] unexpected error: DrizzleQueryError: Failed query; caused by PostgresError 42P01: relation "sessions" does not exist\n/,
    );
    expect(logs[0]).toMatch(/\n {4}at .+:\d+:\d+/);
    expect(logs.join('\n')).not.toContain(TOKEN);
  });
});

describe('a database outage during sign-in', () => {
  let original: ReturnType<typeof getDatabase>;
  let outage: ReturnType<typeof openDatabase>;
  beforeEach(() => {
    original = getDatabase();
    // Nothing listens on port 9: every statement fails to connect, as in an outage.
    outage = openDatabase({ kind: 'postgres', url: 'postgres://afterword@127.0.0.1:9/afterword', max: 1 });
    useDatabase(outage);
  });
  afterEach(async () => {
    useDatabase(original);
    await outage.close();
  });

  it('logs why the session could not be read, and never the session token', async () => {
    const logs = captureLogs();

    const response = await handlers.GET(
      new NextRequest('http://localhost:3000/api/auth/session', { headers: { cookie: `authjs.session-token=${TOKEN}` } }),
    );

    expect(response.status).toBe(200);
    expect(logs.join('\n')).toContain('ECONNREFUSED');
    expect(logs.join('\n')).not.toContain(TOKEN);
  });
});

describe('a letter whose sending fails in the database', () => {
  beforeEach(useOutboxMode);
  afterEach(async () => {
    await db.execute(sql`drop trigger if exists refuse_outbox on outbox_messages`);
  });

  it('stores a short reason as its last error, without the letter or its recipients', async () => {
    const seeded = await seedInterviewWithThree();
    const letterId = await queueThanks(seeded);
    await db.execute(sql.raw(`
      create or replace function refuse_outbox() returns trigger language plpgsql as $$
        begin raise exception 'the outbox is unavailable' using errcode = '57P03'; end $$`));
    await db.execute(
      sql.raw('create trigger refuse_outbox before insert on outbox_messages for each row execute function refuse_outbox()'),
    );

    expect((await deliverLetter(letterId)).outcome).toBe('retry');

    const [letter] = await lettersOf(seeded.ada);
    expect(letter!.lastError).toMatch(/^DrizzleQueryError: Failed query; caused by \w+ 57P03: the outbox is unavailable$/);
    for (const leak of ['grace@acme.example', 'insert into', 'params', letter!.subject]) {
      expect(letter!.lastError).not.toContain(leak);
    }
  });
});
