import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { DEFAULT_FOLLOW_UP_WEEKS, DUE_KINDS } from '../lib/dashboard/due-rules';
import { LETTER_KINDS, LETTER_RECIPIENT_ROLES } from '../lib/letters/kinds';
import { DAILY_RECIPIENT_CAP } from '../lib/letters/limits';
import { FOLLOW_UP_MODES, FOLLOW_UP_PLANS } from '../lib/follow-ups/plans';
import { DEFAULT_DIGEST_MINUTE } from '../lib/digest/schedule';
import { DEFAULT_UNDO_SECONDS } from '../lib/letters/undo';
import { LETTER_STATUSES } from '../lib/letters/status';
import type { MailPayload } from '../lib/mail/outgoing';
import { CONTACT_ROLE_IDS, INTERVIEW_KIND_IDS } from '../lib/pipeline/labels';
import { APPLICATION_STAGES } from '../lib/pipeline/stages';
import { RECEIVED_OUTCOMES, REPLY_KINDS, REPLY_MATCHES, REPLY_NEXT_STEPS } from '../lib/replies/kinds';
import type { ReceivedEvent, ReplyAttachment } from '../lib/replies/received-email';
import { ACTIVITY_KINDS } from '../lib/timeline/activity-kinds';
import { nameKey } from './name-key';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

// --- People and sign-in (column names are the ones @auth/drizzle-adapter expects) ---

