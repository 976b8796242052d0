import 'server-only';
import { db } from '@/db';
import { recordActivity } from '@/db/queries/activity';
import { updateApplicationFields } from '@/db/queries/applications';
import { findOrCreateCompany } from '@/db/queries/companies';
import { NOT_FOUND, UserError } from '@/lib/errors';
import type { ApplicationInput } from '@/lib/pipeline/application-input';

/** A person edits an application's details; a company typed anew is found or created by name. */
export async function updateApplication(userId: string, applicationId: string, input: ApplicationInput): Promise<void> {
  await db.transaction(async (tx) => {
    const company = await findOrCreateCompany(tx, userId, input.company, input.companyWebsite);
    // Thrown inside, so a company created for a missing application goes with it.
    if (!(await updateApplicationFields(tx, userId, applicationId, input, company.id))) throw new UserError(NOT_FOUND.application);
    await recordActivity(tx, userId, { kind: 'application_updated', applicationId });
  });
}
