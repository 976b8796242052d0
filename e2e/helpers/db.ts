import crypto from 'node:crypto';
import postgres from 'postgres';

/**
 * The e2e database, reached directly: tests seed people and inspect what the
 * app wrote, as documenso's suite does, instead of trusting the UI alone.
 */
let client: postgres.Sql | undefined;
export function sql() {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL is not set: run the e2e tests with `npm run test:e2e`');
  client ??= postgres(url, { max: 2, onnotice: () => {} });
  return client;
}

export function uniqueEmail(label: string) {
  return `${label}-${crypto.randomUUID().slice(0, 8)}@example.com`;
}

export type SeededUser = { id: string; email: string; name: string | null; sessionToken: string };

/**
 * A person with a live database session, signed in without going through
 * mail. The undo window is off unless asked for: most journeys are about what
 * happens once a letter leaves, and undo has journeys of its own.
 */
export async function seedUser(options: { email?: string; name?: string | null; undoSeconds?: number } = {}): Promise<SeededUser> {
  const email = options.email ?? uniqueEmail('person');
  const name = options.name === undefined ? 'Ada Lovelace' : options.name;
  const id = crypto.randomUUID();
  const sessionToken = crypto.randomUUID();
  await sql()`insert into users (id, email, name, email_verified, undo_seconds) values (${id}, ${email}, ${name}, now(), ${options.undoSeconds ?? 0})`;
  await sql()`insert into sessions (session_token, user_id, expires) values (${sessionToken}, ${id}, now() + interval '1 day')`;
  return { id, email, name, sessionToken };
}

/**
 * The clock, moved on for one scheduled letter: it is due in a moment, and so
 * is the queue's wake-up for it (else the minute's sweep finds it, a little later).
 */
export async function makeDueNow(letterId: string) {
  await sql()`update letters set scheduled_for = now() + interval '2 seconds', next_attempt_at = now() + interval '2 seconds'
    where id = ${letterId} and status = 'scheduled'`;
  await sql()`update pgboss.job set start_after = now() + interval '2 seconds'
    where name = 'letter-send' and data->>'letterId' = ${letterId} and state = 'created'`.catch(() => undefined);
}