export const users = pgTable('users', {
  id: text('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text('name'),
  email: text('email').notNull().unique(),
  emailVerified: timestamp('email_verified', { withTimezone: true, mode: 'date' }),
  image: text('image'),
  /** The closing block that ends every letter ("Kind regards,\nAda Lovelace"). */
  signature: text('signature'),
  /** Where replies to letters go, once confirmed by a link sent there; null means the sign-in address. */
  replyTo: text('reply_to'),
  /** How many recipients this person's letters may reach in any 24 hours (less while the account is new). */
  dailyRecipientCap: integer('daily_recipient_cap').notNull().default(DAILY_RECIPIENT_CAP),
  /** The person's own IANA time zone: their digest's hour, "their time" when an interview has none. */
  timeZone: text('time_zone').notNull().default('UTC'),
  /** How long a sent letter waits, cancellable, before it leaves; 0 sends at once. */
  undoSeconds: integer('undo_seconds').notNull().default(DEFAULT_UNDO_SECONDS),
  /** The morning digest: whether it comes, and at which minute of the person's day. */
  digestEnabled: boolean('digest_enabled').notNull().default(true),
  digestMinute: integer('digest_minute').notNull().default(DEFAULT_DIGEST_MINUTE),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const accounts = pgTable(
  'accounts',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').$type<'oauth' | 'oidc' | 'email' | 'webauthn'>().notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.providerAccountId] }),
    index('accounts_user_id_idx').on(t.userId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    sessionToken: text('session_token').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expires: timestamp('expires', { withTimezone: true, mode: 'date' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
);

/** Magic-link tokens, stored hashed by Auth.js and deleted when used. */
export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: timestamp('expires', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/** When the last sign-in mail went to an address: at most one a minute. */
export const signInThrottle = pgTable('sign_in_throttle', {
  email: text('email').primaryKey(),
  lastSentAt: timestamp('last_sent_at', { withTimezone: true }).notNull(),
});

/**
 * A reply-to address waiting for its owner to confirm it, one per person: a
 * new address replaces the one before. The link's token is stored hashed.
 */
export const replyToConfirmations = pgTable('reply_to_confirmations', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  address: text('address').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});

/**
 * Requests counted per fixed window: one row per limit, whom it counts
 * (a hash of the person, address or IP) and window. Shared by every process.
 */
export const rateLimitWindows = pgTable(
  'rate_limit_windows',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key, t.windowStart] }), index('rate_limit_windows_window_start_idx').on(t.windowStart)],
);

// --- Mail ---

export type MailTag = { name: string; value: string };

/**
 * The local outbox: where mail goes when no RESEND_API_KEY is set. Each row is
 * one message as it would have been handed to Resend.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    from: text('from').notNull(),
    to: text('to').array().notNull(),
    cc: text('cc').array().notNull().default([]),
    replyTo: text('reply_to'),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    tags: jsonb('tags').$type<MailTag[]>().notNull().default([]),
    /** Extra headers, as handed to Resend (the digest's List-Unsubscribe). */
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_messages_created_at_idx').on(t.createdAt)],
);

// --- The job search ---
//
// Every row belongs to one user. References between a user's rows are
// composite foreign keys on (user_id, id), so the database itself refuses a
// link from one person's application to another person's contact.

export const applicationStage = pgEnum('application_stage', APPLICATION_STAGES);

export const interviewKind = pgEnum('interview_kind', INTERVIEW_KIND_IDS);

export const contactRole = pgEnum('contact_role', CONTACT_ROLE_IDS);

export const activityKind = pgEnum('activity_kind', ACTIVITY_KINDS);

const userId = () =>
  text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: userId(),
    name: text('name').notNull(),
    website: text('website'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('companies_user_id_id_unique').on(t.userId, t.id),
    // A second application to the same company finds this row again, however its name is typed.
    uniqueIndex('companies_user_name_idx').on(t.userId, nameKey(t.name)),
    // The contact list's search by company: ILIKE '%…%' by trigram instead of reading every company.
    index('companies_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
  ],
);

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: userId(),
    companyId: uuid('company_id').notNull(),
    position: text('position').notNull(),
    jobUrl: text('job_url'),
    location: text('location'),
    source: text('source'),
    stage: applicationStage('stage').notNull().default('wishlist'),
    appliedOn: date('applied_on', { mode: 'string' }),
    notes: text('notes'),
    archived: boolean('archived').notNull().default(false),
    /** When the current stage began: the board's card age and "no activity for 3 weeks". */
    stageChangedAt: timestamp('stage_changed_at', { withTimezone: true }).notNull().defaultNow(),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('applications_user_id_id_unique').on(t.userId, t.id),
    foreignKey({ columns: [t.userId, t.companyId], foreignColumns: [companies.userId, companies.id] }),
    index('applications_user_stage_idx').on(t.userId, t.archived, t.stage, t.updatedAt),
    index('applications_user_updated_idx').on(t.userId, t.updatedAt),
    index('applications_user_company_idx').on(t.userId, t.companyId),
    // Outcomes' funnel by when applications were added. INCLUDE (applied_on) in migration 0005.
    index('applications_user_created_idx').on(t.userId, t.createdAt),
    // The dashboard: rejections by date, and applications in play by how long they have been quiet.
    index('applications_user_stage_changed_idx').on(t.userId, t.archived, t.stage, t.stageChangedAt),
    index('applications_user_in_play_activity_idx')
      .on(t.userId, t.lastActivityAt)
      .where(sql`not ${t.archived} and ${t.stage} in ('applied', 'interviewing', 'offer')`),
  ],
);

