import { sql } from 'drizzle-orm';
import {
  boolean,
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
} from 'drizzle-orm/pg-core';

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
  /** Where replies to letters go; null means the sign-in address. */
  replyTo: text('reply_to'),
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
    createdAt: createdAt(),
  },
  (t) => [index('outbox_messages_created_at_idx').on(t.createdAt)],
);

// --- The job search ---
//
// Every row belongs to one user. References between a user's rows are
// composite foreign keys on (user_id, id), so the database itself refuses a
// link from one person's application to another person's contact.

export const applicationStage = pgEnum('application_stage', [
  'wishlist',
  'applied',
  'interviewing',
  'offer',
  'accepted',
  'rejected',
  'withdrawn',
  'declined',
  'ghosted',
]);

export const interviewKind = pgEnum('interview_kind', ['phone_screen', 'video', 'onsite', 'panel', 'final']);

export const contactRole = pgEnum('contact_role', ['interviewer', 'recruiter', 'hiring_manager', 'referrer']);

export const activityKind = pgEnum('activity_kind', [
  'application_created',
  'application_updated',
  'stage_changed',
  'interview_logged',
  'interview_updated',
  'contact_added',
  'contact_linked',
  'contact_unlinked',
  'contacts_merged',
  'letter_sent',
]);

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
    // A second application to the same company finds this row again, whatever the case.
    uniqueIndex('companies_user_name_idx').on(t.userId, sql`lower(${t.name})`),
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
  ],
);

export type User = typeof users.$inferSelect;
export type ApplicationStage = (typeof applicationStage.enumValues)[number];
export type InterviewKind = (typeof interviewKind.enumValues)[number];
export type ContactRole = (typeof contactRole.enumValues)[number];
export type ActivityKind = (typeof activityKind.enumValues)[number];
export type Company = typeof companies.$inferSelect;
export type Application = typeof applications.$inferSelect;
export type StageChange = typeof stageChanges.$inferSelect;
export type Contact = typeof contacts.$inferSelect;
export type ApplicationContact = typeof applicationContacts.$inferSelect;
export type Interview = typeof interviews.$inferSelect;
export type Activity = typeof activities.$inferSelect;
export type OutboxMessage = typeof outboxMessages.$inferSelect;
