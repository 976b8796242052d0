import 'server-only';
import { db } from '@/db';
import {
  claimDigestDay,
  createDigestLink,
  digestDaysSince,
  digestsNotHandedOver,
  digestSubscribers,
  settleDigestDay,
} from '@/db/queries/digest';
import { getProfile } from '@/db/queries/users';
import DigestEmail, { type DigestEmailProps } from '@/emails/digest';
import { env } from '@/env';
import { type DigestContent, digestItemCount, nonEmpty } from '@/lib/digest/content';
import {
  DIGEST_LINK_HOURS,
  DIGEST_SEND_PATH,
  digestIdempotencyKey,
  digestLinkExpiry,
  hashLinkToken,
  newLinkToken,
} from '@/lib/digest/links';
import { digestDayDue, localDay } from '@/lib/digest/schedule';
import { unsubscribeHeaders, unsubscribeUrl } from '@/lib/digest/unsubscribe';
import { errorReason } from '@/lib/error-reason';
import { DAY_MS } from '@/lib/time/days';
import { renderEmail } from '@/server/mail/render-email';
import { pacer } from '@/server/mail/pacer';
import { sendMail } from '@/server/mail/send-mail';
import { composeDigest } from './compose-digest';

/**
 * A digest decided but not handed over is sent again once it is this old:
 * longer than one hand-over can take (the mail path gives up after 15 s),
 * so a run never races the process still sending it.
 */
export const DIGEST_RETRY_AFTER_MS = 2 * 60_000;
/** Resend forgets an idempotency key after 24 hours: past this, a digest is not tried again. */
const DIGEST_RETRY_FOR_MS = 23 * 3_600_000;

export type DigestOutcome = 'sent' | 'nothing_due' | 'taken' | 'not_sent';

type Options = { now?: Date; unsubscribeKey: Uint8Array };

function dayLabel(day: string) {
  return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/**
 * Decides, in one transaction, that the person's digest of `day` goes: the
 * digest_sends row (its primary key is the once-a-day) and the Send links
 * the mail carries. A first run claims the day; a retry finds it claimed and
 * only writes new links. Returns the mail's props, or null when it was
 * taken already, or there is nothing due (the row then says 0).
 */
async function decide(userId: string, day: string, content: DigestContent, now: Date, retry: boolean, key: Uint8Array) {
  const items = digestItemCount(content);
  const appUrl = env().appUrl;
  return db.transaction(async (tx) => {
    if (!retry && !(await claimDigestDay(tx, userId, day, items))) return null;
    if (items === 0) {
      if (retry) await settleDigestDay(userId, day, 0, tx);
      return null;
    }
    const shown = nonEmpty(content);
    const sections: DigestEmailProps['sections'] = [];
    for (const section of shown.sections) {
      const letters = [];
      for (const letter of section.letters) {
        let sendUrl: string | null = null;
        if (letter.send) {
          const token = newLinkToken();
          await createDigestLink(tx, userId, { tokenHash: hashLinkToken(token), target: letter.send, expiresAt: digestLinkExpiry(now) });
          sendUrl = `${appUrl}${DIGEST_SEND_PATH}/${token}`;
        }
        const { title, about, note, firstLines, problem } = letter;
        letters.push({ title, about, note, firstLines, problem, sendUrl, openUrl: `${appUrl}${letter.openPath}` });
      }
      sections.push({ key: section.key, title: section.title, letters });
    }
    return {
      items,
      props: {
        dayLabel: dayLabel(day),
        sections,
        questions: shown.questions.map((q) => ({ title: q.title, about: q.about, answerUrl: `${appUrl}${q.answerPath}` })),
        settingsUrl: `${appUrl}/settings`,
        unsubscribeUrl: unsubscribeUrl(appUrl, userId, key),
        linkHours: DIGEST_LINK_HOURS,
      } satisfies DigestEmailProps,
    };
  });
}

/**
 * One person's digest of one day: composed from what is due now, decided
 * (see `decide`), then handed to the one mail path under the day's own
 * idempotency key. Handed over, or refused by Resend as another body under
 * that key (an earlier attempt that did get through), the row is settled;
 * any other failure leaves it for the next run to send again.
 */
export async function sendDigest(userId: string, day: string, options: Options & { retry?: boolean }): Promise<DigestOutcome> {
  const now = options.now ?? new Date();
  const profile = await getProfile(userId);
  if (!profile) return 'not_sent';
  const content = await composeDigest(userId, day, profile.timeZone, now);
  const decided = await decide(userId, day, content, now, options.retry ?? false, options.unsubscribeKey);
  if (!decided) return digestItemCount(content) === 0 ? 'nothing_due' : 'taken';

  const { html, text } = await renderEmail(<DigestEmail {...decided.props} />);
  // A digest counts against Resend's limit like a letter: it takes a slot nobody waiting needs.
  await pacer.wait();
  const result = await sendMail({
    to: [profile.email],
    subject: `Your letters for ${decided.props.dayLabel}: ${decided.items} due`,
    html,
    text,
    tags: [{ name: 'category', value: 'digest' }],
    headers: unsubscribeHeaders(decided.props.unsubscribeUrl),
    idempotencyKey: digestIdempotencyKey(userId, day),
  });
  if (result.ok || result.outcome === 'conflict' || result.outcome === 'rejected') {
    if (!result.ok) console.error(`[digest] not sent again (${result.outcome}, ${result.status}): ${result.message}`);
    await settleDigestDay(userId, day, decided.items);
    return result.ok ? 'sent' : 'not_sent';
  }
  console.error(`[digest] hand-over failed (${result.outcome}, ${result.status}); the next run tries again`);
  return 'not_sent';
}

/**
 * The digest job (every 5 minutes, and at start): first the digests decided
 * but never handed over (a crash, an outage), then everyone whose digest
 * time has come today in their own zone and who has no digest row for that
 * day. Each person is tried on their own; a failure is logged and retried.
 */
export async function runDigests(options: Options): Promise<void> {
  const now = options.now ?? new Date();
  const attempt = async (userId: string, day: string, retry: boolean) => {
    try {
      await sendDigest(userId, day, { ...options, now, retry });
    } catch (error) {
      console.error(`[digest] could not send a digest; the next run tries again: ${errorReason(error)}`);
    }
  };
  const stale = new Date(now.getTime() - DIGEST_RETRY_AFTER_MS);
  for (const { userId, day } of await digestsNotHandedOver(stale, new Date(now.getTime() - DIGEST_RETRY_FOR_MS))) {
    await attempt(userId, day, true);
  }
  // Every zone's today is within a day of UTC's.
  const taken = await digestDaysSince(localDay(new Date(now.getTime() - DAY_MS), 'UTC'));
  for (const person of await digestSubscribers()) {
    const day = digestDayDue(now, person.timeZone, person.digestMinute);
    if (day && !taken.has(`${person.userId}:${day}`)) await attempt(person.userId, day, false);
  }
}