/** Every stage an application has been in; `changedAt` can be corrected by the person. */
export const stageChanges = pgTable(
  'stage_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: userId(),
    applicationId: uuid('application_id').notNull(),
    fromStage: applicationStage('from_stage'),
    toStage: applicationStage('to_stage').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.userId, t.applicationId], foreignColumns: [applications.userId, applications.id] }).onDelete(
      'cascade',
    ),
    index('stage_changes_application_idx').on(t.applicationId, t.changedAt),
    index('stage_changes_user_to_stage_idx').on(t.userId, t.toStage, t.changedAt),
    // Outcomes' funnel: every move of a person's applications. INCLUDE (to_stage, changed_at) in migration 0005.
    index('stage_changes_user_application_idx').on(t.userId, t.applicationId),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: userId(),
    name: text('name').notNull(),
    email: text('email'),
    title: text('title'),
    companyId: uuid('company_id'),
    phone: text('phone'),
    linkedinUrl: text('linkedin_url'),
    notes: text('notes'),
    /** Weeks from the last letter to a follow-up check-in: null is the default (6), 0 is off. */
    followUpWeeks: integer('follow_up_weeks'),
    /** When the person last marked a reply from them: it stops the follow-up for letters before it. */
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    /**
     * The last real letter to them, To or CC, that went or is on its way
     * (refreshed in the same transaction as every write that changes it), so
     * the dashboard finds follow-ups due by index instead of searching every letter.
     */
    lastLetterAt: timestamp('last_letter_at', { withTimezone: true }),
    lastLetterId: uuid('last_letter_id'),
    /**
     * When a follow-up check-in comes due: the cadence after the last letter;
     * null when follow-ups are off or they replied since. Postgres computes it,
     * so it can never disagree with the columns above. The weeks are counted
     * in UTC: a stored column must not depend on the session's time zone.
     */
    followUpDueAt: timestamp('follow_up_due_at', { withTimezone: true }).generatedAlwaysAs(
      sql.raw(
        `case when coalesce(follow_up_weeks, ${DEFAULT_FOLLOW_UP_WEEKS}) > 0 and (replied_at is null or replied_at < last_letter_at) ` +
          `then ((last_letter_at at time zone 'UTC') + make_interval(weeks => coalesce(follow_up_weeks, ${DEFAULT_FOLLOW_UP_WEEKS}))) at time zone 'UTC' end`,
      ),
    ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('contacts_user_id_id_unique').on(t.userId, t.id),
    foreignKey({ columns: [t.userId, t.companyId], foreignColumns: [companies.userId, companies.id] }),
    uniqueIndex('contacts_user_email_idx')
      .on(t.userId, sql`lower(${t.email})`)
      .where(sql`${t.email} is not null`),
    index('contacts_user_name_idx').on(t.userId, t.name),
    // Searches by name, email and title (ILIKE '%…%': the contact list, the applications table, the
    // pickers) by trigram. One index a column, not one over their concatenation: each search ORs its
    // own columns and Postgres ORs the indexes' bitmaps, and no match can span two fields.
    index('contacts_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('contacts_email_trgm_idx').using('gin', t.email.op('gin_trgm_ops')),
    index('contacts_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
    index('contacts_user_company_idx').on(t.userId, t.companyId),
    // The dashboard's follow-ups due, most recently due first.
    index('contacts_user_follow_up_due_idx').on(t.userId, t.followUpDueAt).where(sql`${t.followUpDueAt} is not null`),
  ],
);

/**
 * A contact's part in an application. At most one is the primary contact
 * (the To of a thank-you), enforced by a partial unique index. Contacts
 * outlive applications: deleting an application removes only these links.
 */
export const applicationContacts = pgTable(
  'application_contacts',
  {
    userId: userId(),
    applicationId: uuid('application_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    role: contactRole('role').notNull().default('interviewer'),
    isPrimary: boolean('is_primary').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.contactId] }),
    foreignKey({ columns: [t.userId, t.applicationId], foreignColumns: [applications.userId, applications.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.userId, t.contactId], foreignColumns: [contacts.userId, contacts.id] }).onDelete('cascade'),
    uniqueIndex('application_contacts_one_primary_idx').on(t.applicationId).where(sql`${t.isPrimary}`),
    index('application_contacts_contact_idx').on(t.contactId),
  ],
);

export const interviews = pgTable(
  'interviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: userId(),
    applicationId: uuid('application_id').notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    /** The IANA zone the person entered the time in, to show it back the same way. */
    timeZone: text('time_zone').notNull().default('UTC'),
    kind: interviewKind('kind').notNull(),
    location: text('location'),
    notes: text('notes'),
    /** "What impressed you most?", in the candidate's own words: the heart of the letter. */
    impression: text('impression'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('interviews_user_id_id_unique').on(t.userId, t.id),
    foreignKey({ columns: [t.userId, t.applicationId], foreignColumns: [applications.userId, applications.id] }).onDelete(
      'cascade',
    ),
    index('interviews_application_idx').on(t.applicationId, t.scheduledAt),
    index('interviews_user_scheduled_idx').on(t.userId, t.scheduledAt),
    // Outcomes' funnel and pay-off: each application's interviews in order.
    index('interviews_user_application_idx').on(t.userId, t.applicationId, t.scheduledAt),
  ],
);

