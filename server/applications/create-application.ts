import 'server-only';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { recordActivity } from '@/db/queries/activity';
import { insertApplication } from '@/db/queries/applications';
import { findOrCreateCompany } from '@/db/queries/companies';
import type { ApplicationInput } from '@/lib/pipeline/application-input';
import { type ApplicationStage, firstStage } from '@/lib/pipeline/stages';

/** A person adds an application: its company (reused by name), its first stage and history, and the timeline entry. */
export async function createApplication(
  userId: string,
  input: ApplicationInput & { stage?: ApplicationStage },
  tx?: Executor,
): Promise<{ id: string }> {
  const work = async (t: Executor) => {
    const company = await findOrCreateCompany(t, userId, input.company, input.companyWebsite);
    const stage = firstStage(input);
    const created = await insertApplication(t, userId, input, company.id, stage);
    await recordActivity(t, userId, {
      kind: 'application_created',
      applicationId: created.id,
      detail: { company: company.name, position: input.position, stage },
    });
    return created;
  };
  return tx ? work(tx) : db.transaction(work);
}
