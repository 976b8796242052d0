import crypto from 'node:crypto';
import { sql } from './db';

/**
 * Seeds job-search rows straight into the e2e database, for specs that need
 * a starting point. Rows are shaped as the app writes them (a company per
 * name, a first stage change), so pages treat them like any other.
 */
export async function seedApplication(
  userId: string,
  options: { company?: string; position?: string; stage?: string; archived?: boolean } = {},
) {
  const company = options.company ?? 'Acme Rockets';
  const [{ id: companyId }] = await sql()`
    insert into companies (user_id, name) values (${userId}, ${company})
    -- The unique index's own key (the app's name key): the same company however it is typed.
    on conflict (user_id, replace(lower(upper(normalize(name, NFC))), 'ß', 'ss')) do update set name = companies.name
    returning id`;
  const id = crypto.randomUUID();
  const stage = options.stage ?? 'wishlist';
  await sql()`
    insert into applications (id, user_id, company_id, position, stage, archived)
    values (${id}, ${userId}, ${companyId}, ${options.position ?? 'Flight Engineer'}, ${stage}, ${options.archived ?? false})`;
  await sql()`insert into stage_changes (user_id, application_id, to_stage) values (${userId}, ${id}, ${stage})`;
  await sql()`insert into activities (user_id, kind, application_id, detail)
    values (${userId}, 'application_created', ${id}, ${sql().json({ company, position: options.position ?? 'Flight Engineer', stage })})`;
  return { id, companyId, company };
}

export async function seedContact(userId: string, options: { name?: string; email?: string | null; title?: string } = {}) {
  const id = crypto.randomUUID();
  const email = options.email === undefined ? `${crypto.randomUUID().slice(0, 8)}@contact.example` : options.email;
  await sql()`insert into contacts (id, user_id, name, email, title)
    values (${id}, ${userId}, ${options.name ?? 'Grace Hopper'}, ${email}, ${options.title ?? null})`;
  return { id, email, name: options.name ?? 'Grace Hopper' };
}

export async function linkContact(
  userId: string,
  applicationId: string,
  contactId: string,
  options: { role?: string; isPrimary?: boolean } = {},
) {
  await sql()`insert into application_contacts (user_id, application_id, contact_id, role, is_primary)
    values (${userId}, ${applicationId}, ${contactId}, ${options.role ?? 'interviewer'}, ${options.isPrimary ?? false})`;
}

export async function seedInterview(
  userId: string,
  applicationId: string,
  options: { scheduledAt?: Date; kind?: string; impression?: string | null; attendeeIds?: string[] } = {},
) {
  const id = crypto.randomUUID();
  await sql()`insert into interviews (id, user_id, application_id, scheduled_at, kind, impression)
    values (${id}, ${userId}, ${applicationId}, ${options.scheduledAt ?? new Date(Date.now() - 24 * 3600 * 1000)},
            ${options.kind ?? 'video'}, ${options.impression ?? null})`;
  for (const contactId of options.attendeeIds ?? []) {
    await sql()`insert into interview_attendees (user_id, interview_id, contact_id) values (${userId}, ${id}, ${contactId})`;
  }
  return { id };
}