/** Who was at an interview. */
export const interviewAttendees = pgTable(
  'interview_attendees',
  {
    userId: userId(),
    interviewId: uuid('interview_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.interviewId, t.contactId] }),
    foreignKey({ columns: [t.userId, t.interviewId], foreignColumns: [interviews.userId, interviews.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.userId, t.contactId], foreignColumns: [contacts.userId, contacts.id] }).onDelete('cascade'),
    index('interview_attendees_contact_idx').on(t.contactId),
  ],
);

/** What happened, when: feeds each application's timeline and the dashboard. */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: userId(),
    kind: activityKind('kind').notNull(),
    applicationId: uuid('application_id'),
    contactId: uuid('contact_id'),
    interviewId: uuid('interview_id'),
    /** Short, display-ready facts (e.g. `{ from: 'applied', to: 'interviewing' }`), never HTML. */
    detail: jsonb('detail').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    // Deleting an application, contact or interview removes its events with it.
    foreignKey({ columns: [t.userId, t.applicationId], foreignColumns: [applications.userId, applications.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.userId, t.contactId], foreignColumns: [contacts.userId, contacts.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.userId, t.interviewId], foreignColumns: [interviews.userId, interviews.id] }).onDelete(
      'cascade',
    ),
    index('activities_user_occurred_idx').on(t.userId, t.occurredAt),
    index('activities_application_occurred_idx').on(t.applicationId, t.occurredAt),
    index('activities_contact_occurred_idx').on(t.contactId, t.occurredAt),
    // Deleting an interview cascades here; without it each deleted interview scans the table.
    index('activities_user_interview_idx').on(t.userId, t.interviewId),
  ],
);

// --- Letters ---

export const followUpPlanKind = pgEnum('follow_up_plan', FOLLOW_UP_PLANS);
export const followUpMode = pgEnum('follow_up_mode', FOLLOW_UP_MODES);

/**
 * How a follow-up plan runs: the person's defaults (application_id null, one
 * per plan) and an application's own override of them (one per plan). A
 * missing default is the built-in one. `stoppedAt` is the person's Stop.
 */
export const followUpPlans = pgTable(
  'follow_up_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: userId(),
    applicationId: uuid('application_id'),
    plan: followUpPlanKind('plan').notNull(),
    mode: followUpMode('mode').notNull(),
    /** Days from the plan's start (applied, thank-you sent, rejected) to its first letter. */
    firstWaitDays: integer('first_wait_days').notNull(),
    /** Days between later letters, when there are several. */
    repeatEveryDays: integer('repeat_every_days').notNull(),
    maxLetters: integer('max_letters').notNull(),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({ columns: [t.userId, t.applicationId], foreignColumns: [applications.userId, applications.id] }).onDelete(
      'cascade',
    ),
    uniqueIndex('follow_up_plans_default_unique').on(t.userId, t.plan).where(sql`${t.applicationId} is null`),
    uniqueIndex('follow_up_plans_application_unique').on(t.userId, t.applicationId, t.plan).where(sql`${t.applicationId} is not null`),
  ],
);

export const letterKind = pgEnum('letter_kind', LETTER_KINDS);

export const letterStatus = pgEnum('letter_status', LETTER_STATUSES);

export const letterRecipientRole = pgEnum('letter_recipient_role', LETTER_RECIPIENT_ROLES);

/**
 * A person's own templates: an edited copy of a built-in (`builtinKind` set,
 * at most one per kind; deleting it resets the built-in) or one of their own.
 */
export const letterTemplates = pgTable(
  'letter_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: userId(),
    kind: letterKind('kind').notNull(),
    builtinKind: letterKind('builtin_kind'),
    name: text('name').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('letter_templates_user_id_id_unique').on(t.userId, t.id),
    uniqueIndex('letter_templates_builtin_unique')
      .on(t.userId, t.builtinKind)
      .where(sql`${t.builtinKind} is not null`),
    index('letter_templates_user_kind_idx').on(t.userId, t.kind),
  ],
);

