import { PgBoss } from 'pg-boss';
import { sql, uniqueEmail } from '../helpers/db';
import { linkContact, seedApplication, seedContact } from '../helpers/seed';

const DAY = 24 * 3600 * 1000;

/**
 * An application waiting at Applied since `appliedDaysAgo`, with Grace as its
 * primary contact: the follow-up after applying comes due 7 days after.
 */
export async function appliedWithGrace(userId: string, appliedDaysAgo: number, company = 'Acme Rockets') {
  const application = await seedApplication(userId, { stage: 'applied', company });
  const applied = new Date(Date.now() - appliedDaysAgo * DAY);
  await sql()`update applications set applied_on = ${applied.toISOString().slice(0, 10)}, stage_changed_at = ${applied}
    where id = ${application.id}`;
  await sql()`update stage_changes set changed_at = ${applied} where application_id = ${application.id}`;
  const email = uniqueEmail('grace');
  const grace = { ...(await seedContact(userId, { name: 'Grace Hopper', email })), email };
  await linkContact(userId, application.id, grace.id, { isPrimary: true });
  return { application, grace };
}

/**
 * A time zone where it is a working hour on a weekday right now (an `Etc/GMT`
 * zone, whole hours off UTC), so an automatic letter may leave at once; null
 * on the few hours when it is the weekend everywhere.
 */
export function zoneInWorkingHours(now = new Date()): string | null {
  for (let offset = -12; offset <= 14; offset++) {
    const zone = offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', hour: 'numeric', hourCycle: 'h23' }).formatToParts(now);
    const weekday = parts.find((p) => p.type === 'weekday')?.value;
    const hour = Number(parts.find((p) => p.type === 'hour')?.value);
    // An hour's margin each side: the run happens a few seconds later.
    if (weekday && !['Sat', 'Sun'].includes(weekday) && hour >= 9 && hour < 17) return zone;
  }
  return null;
}

/**
 * Runs the automatic follow-up job now, instead of waiting for its ten-minute
 * schedule: a job on its queue, which the app's worker takes within seconds.
 */
export async function runFollowUpJobNow() {
  const boss = new PgBoss({ connectionString: process.env.E2E_DATABASE_URL!, supervise: false, schedule: false, migrate: false, max: 1 });
  await boss.start();
  try {
    await boss.send('follow-up-plans', {});
  } finally {
    await boss.stop({ graceful: false });
  }
}
