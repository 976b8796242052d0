import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectQueries, type PersonTable, type QueryFunction } from './user-scope';

/**
 * Every exported query in db/queries that reads or writes a person's rows is
 * told whose: it takes `userId` (a parameter, a destructured field, or a
 * parameter whose type carries a string userId, such as OutcomeScope). The
 * few that work across people by design are listed here, each with why.
 */
const ACROSS_PEOPLE: Record<string, string> = {
  'db/queries/letter-queue.ts#claimLetter':
    'the sender is woken with a letter id and no session; the person comes from the letter row it claims.',
  'db/queries/letter-queue.ts#dueLetterIds': "the sender lists every person's due letters, oldest first.",
  'db/queries/letter-queue.ts#isReadyToSend': "a woken sender checks one letter, by id, before it takes a sending slot; it reads no person's data.",
  'db/queries/letter-events.ts#findLetterForEvent':
    'a Resend webhook carries no session; the letter is found by its tag or Resend id, and the person from that row.',
  'db/queries/letter-events.ts#insertUnmatchedEvent':
    'an event that arrives before its letter is known belongs to no one yet (user_id null) until a letter claims it.',
  'db/queries/letter-events.ts#deleteUnmatchedEventsBefore':
    'housekeeping prunes old unmatched events, which belong to no one (user_id null).',
  'db/queries/follow-up-plan-people.ts#peopleWithAutomaticPlans':
    'the automatic follow-up job runs with no session: it lists who has a plan on Automatic, then reads each person’s steps scoped to them.',
  'db/queries/digest.ts#digestSubscribers': 'the digest job looks at everyone whose digest is on, to see whose time has come.',
  'db/queries/digest.ts#digestDaysSince': 'the digest job reads which people already have a digest for their day, all at once.',
  'db/queries/digest.ts#deleteDigestLinksExpiredBefore': 'housekeeping deletes every person’s expired Send links, by age.',
  'db/queries/digest.ts#digestsNotHandedOver': "the digest job finds every person's digest decided but not handed over, to send it again.",
  'db/queries/reply-matching.ts#letterForReplyAddress':
    'a received email carries no session; its verified reply address names the letter, and the person comes from that row.',
  'db/queries/reply-matching.ts#letterForMessageIds':
    "a received email names its parent's Message-ID, which only that person's letter has; the person comes from the letter.",
  'db/queries/reply-matching.ts#letterForSender':
    'the weakest match for a received email: whoever wrote to its sender lately, and only when that is exactly one person.',
  'db/queries/dashboard-snapshot.ts#pruneDashboardChanges':
    "housekeeping trims every person's dashboard change log, and drops the log of people who are gone.",
};

const root = path.resolve(import.meta.dirname, '../..');
const unscoped = (functions: QueryFunction[]) => functions.filter((fn) => fn.touches.length > 0 && !fn.takesUserId);

describe('queries on a person’s tables take userId', () => {
  let tables: PersonTable[];
  let functions: QueryFunction[];
  beforeAll(() => {
    ({ tables, functions } = inspectQueries(root));
  });

  it('finds the person’s tables in db/schema.ts (and only theirs)', () => {
    const names = tables.map((table) => table.name);
    expect(names).toEqual(expect.arrayContaining(['users', 'applications', 'contacts', 'letters', 'letterEvents']));
    expect(names).not.toContain('outboxMessages');
    expect(names).not.toContain('signInThrottle');
    expect(names).not.toContain('verificationTokens');
  });

  it('reads the shapes queries are written in', () => {
    const byId = new Map(functions.map((fn) => [fn.id, fn]));
    expect(functions.length).toBeGreaterThan(100);
    // A positional userId.
    expect(byId.get('db/queries/applications.ts#getApplication')).toMatchObject({ takesUserId: true, touches: ['applications', 'companies'] });
    // A destructured scope, and raw SQL naming its tables.
    expect(byId.get('db/queries/outcomes/pipeline.ts#stagesNowQuery')).toMatchObject({ takesUserId: true, touches: ['applications'] });
    // A whole scope, passed on to a helper that touches the tables.
    expect(byId.get('db/queries/outcomes/pipeline.ts#stagesNow')).toMatchObject({ takesUserId: true, touches: ['applications'] });
    // No person's tables at all.
    expect(byId.get('db/queries/outbox.ts#listOutbox')).toMatchObject({ touches: [] });
  });

  it('every query that touches a person’s tables takes userId, or is listed as working across people', () => {
    const missing = unscoped(functions)
      .filter((fn) => !(fn.id in ACROSS_PEOPLE))
      .map((fn) => `${fn.id} touches ${fn.touches.join(', ')} but takes no userId`);
    expect(missing).toEqual([]);
  });

  it('every query listed as working across people still exists and still needs to be listed', () => {
    const stillUnscoped = new Set(unscoped(functions).map((fn) => fn.id));
    const stale = Object.keys(ACROSS_PEOPLE).filter((id) => !stillUnscoped.has(id));
    expect(stale, 'gone, renamed, now taking userId, or touching no person’s table: take it off the list').toEqual([]);
  });
});

describe('the check itself', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'user-scope-'));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    write(
      'db/schema.ts',
      `import { pgTable, text } from 'drizzle-orm/pg-core';
const userId = () => text('user_id').notNull().references(() => people.id);
export const people = pgTable('people', { id: text('id').primaryKey() });
export const notes = pgTable('notes', { id: text('id'), owner: userId(), body: text('body') });
export const tags = pgTable('tags', { id: text('id'), label: text('label') });
`,
    );
    write(
      'db/queries/notes.ts',
      `import { sql } from 'drizzle-orm';
import { notes, tags } from '../schema';
declare const db: any;
type Scope = { userId: string; since: Date };
const scopedNotes = (id: string) => db.select().from(notes).where(id);

export async function everyonesNotes() { return db.select().from(notes); }
export const rawNotes = () => sql\`select * from notes\`;
export function throughHelper() { return scopedNotes('x'); }
export async function myNotes(userId: string) { return db.select().from(notes).where(userId); }
export function scopedRaw({ userId }: Scope) { return sql\`select * from notes where owner = \${userId}\`; }
export function wholeScope(scope: Scope) { return db.select().from(notes).where(scope.userId); }
export const allTags = () => db.select().from(tags);
`,
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('flags a query on a person’s table that takes no userId, and passes the ones that do', () => {
    const { tables, functions } = inspectQueries(dir);
    expect(tables.map((table) => table.name).sort()).toEqual(['notes', 'people']);
    expect(unscoped(functions).map((fn) => fn.id)).toEqual([
      'db/queries/notes.ts#everyonesNotes',
      'db/queries/notes.ts#rawNotes',
      'db/queries/notes.ts#throughHelper',
    ]);
    expect(functions.find((fn) => fn.id.endsWith('#allTags'))).toMatchObject({ touches: [] });
  });
});