/** Scheduled or queued: `scheduled` is first in the enum, `queued` second (see LETTER_STATUSES). */
export const WAITING_TO_LEAVE = (status: AnyPgColumn) => sql`${status} <= 'queued'`;
/** Scheduled alone, said the same way, so the partial index and the queries agree. */
export const SCHEDULED = (status: AnyPgColumn) => sql`${status} < 'queued'`;

/**
 * One email, exactly as it is (or was) handed to Resend. It is written before
 * anything is sent, so a crash never loses it, and a retry always sends this
 * same body with this same idempotency key.
 */
export const letters = pgTable(
  'letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: userId(),
    kind: letterKind('kind').notNull(),
    /** The custom template used, if any; kept loose so deleting a template keeps its letters. */
    templateId: uuid('template_id'),
    /** The template's name when the letter was written, for lists and filters. */
    templateName: text('template_name').notNull(),
    applicationId: uuid('application_id'),
    interviewId: uuid('interview_id'),
    /** Letters written by one click share a group: one letter, or one per person. */
    groupId: uuid('group_id').notNull(),
    separate: boolean('separate').notNull().default(false),
    isTest: boolean('is_test').notNull().default(false),
    fromName: text('from_name').notNull(),
    replyTo: text('reply_to').notNull(),
    subject: text('subject').notNull(),
    /** The letter's words as the person approved them, before rendering. */
    body: text('body').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /**
     * The request body as first handed to Resend, recipients in their order;
     * every retry under this key sends exactly it. Null until the first attempt.
     */
    payload: jsonb('payload').$type<MailPayload>(),
    status: letterStatus('status').notNull().default('queued'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    /** In local-outbox mode nothing leaves the machine; such letters are labelled so. */
    deliveredLocally: boolean('delivered_locally').notNull().default(false),
    resendId: text('resend_id').unique(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * When the person (or their automatic plan) asked for it to leave; null
     * is at once. A `scheduled` letter waits until then with
     * next_attempt_at = scheduled_for, and can be stopped until a sender claims it.
     */
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }),
    /** Written by an automatic follow-up plan, not by a click. */
    automatic: boolean('automatic').notNull().default(false),
    /** The follow-up plan and step that wrote it, if any: one letter per step, per person. */
    plan: followUpPlanKind('plan'),
    planStep: integer('plan_step'),
    /** A sender holds a letter until then; a crashed sender's claim simply runs out. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /**
     * The Message-ID Afterword gave the letter (`<letter-…@…>`), sent as its
     * header: a reply names it in In-Reply-To or References. Null for letters
     * written before replies were read.
     */
    messageId: text('message_id'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('letters_user_id_id_unique').on(t.userId, t.id),
    uniqueIndex('letters_message_id_unique').on(t.messageId).where(sql`${t.messageId} is not null`),
    foreignKey({ columns: [t.userId, t.applicationId], foreignColumns: [applications.userId, applications.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.userId, t.interviewId], foreignColumns: [interviews.userId, interviews.id] }).onDelete(
      'cascade',
    ),
    // Both carry the columns Outcomes counts by, INCLUDEd in migration 0005 (drizzle
    // cannot say INCLUDE): the figures are then read from the index, not the table.
    index('letters_user_created_idx').on(t.userId, t.createdAt),
    index('letters_user_status_idx').on(t.userId, t.status, t.createdAt),
    index('letters_application_idx').on(t.applicationId, t.createdAt),
    index('letters_interview_idx').on(t.interviewId),
    index('letters_group_idx').on(t.groupId),
    // The names of a person's templates for the letters list's filter, read by skipping from name to name.
    index('letters_user_template_idx').on(t.userId, t.templateName),
    // What a sender may take: scheduled or queued, the first two statuses in the enum's order.
    // Said by order because Postgres refuses to name an enum value in the migration that adds it.
    index('letters_due_idx').on(t.nextAttemptAt).where(WAITING_TO_LEAVE(t.status)),
    // A person's letters waiting for their time: /letters, the undo bar, the digest.
    index('letters_user_scheduled_idx').on(t.userId, t.nextAttemptAt).where(SCHEDULED(t.status)),
    index('letters_application_plan_idx').on(t.applicationId, t.plan, t.planStep).where(sql`${t.plan} is not null`),
    // The dashboard's "needs attention": lost letters and those waiting on a decision, newest first.
    index('letters_user_attention_idx')
      .on(t.userId, t.statusChangedAt)
      .where(sql`${t.status} in ('bounced', 'complained', 'failed', 'suppressed', 'needs_decision') and not ${t.isTest}`),
  ],
);

/** Who a letter went to. The address is kept even if the contact is later deleted. */
export const letterRecipients = pgTable(
  'letter_recipients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: userId(),
    letterId: uuid('letter_id').notNull(),
    role: letterRecipientRole('role').notNull(),
    contactId: uuid('contact_id'),
    name: text('name'),
    email: text('email').notNull(),
    /**
     * "This letter, for this occasion, to this person": unique while set, so a
     * double click, a second tab or a replayed request cannot write it twice.
     * Cleared when the letter fails, so the person can send it again.
     */
    dedupeKey: text('dedupe_key'),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.userId, t.letterId], foreignColumns: [letters.userId, letters.id] }).onDelete('cascade'),
    uniqueIndex('letter_recipients_dedupe_unique')
      .on(t.userId, t.dedupeKey)
      .where(sql`${t.dedupeKey} is not null`),
    index('letter_recipients_letter_idx').on(t.letterId),
    index('letter_recipients_user_created_idx').on(t.userId, t.createdAt),
    // A contact's letters newest first: their page, and their last letter.
    index('letter_recipients_contact_idx').on(t.userId, t.contactId, t.createdAt),
    // A reply matched only by its sender: who wrote to that address lately, across people.
    index('letter_recipients_email_idx').on(t.email, t.createdAt),
  ],
);

/**
 * What Resend said happened to a letter, one row per webhook delivery
 * (`svix_id`). An event that arrives before its letter is kept unmatched
 * (letter_id null) and matched when the letter is recorded.
 */
export const letterEvents = pgTable(
  'letter_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    svixId: text('svix_id').notNull().unique(),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    letterId: uuid('letter_id'),
    type: text('type').notNull(),
    emailId: text('email_id'),
    tagLetterId: text('tag_letter_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** Display-ready facts from the event (bounce reason, clicked link), never HTML. */
    detail: jsonb('detail').$type<Record<string, string | null>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.userId, t.letterId], foreignColumns: [letters.userId, letters.id] }).onDelete('cascade'),
    index('letter_events_letter_idx').on(t.letterId, t.occurredAt),
    index('letter_events_unmatched_email_idx').on(t.emailId).where(sql`${t.letterId} is null`),
    index('letter_events_unmatched_tag_idx').on(t.tagLetterId).where(sql`${t.letterId} is null`),
    // Housekeeping prunes unmatched events by age, oldest first.
    index('letter_events_unmatched_created_idx').on(t.createdAt).where(sql`${t.letterId} is null`),
  ],
);

/** Addresses that bounced or complained: not written to again until the person fixes them. */
export const flaggedAddresses = pgTable(
  'flagged_addresses',
  {
    userId: userId(),
    /** Lower-cased by the database's lower(), as the addresses it is compared with are. */
    email: text('email').notNull(),
    reason: letterStatus('reason').notNull(),
    letterId: uuid('letter_id'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.email] })],
);

/**
 * One row per letter written, with how many people it reaches: what the
 * daily recipient cap counts. Append-only: nothing a person does deletes a
 * row, and there is no foreign key, so deleting an application, a letter or
 * the account leaves it. Once the account is gone, its user id names no one.
 */
export const sendingLedger = pgTable(
  'sending_ledger',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: text('user_id').notNull(),
    recipients: integer('recipients').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sending_ledger_user_created_idx').on(t.userId, t.createdAt)],
);

/**
 * Resend said the account's daily or monthly quota is spent: no letter is
 * handed over until `until`, by any process. One row per quota.
 */
export const sendingPauses = pgTable('sending_pauses', {
  quota: text('quota').$type<'daily' | 'monthly'>().primaryKey(),
  until: timestamp('until', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});

// --- The morning digest ---

/**
 * One row per person and day (their own day, in their time zone) a digest
 * was sent for: the primary key is what makes it once a day, however many
 * processes run the queue. Written in the same transaction that hands the
 * digest to the mail path's idempotency key.
 */
export const digestSends = pgTable(
  'digest_sends',
  {
    userId: userId(),
    day: date('day', { mode: 'string' }).notNull(),
    /** How many things were due; 0 is a day with nothing to send (and no mail). */
    items: integer('items').notNull(),
    /** When the mail path took it; null while decided but not handed over (a crash, an outage): the next run sends it again. */
    handedOverAt: timestamp('handed_over_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.day] }),
    index('digest_sends_waiting_idx').on(t.createdAt).where(sql`${t.handedOverAt} is null and ${t.items} > 0`),
  ],
);

/**
 * A digest's "Send" link: it names one occasion or letter of one person,
 * works once, for 24 hours. Only the token's hash is kept.
 */
export const digestLinks = pgTable(
  'digest_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: userId(),
    /** What Send does: the occasion's fields, or { letterId } for a letter that waits. */
    target: jsonb('target').$type<Record<string, string>>().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('digest_links_user_idx').on(t.userId), index('digest_links_expires_idx').on(t.expiresAt)],
);

// --- Replies ---

export const receivedOutcome = pgEnum('received_outcome', RECEIVED_OUTCOMES);
export const replyKind = pgEnum('reply_kind', REPLY_KINDS);
export const replyMatch = pgEnum('reply_match', REPLY_MATCHES);
export const replyNextStep = pgEnum('reply_next_step', REPLY_NEXT_STEPS);

/**
 * Every email Resend received for INBOUND_DOMAIN (or the outbox simulated),
 * by Resend's id, so a delivery repeated is one row. The webhook writes only
 * this and answers; a job then fetches the email and records it as a reply,
 * retrying while Resend's receiving API fails, so nothing is lost or doubled.
 * Nobody's until matched, like an unmatched letter event.
 */
export const receivedEmails = pgTable(
  'received_emails',
  {
    emailId: text('email_id').primaryKey(),
    /** The webhook's facts (sender, recipients, Message-ID, subject), never the body. */
    event: jsonb('event').$type<ReceivedEvent>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    outcome: receivedOutcome('outcome'),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('received_emails_waiting_idx').on(t.nextAttemptAt).where(sql`${t.settledAt} is null`)],
);

/**
 * An email that came back and was matched to one person: to a letter when
 * the reply address or the thread names one, else only to the contact who
 * wrote. What is kept: the sender, subject, the reply's own words (quoted
 * history trimmed), its HTML for a sandboxed frame, and attachments' names
 * and sizes, never their content.
 */
export const replies = pgTable(
  'replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: userId(),
    emailId: text('email_id').notNull().unique(),
    letterId: uuid('letter_id'),
    /** Set null when the application is deleted, as its sent letters are detached and kept (0012). */
    applicationId: uuid('application_id'),
    /** The contact who wrote, when the address is one of the person's contacts (set null if they are deleted: 0012). */
    contactId: uuid('contact_id'),
    kind: replyKind('kind').notNull(),
    match: replyMatch('match').notNull(),
    /** Written by someone the letter did not go to: a forward answered by a colleague. */
    fromSomeoneNew: boolean('from_someone_new').notNull().default(false),
    fromName: text('from_name'),
    fromEmail: text('from_email').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    attachments: jsonb('attachments').$type<ReplyAttachment[]>().notNull().default([]),
    nextStep: replyNextStep('next_step').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** When the person acted on it (a suggestion, or Mark as read); until then it leads the dashboard. */
    handledAt: timestamp('handled_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.userId, t.letterId], foreignColumns: [letters.userId, letters.id] }).onDelete('cascade'),
    index('replies_user_waiting_idx')
      .on(t.userId, t.receivedAt)
      .where(sql`${t.handledAt} is null and ${t.kind} = 'reply'`),
    index('replies_letter_idx').on(t.letterId, t.receivedAt),
    index('replies_application_idx').on(t.applicationId, t.receivedAt),
    index('replies_user_received_idx').on(t.userId, t.receivedAt),
    index('replies_contact_idx').on(t.userId, t.contactId),
    // And replies_user_letter_replied_idx (user_id, letter_id) INCLUDE (received_at) where kind = 'reply',
    // for Outcomes' reply rates: written in migration 0012, since drizzle cannot say INCLUDE.
  ],
);

// --- Running as several processes ---

/**
 * Resend's rate limit is per account, so every process paces its sends from
 * this one row per limit: a sender takes the next slot with one atomic
 * statement, and a 429 any of them hears pushes the row for all.
 */
export const sendPacing = pgTable('send_pacing', {
  name: text('name').primaryKey(),
  /** The next free moment to send; a taker gets max(this, now) and moves it on by one spacing. */
  nextAt: timestamp('next_at', { withTimezone: true }).notNull(),
  /** Milliseconds between sends, from the limit Resend last reported (less one a second for sign-in mail). */
  spacingMs: integer('spacing_ms').notNull(),
  updatedAt: updatedAt(),
});

/** Each queue worker says it is alive every few seconds; /api/health reports the latest. */
export const workerHeartbeats = pgTable('worker_heartbeats', {
  /** host:pid:start, unique per process. */
  worker: text('worker').primaryKey(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
});

// --- The dashboard ---

export const dueKind = pgEnum('due_kind', DUE_KINDS);

/**
 * A row of "What is due" the person dismissed or snoozed. The subject is the
 * interview, application, contact or letter the row is about. A dismissal
 * lasts until what the row is about changes (a new letter, new activity);
 * a snooze also ends at `until`.
 */
export const dashboardDismissals = pgTable(
  'dashboard_dismissals',
  {
    userId: userId(),
    kind: dueKind('kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }).notNull().defaultNow(),
    until: timestamp('until', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.subjectId] })],
);

// --- The dashboard's snapshots ---

/** Bytes, as Node's v8 serializer writes them (Dates and Maps come back as they went in). */
const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * One row per statement that wrote any of a person's rows: triggers on every
 * table the dashboard reads add it (migration 0006), so no write path can
 * forget to. The dashboard's snapshots are good while this log is as it was
 * when they were computed. No foreign key: the rows a deleted person's
 * cascade removes must not be logged against a person who is gone (the
 * trigger skips them), and housekeeping prunes the log.
 */
export const dashboardChanges = pgTable(
  'dashboard_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: text('user_id').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dashboard_changes_user_idx').on(t.userId, t.id)],
);

/**
 * The dashboard's lists and figures for one person and one view (`key`:
 * "due", "outcomes:90", …), kept so a view with nothing changed reads one
 * row instead of recomputing them.
 */
export const dashboardSnapshots = pgTable(
  'dashboard_snapshots',
  {
    userId: userId(),
    key: text('key').notNull(),
    data: bytes('data').notNull(),
    /** The change log as it stood when this was computed: its last id and its length. */
    lastChangeId: bigint('last_change_id', { mode: 'number' }).notNull(),
    changes: integer('changes').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

export type User = typeof users.$inferSelect;
export type Company = typeof companies.$inferSelect;
export type Application = typeof applications.$inferSelect;
export type StageChange = typeof stageChanges.$inferSelect;
export type Contact = typeof contacts.$inferSelect;
export type Reply = typeof replies.$inferSelect;
export type ApplicationContact = typeof applicationContacts.$inferSelect;
export type Interview = typeof interviews.$inferSelect;
export type Activity = typeof activities.$inferSelect;
export type OutboxMessage = typeof outboxMessages.$inferSelect;
export type LetterTemplate = typeof letterTemplates.$inferSelect;
export type Letter = typeof letters.$inferSelect;
export type LetterRecipient = typeof letterRecipients.$inferSelect;
export type LetterEvent = typeof letterEvents.$inferSelect;
export type FollowUpPlan = typeof followUpPlans.$inferSelect;
